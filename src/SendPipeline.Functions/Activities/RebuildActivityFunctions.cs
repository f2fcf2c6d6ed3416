using Microsoft.Azure.Functions.Worker;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Activities;

/// <summary>Binds the rebuild activities to Durable; the work is in <see cref="IRebuildActivities"/>.</summary>
public sealed class RebuildActivityFunctions(IRebuildActivities activities)
{
    [Function(RebuildActivityNames.BuildDataQuality)]
    public Task<DataQualitySummary> BuildDataQuality([ActivityTrigger] RebuildRequest request, FunctionContext context) =>
        activities.BuildDataQualityAsync(request, context.CancellationToken);
}
