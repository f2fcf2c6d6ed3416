using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// The steps of rebuilding the LA's datasets from the returns in force, written once for both hosts.
/// Today: the checks across returns with the data-quality report, and the workforce-capacity dataset;
/// the HNB forecast joins here.
/// </summary>
public static class RebuildWorkflow
{
    public const string Name = "RebuildOrchestrator";

    /// <summary>One rebuild at a time: the Functions app uses this fixed instance id.</summary>
    public const string SingletonInstanceId = "rebuild";

    public static async Task<RebuildResult> RunAsync(IWorkflowContext context, RebuildRequest request)
    {
        var dataQuality = await context.CallActivityAsync<DataQualitySummary>(RebuildActivityNames.BuildDataQuality, request);
        var workforce = await context.CallActivityAsync<WorkforceSummary>(RebuildActivityNames.BuildWorkforce, request);
        return new RebuildResult(dataQuality, workforce);
    }
}
