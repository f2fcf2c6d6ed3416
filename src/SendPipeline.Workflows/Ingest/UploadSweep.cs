using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// The CLI's stand-in for the blob trigger: finds every upload not yet ingested and runs the same
/// ingest workflow on each, in order of receipt, so the final state equals the Functions app's.
/// <paramref name="decorate"/> wraps each activity call (see <see cref="ActivityDecorator"/>).
/// </summary>
public sealed class UploadSweep(IBlobStore blobs, ITableStore tables, IIngestActivities activities, IRebuildSignal? rebuild = null, ActivityDecorator? decorate = null)
{
    private readonly IRebuildSignal _rebuild = rebuild ?? new PendingRebuild();

    public async Task<IReadOnlyList<IngestResult>> RunAsync(IProgress<IngestResult>? progress = null, CancellationToken cancellationToken = default)
    {
        var pending = new List<(BlobInfo Blob, UploadPath Upload)>();
        await foreach (var blob in blobs.ListAsync(StorageLayout.Uploads + "/", cancellationToken))
        {
            // Only the trigger's path shape is an upload; anything else in the container is ignored, as in Azure.
            if (UploadPath.TryParse(blob.Path, out var upload, out _)) pending.Add((blob, upload));
        }

        var results = new List<IngestResult>();
        foreach (var (_, upload) in pending.OrderBy(p => p.Blob.LastModified).ThenBy(p => p.Blob.Path, StringComparer.Ordinal))
        {
            if (await IngestAsync(upload, cancellationToken) is not { } result) continue;
            results.Add(result);
            progress?.Report(result);
        }
        return results;
    }

    /// <summary>
    /// Ingests one upload now, as the blob trigger would: <c>sendpipeline serve</c> calls this right after
    /// the portal's PUT. Null when the same path and bytes are already recorded (the duplicate does nothing).
    /// </summary>
    public async Task<IngestResult?> IngestAsync(UploadPath upload, CancellationToken cancellationToken = default)
    {
        string hash;
        await using (var content = await blobs.OpenReadAsync(upload.Path, cancellationToken))
            hash = await UploadIds.HashAsync(content, cancellationToken);
        var request = new IngestRequest(upload.Path, hash);
        if (await tables.GetAsync(StorageLayout.UploadsTable, UploadRecords.Key(upload.SubmitterId), request.UploadId, cancellationToken) is not null)
            return null;
        var context = new DirectWorkflowContext(request.InstanceId, DirectWorkflowContext.ForIngest(activities, _rebuild), decorate);
        return await IngestWorkflow.RunAsync(context, request);
    }
}
