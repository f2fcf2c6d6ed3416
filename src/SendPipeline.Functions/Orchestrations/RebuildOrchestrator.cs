using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Orchestrations;

public static class RebuildOrchestrator
{
    /// <summary>The Durable host for <see cref="RebuildWorkflow"/>; the CLI's <c>rebuild</c> runs the same steps directly.</summary>
    [Function(RebuildWorkflow.Name)]
    public static async Task<RebuildResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, RebuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logger = context.CreateReplaySafeLogger(nameof(RebuildOrchestrator));

        var result = await RebuildWorkflow.RunAsync(new DurableWorkflowContext(context, RetryPolicies.Activity), request);

        logger.LogInformation("Rebuild finished: {Issues} data-quality issues across {Returns} returns", result.DataQuality.Issues, result.DataQuality.ReturnsRead);
        return result;
    }
}
