using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Triggers;

/// <summary>
/// Starts the submission orchestration for a quarter unless one is already running for it: the timer
/// and a person pressing the button at the same moment must not publish twice. A finished instance is
/// replaced, since a rerun is how a draft becomes final after the sign-offs.
/// </summary>
public static class SubmissionStarter
{
    private static readonly OrchestrationRuntimeStatus[] Running = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <returns>The instance id, and whether this call started it (false: one was already running).</returns>
    public static async Task<(string InstanceId, bool Started)> StartAsync(DurableTaskClient client, SubmissionRequest request, ILogger logger, CancellationToken cancellationToken = default)
    {
        var instanceId = SubmissionWorkflow.InstanceIdFor(request.Quarter);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { } existing && Running.Contains(existing.RuntimeStatus))
        {
            logger.LogInformation("Submission {InstanceId} is already {Status}; not starting another", instanceId, existing.RuntimeStatus);
            return (instanceId, false);
        }
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(SubmissionWorkflow.Name, request,
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Running), cancellationToken);
        }
        catch (Exception ex) when (IngestStarter.IsAlreadyExists(ex))
        {
            logger.LogInformation("Submission {InstanceId} was started concurrently", instanceId);
            return (instanceId, false);
        }
        logger.LogInformation("Submission {InstanceId} scheduled", instanceId);
        return (instanceId, true);
    }
}
