using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Orchestrations;

/// <summary>
/// Tells the singleton rebuild orchestration that a return in force changed: starts it when it is
/// not running (never started, or ended by a failure), otherwise raises the event it waits for.
/// </summary>
public static class RebuildSignal
{
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    public static async Task SignalAsync(DurableTaskClient client, RebuildRequest request, ILogger logger, CancellationToken cancellationToken = default)
    {
        var id = RebuildWorkflow.SingletonInstanceId;
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            try
            {
                // A finished or failed instance is replaced; a live one never is (two uploads may race here),
                // so the loser gets "already exists" and signals the winner instead.
                var options = new StartOrchestrationOptions(id).WithDedupeStatuses(Live);
                await client.ScheduleNewOrchestrationInstanceAsync(RebuildWorkflow.Name, request, options, cancellationToken);
                logger.LogInformation("Rebuild started ({Reason})", request.Reason);
                return;
            }
            catch (Exception ex) when (IngestStarter.IsAlreadyExists(ex))
            {
                // Another upload started it a moment ago: signal that one instead.
            }
        }
        await client.RaiseEventAsync(id, RebuildActivityNames.ReturnsChangedEvent, request.Reason, cancellationToken);
        logger.LogInformation("Rebuild signalled ({Reason})", request.Reason);
    }
}
