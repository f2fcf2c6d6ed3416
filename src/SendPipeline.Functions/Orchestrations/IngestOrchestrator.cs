using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Orchestrations;

public static class IngestOrchestrator
{
    /// <summary>
    /// The Durable host for <see cref="IngestWorkflow"/>; the steps themselves live there so the CLI runs the same ones.
    /// Logs carry only the upload id: paths name the submitter, and nothing about pupils belongs in telemetry.
    /// The input is a typed parameter rather than <c>GetInput&lt;T&gt;()</c>: Functions binds it by type, and
    /// the plain Durable worker (the test host, a CLI host) only casts what it deserialized for the declared input type.
    /// </summary>
    [Function(IngestWorkflow.Name)]
    public static Task<IngestResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, IngestRequest request) =>
        RunWithRetryAsync(context, request, RetryPolicies.Activity);

    /// <summary>
    /// The same orchestration with another retry policy: tests use waits of milliseconds, not the 5 s to a minute
    /// of <see cref="RetryPolicies.Activity"/>, so recovering from a failed activity does not cost a minute.
    /// </summary>
    internal static async Task<IngestResult> RunWithRetryAsync(TaskOrchestrationContext context, IngestRequest request, RetryPolicy retryPolicy)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logger = context.CreateReplaySafeLogger(nameof(IngestOrchestrator));

        var result = await IngestWorkflow.RunAsync(new DurableWorkflowContext(context, retryPolicy), request);

        logger.LogInformation("Ingest {UploadId} finished: {Status}, current {BecameCurrent}",
            result.Validation.UploadId, result.Validation.Status, result.Record?.BecameCurrent);
        return result;
    }
}
