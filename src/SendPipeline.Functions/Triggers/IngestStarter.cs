using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Triggers;

/// <summary>
/// Starts the ingest orchestration for an upload at most once. The instance id is derived from the path and
/// the content hash, so a redelivered Event Grid event, or the same bytes uploaded again, finds the instance
/// already there and does nothing.
/// </summary>
public static class IngestStarter
{
    /// <summary>
    /// Every status counts as "already there": by default the backend would otherwise replace a finished
    /// instance (re-ingesting a duplicate) or terminate a running one.
    /// </summary>
    private static readonly OrchestrationRuntimeStatus[] NeverReplace = Enum.GetValues<OrchestrationRuntimeStatus>();

    /// <returns>True if this call scheduled the orchestration; false if an instance already existed.</returns>
    public static async Task<bool> StartAsync(DurableTaskClient client, IngestRequest request, ILogger logger, CancellationToken cancellationToken = default)
    {
        var instanceId = request.InstanceId;
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            logger.LogInformation("Upload {UploadId} already has an ingest instance; skipping", request.UploadId);
            return false;
        }

        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(NeverReplace);
            await client.ScheduleNewOrchestrationInstanceAsync(IngestWorkflow.Name, request, options, cancellationToken);
        }
        catch (Exception ex) when (IsAlreadyExists(ex))
        {
            // Two deliveries of the same event raced past the check above; the other one won.
            logger.LogInformation("Upload {UploadId} ingest was started concurrently; skipping", request.UploadId);
            return false;
        }

        logger.LogInformation("Upload {UploadId} ingest scheduled as {InstanceId}", request.UploadId, instanceId);
        return true;
    }

    /// <summary>
    /// The gRPC client maps the host's AlreadyExists status to <see cref="OrchestrationAlreadyExistsException"/>;
    /// older hosts report it only as an RPC error whose text says the instance already exists.
    /// </summary>
    internal static bool IsAlreadyExists(Exception ex) => ex switch
    {
        OrchestrationAlreadyExistsException => true,
        RpcException { StatusCode: StatusCode.AlreadyExists } => true,
        RpcException or InvalidOperationException => ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
