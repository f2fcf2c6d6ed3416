using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// The steps of rebuilding the LA's datasets from the returns in force, written once for both hosts.
/// The checks across returns with the data-quality report, the workforce-capacity dataset and the
/// HNB cost forecast, then the Power BI star schema built with them and the officers' dashboard drawn from them,
/// and last the record of which returns in force they reflect (<see cref="BuiltFrom"/>).
/// </summary>
public static class RebuildWorkflow
{
    public const string Name = "RebuildOrchestrator";

    /// <summary>One rebuild at a time: the Functions app uses this fixed instance id.</summary>
    public const string SingletonInstanceId = "rebuild";

    public static async Task<RebuildResult> RunAsync(IWorkflowContext context, RebuildRequest request)
    {
        var dataQuality = await context.CallAsync(RebuildActivityTable.BuildDataQuality, request);
        var workforce = await context.CallAsync(RebuildActivityTable.BuildWorkforce, request);
        var hnb = await context.CallAsync(RebuildActivityTable.BuildHnbForecast, request);
        var powerBi = await context.CallAsync(RebuildActivityTable.BuildPowerBi, request);
        var dashboard = await context.CallAsync(RebuildActivityTable.BuildDashboard, request);
        // Last: a rebuild stopped before this leaves the datasets marked as behind, so the next command rebuilds.
        if (dataQuality.BuiltFrom is { } builtFrom)
            await context.CallAsync(RebuildActivityTable.RecordBuiltFrom, builtFrom);
        return new RebuildResult(dataQuality, workforce, hnb, powerBi) { Dashboard = dashboard };
    }
}
