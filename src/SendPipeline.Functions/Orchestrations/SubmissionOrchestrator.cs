using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Orchestrations;

/// <summary>
/// The Durable host for <see cref="SubmissionWorkflow"/>: one instance per quarter
/// (<see cref="SubmissionWorkflow.InstanceIdFor"/>), started by the timer, the HTTP function or by hand.
/// The CLI's <c>submit</c> runs the same workflow directly.
/// </summary>
public static class SubmissionOrchestrator
{
    [Function(SubmissionWorkflow.Name)]
    public static async Task<SubmissionResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, SubmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logger = context.CreateReplaySafeLogger(nameof(SubmissionOrchestrator));

        var result = await SubmissionWorkflow.RunAsync(new DurableWorkflowContext(context, RetryPolicies.Activity), request);

        context.SetCustomStatus(new { result.Package.Status, result.Package.Version, result.Package.MissingSignOffs, Delivery = result.Delivery.Status });
        logger.LogInformation("Submission {Quarter}: v{Version} {Status} (published {Published}); delivery {Delivery}",
            request.Quarter, result.Package.Version, result.Package.Status, result.Package.Published, result.Delivery.Status);
        return result;
    }
}
