using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Orchestrations;

/// <summary>
/// The Durable host for <see cref="RebuildWorkflow"/>, run as one long-lived instance
/// (<see cref="RebuildWorkflow.SingletonInstanceId"/>) so rebuilds never overlap:
/// <list type="number">
/// <item>wait until no "returns changed" signal has arrived for the debounce window, so a burst of
/// uploads becomes one rebuild;</item>
/// <item>rebuild, and publish the summary as the instance's custom status;</item>
/// <item>idle until the next signal (one that arrived during the rebuild is already buffered), then
/// continue as new, keeping unprocessed signals, so the history stays short and no signal is lost.</item>
/// </list>
/// The CLI's <c>rebuild</c> runs the same workflow directly.
/// </summary>
public static class RebuildOrchestrator
{
    [Function(RebuildWorkflow.Name)]
    public static async Task<RebuildResult?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, RebuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logger = context.CreateReplaySafeLogger(nameof(RebuildOrchestrator));
        var window = TimeSpan.FromSeconds(Math.Max(0, request.DebounceSeconds));

        while (true)
        {
            using var cancel = new CancellationTokenSource();
            var quiet = context.CreateTimer(window, cancel.Token);
            var another = context.WaitForExternalEvent<string>(RebuildActivityNames.ReturnsChangedEvent, cancel.Token);
            var first = await Task.WhenAny(quiet, another);
            cancel.Cancel();
            if (first == quiet) break;
        }

        var result = await RebuildWorkflow.RunAsync(new DurableWorkflowContext(context, RetryPolicies.Activity), request);
        context.SetCustomStatus(result.DataQuality);
        logger.LogInformation("Rebuild finished: {Issues} data-quality issues across {Returns} returns", result.DataQuality.Issues, result.DataQuality.ReturnsRead);

        var next = await context.WaitForExternalEvent<string>(RebuildActivityNames.ReturnsChangedEvent);
        context.ContinueAsNew(request with { Reason = next }, preserveUnprocessedEvents: true);
        return result;
    }
}
