using SendPipeline.Core.Picture;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>Reads the LA's picture from storage: the accepted returns in force and the upload records.</summary>
public sealed class PictureLoader(IBlobStore blobs, ITableStore tables)
{
    public async Task<LaPicture> LoadAsync(CancellationToken cancellationToken = default)
    {
        var picture = new LaPicture();
        var inForce = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.QueryAsync(StorageLayout.AcceptedTable, cancellationToken: cancellationToken))
        {
            var uploadId = row.GetString("UploadId")!;
            inForce.Add(uploadId);
            var canonical = row.GetString("CanonicalPath");
            if (string.IsNullOrEmpty(canonical)) continue;
            await using var stream = await blobs.OpenReadAsync(canonical, cancellationToken);
            picture.Add(row.PartitionKey, uploadId, row.GetString("UploadPath") ?? "", row.GetString("Subject") ?? row.GetString("Submitter") ?? "", stream);
        }

        var latest = new Dictionary<(string, string), TableRow>();
        await foreach (var row in tables.QueryAsync(StorageLayout.UploadsTable, cancellationToken: cancellationToken))
        {
            if (row.GetString("Status") == UploadStatus.Superseded) continue;
            var key = (row.GetString("Subject") ?? row.GetString("Submitter") ?? row.PartitionKey, row.GetString("ReturnType") ?? "");
            if (!latest.TryGetValue(key, out var seen) || Later(row, seen)) latest[key] = row;
        }
        foreach (var ((submitter, returnType), row) in latest)
            picture.Uploads.Add(new UploadStatusRow(submitter, returnType, row.GetString("UploadPath") ?? "", row.RowKey, row.GetString("Status") ?? "",
                row.GetString("Period"), row.GetDateTimeOffset("ReceivedUtc") ?? default, (int)row.GetInt64("Errors"), (int)row.GetInt64("Queries"),
                inForce.Contains(row.RowKey)));
        return picture;
    }

    private static bool Later(TableRow a, TableRow b)
    {
        var (ta, tb) = (a.GetDateTimeOffset("ReceivedUtc") ?? default, b.GetDateTimeOffset("ReceivedUtc") ?? default);
        return ta != tb ? ta > tb : string.CompareOrdinal(a.RowKey, b.RowKey) > 0;
    }
}
