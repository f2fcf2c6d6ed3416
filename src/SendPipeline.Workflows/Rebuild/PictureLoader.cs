using SendPipeline.Core.Picture;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// Reads the LA's picture from storage: the accepted returns in force and the upload records.
/// A rebuild builds several datasets from one picture, each in its own activity; the last picture
/// is kept and reused while the two tables still name the same uploads, so the canonical returns
/// (the bulk of the I/O) are read once per change, not once per dataset. Upload records and
/// canonical returns are immutable per upload id, so equal ids mean an equal picture.
/// </summary>
public sealed class PictureLoader(IBlobStore blobs, ITableStore tables)
{
    private sealed record Cached(string InForce, string Uploads, LaPicture Picture);

    private volatile Cached? _last;

    /// <summary>The picture with every submitter's latest upload status: for the data-quality report.</summary>
    public async Task<LaPicture> LoadAsync(CancellationToken cancellationToken = default) =>
        (await LoadWithFingerprintAsync(cancellationToken)).Picture;

    /// <summary>As <see cref="LoadAsync(CancellationToken)"/>, with the fingerprint of the returns in force it was read from.</summary>
    public async Task<(LaPicture Picture, BuiltFromRecord BuiltFrom)> LoadWithFingerprintAsync(CancellationToken cancellationToken = default)
    {
        var accepted = await tables.QueryAsync(StorageLayout.AcceptedTable, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return (await LoadAsync(accepted, withUploadStatus: true, cancellationToken), BuiltFrom.Of(accepted));
    }

    /// <summary>
    /// For datasets built from the returns in force alone (workforce, HNB forecast): the last picture
    /// is reused while the accepted table names the same uploads, without reading the uploads table
    /// (a row per upload ever made, the larger table); its <see cref="LaPicture.Uploads"/> are then
    /// as of the last load that read them.
    /// </summary>
    public Task<LaPicture> LoadReturnsInForceAsync(CancellationToken cancellationToken = default) => LoadAsync(withUploadStatus: false, cancellationToken);

    private async Task<LaPicture> LoadAsync(bool withUploadStatus, CancellationToken cancellationToken) =>
        await LoadAsync(await tables.QueryAsync(StorageLayout.AcceptedTable, cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            withUploadStatus, cancellationToken);

    private async Task<LaPicture> LoadAsync(List<TableRow> accepted, bool withUploadStatus, CancellationToken cancellationToken)
    {
        var inForce = string.Join('\n', accepted.Select(r => r.GetString(UploadRecords.Field.UploadId)));
        var last = _last;
        if (!withUploadStatus && last is not null && last.InForce == inForce) return last.Picture;
        var uploads = await tables.QueryAsync(StorageLayout.UploadsTable, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var uploaded = string.Join('\n', uploads.Select(r => r.PartitionKey + "/" + r.RowKey));
        if (last is not null && last.InForce == inForce && last.Uploads == uploaded) return last.Picture;
        var picture = await BuildAsync(accepted, uploads, cancellationToken);
        _last = new Cached(inForce, uploaded, picture);
        return picture;
    }

    private async Task<LaPicture> BuildAsync(List<TableRow> accepted, List<TableRow> uploads, CancellationToken cancellationToken)
    {
        var picture = new LaPicture();
        var inForce = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in accepted)
        {
            var uploadId = row.GetString(UploadRecords.Field.UploadId)!;
            inForce.Add(uploadId);
            var canonical = row.GetString(UploadRecords.Field.CanonicalPath);
            if (string.IsNullOrEmpty(canonical)) continue;
            await using var stream = await blobs.OpenReadAsync(canonical, cancellationToken);
            picture.Add(row.PartitionKey, uploadId, row.GetString(UploadRecords.Field.UploadPath) ?? "", row.GetString(UploadRecords.Field.Subject) ?? row.GetString(UploadRecords.Field.Submitter) ?? "", stream,
                row.GetString(UploadRecords.Field.ContentHash));
        }

        var latest = new Dictionary<(string, string), TableRow>();
        foreach (var row in uploads)
        {
            // A duplicate changed nothing: the submitter's latest upload stays the one it repeats.
            if (row.GetString(UploadRecords.Field.Status) is UploadStatus.Superseded or UploadStatus.Duplicate) continue;
            var key = (row.GetString(UploadRecords.Field.Subject) ?? row.GetString(UploadRecords.Field.Submitter) ?? row.PartitionKey, row.GetString(UploadRecords.Field.ReturnType) ?? "");
            if (!latest.TryGetValue(key, out var seen) || Later(row, seen)) latest[key] = row;
        }
        foreach (var ((submitter, returnType), row) in latest)
            picture.Uploads.Add(new UploadStatusRow(submitter, returnType, row.GetString(UploadRecords.Field.UploadPath) ?? "", row.RowKey, row.GetString(UploadRecords.Field.Status) ?? "",
                row.GetString(UploadRecords.Field.Period), row.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? default, (int)row.GetInt64(UploadRecords.Field.Errors), (int)row.GetInt64(UploadRecords.Field.Queries),
                inForce.Contains(row.RowKey)));
        return picture;
    }

    private static bool Later(TableRow a, TableRow b)
    {
        var (ta, tb) = (a.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? default, b.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? default);
        return ta != tb ? ta > tb : string.CompareOrdinal(a.RowKey, b.RowKey) > 0;
    }
}
