using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Activities;

/// <summary>
/// Binds the rebuild activities to Durable: one [Function] per activity of <see cref="RebuildActivityTable"/>, which
/// says what each runs (a test holds the bindings and the table to each other).
/// </summary>
public sealed class RebuildActivityFunctions(IRebuildActivities activities, IConfiguration configuration, ILogger<RebuildActivityFunctions> logger)
{
    /// <summary>App setting for the debounce window in seconds (default 30).</summary>
    public const string DebounceSetting = "SendPipeline:RebuildDebounceSeconds";

    /// <summary>The ingest workflow's last step when a return became current: signal the singleton rebuild.</summary>
    [Function(IngestActivityNames.RequestRebuild)]
    public async Task<bool> RequestRebuild([ActivityTrigger] RebuildRequest request, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        var window = configuration.GetValue(DebounceSetting, RebuildRequest.DefaultDebounceSeconds);
        await RebuildSignal.SignalAsync(client, request with { DebounceSeconds = window }, logger, context.CancellationToken);
        return true;
    }

    [Function(RebuildActivityNames.BuildHnbForecast)]
    public Task<HnbForecastSummary> BuildHnbForecast([ActivityTrigger] RebuildRequest request, FunctionContext context) =>
        RebuildActivityTable.BuildHnbForecast.Run(activities, request, context.CancellationToken);

    [Function(RebuildActivityNames.BuildDashboard)]
    public Task<DashboardSummary> BuildDashboard([ActivityTrigger] RebuildRequest request, FunctionContext context) =>
        RebuildActivityTable.BuildDashboard.Run(activities, request, context.CancellationToken);
    [Function(RebuildActivityNames.BuildPowerBi)]
    public Task<PowerBiSummary> BuildPowerBi([ActivityTrigger] RebuildRequest request, FunctionContext context) =>
        RebuildActivityTable.BuildPowerBi.Run(activities, request, context.CancellationToken);

    [Function(RebuildActivityNames.RecordBuiltFrom)]
    public Task<bool> RecordBuiltFrom([ActivityTrigger] BuiltFromRecord builtFrom, FunctionContext context) =>
        RebuildActivityTable.RecordBuiltFrom.Run(activities, builtFrom, context.CancellationToken);

    [Function(RebuildActivityNames.BuildWorkforce)]
    public Task<WorkforceSummary> BuildWorkforce([ActivityTrigger] RebuildRequest request, FunctionContext context) =>
        RebuildActivityTable.BuildWorkforce.Run(activities, request, context.CancellationToken);

    [Function(RebuildActivityNames.BuildDataQuality)]
    public Task<DataQualitySummary> BuildDataQuality([ActivityTrigger] RebuildRequest request, FunctionContext context) =>
        RebuildActivityTable.BuildDataQuality.Run(activities, request, context.CancellationToken);
}
