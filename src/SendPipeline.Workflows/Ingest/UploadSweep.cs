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
        await CompleteHalfRecordedAsync(cancellationToken);
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

    /// <summary>Accepted uploads whose return in force the sweep had to finish (see <see cref="CompleteHalfRecordedAsync"/>).</summary>
    public int HalfRecordedCompleted { get; private set; }

    /// <summary>
    /// Finishes uploads recorded as accepted that the accepted table does not reflect: neither in force nor
    /// replaced by a later receipt. Ingest now writes the return in force before the upload record, so a kill
    /// cannot leave this; a store written by earlier versions (record first) can hold such uploads, which no
    /// rerun would otherwise touch because the sweep skips recorded uploads. Recording is idempotent.
    /// </summary>
    public async Task CompleteHalfRecordedAsync(CancellationToken cancellationToken = default)
    {
        var inForce = new Dictionary<(string, string), TableRow>();
        await foreach (var row in tables.QueryAsync(StorageLayout.AcceptedTable, cancellationToken: cancellationToken))
            inForce[(row.PartitionKey, row.RowKey)] = row;
        var unfinished = new List<(ValidationSummary Summary, ReportFiles Reports)>();
        await foreach (var row in tables.QueryAsync(StorageLayout.UploadsTable, cancellationToken: cancellationToken))
        {
            if (row.GetString(UploadRecords.Field.Status) != UploadStatus.Accepted) continue;
            var summary = UploadRecords.ToSummary(row);
            var key = (UploadRecords.Key(summary.ReturnType), UploadRecords.AcceptedRowKey(summary));
            if (inForce.TryGetValue(key, out var current) && (current.GetString(UploadRecords.Field.UploadId) == summary.UploadId || !IngestActivities.IsNewer(summary, current)))
                continue;
            unfinished.Add((summary, UploadRecords.ReportsOf(row)));
        }
        foreach (var (summary, reports) in unfinished.OrderBy(u => u.Summary.ReceivedUtc).ThenBy(u => u.Summary.UploadPath, StringComparer.Ordinal))
        {
            var outcome = await activities.RecordUploadAsync(new RecordRequest(summary, reports), cancellationToken);
            if (outcome.BecameCurrent) await _rebuild.RequestAsync(new RebuildRequest($"upload {summary.UploadId} completed"), cancellationToken);
            HalfRecordedCompleted++;
        }
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
