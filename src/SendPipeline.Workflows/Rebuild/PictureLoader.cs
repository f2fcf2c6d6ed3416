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
/// When the returns in force change, only the returns not read before are read: each return's part of the
/// picture is kept (<see cref="LaPicture.Include"/>), so after one school's upload a long-lived worker reads
/// that one return and recombines the rest, and the picture is the one a fresh read would give. The parts are also
/// kept in storage (<see cref="PartsPath"/>, <see cref="PicturePartCodec"/>), so a fresh process (the CLI, a
/// Functions instance just started) reads that file and the returns not in it, not every canonical return;
/// <paramref name="readEveryReturn"/> (a full rebuild) ignores the file and writes it afresh.
/// </summary>
public sealed class PictureLoader(IBlobStore blobs, ITableStore tables, bool readEveryReturn = false)
{
    /// <summary>The parts of the picture the last rebuild kept, by each return's upload and content hash.</summary>
    public const string PartsPath = StorageLayout.Cache + "/picture-parts.bin";

    private sealed record Cached(string InForce, string Uploads, LaPicture Picture);

    private volatile Cached? _last;

    /// <summary>
    /// The part of the picture each return in force gave, by <see cref="PartKey"/>; replaced whole on each read,
    /// so returns no longer in force are let go with the picture that held them.
    /// </summary>
    private volatile Dictionary<string, LaPicture> _parts = new(StringComparer.Ordinal);

    /// <summary>How many canonical returns the last read of the picture opened (the rest were kept parts).</summary>
    public int ReturnsReadLastTime { get; private set; }

    /// <summary>Canonical returns opened at once: overlaps blob round trips, bounded so memory is too.</summary>
    private const int ReadsAtOnce = 8;

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
        var kept = _parts;
        var fromFile = kept.Count == 0 && !readEveryReturn;
        if (fromFile) kept = await ReadPartsFileAsync(cancellationToken);
        var keys = accepted.Select(PartKey).ToArray();
        var parts = new LaPicture?[accepted.Count];
        var toRead = new List<int>();
        for (var i = 0; i < accepted.Count; i++)
        {
            if (kept.TryGetValue(keys[i], out var part)) parts[i] = part;
            else toRead.Add(i);
        }
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = ReadsAtOnce,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(toRead, parallel, async (i, ct) => parts[i] = await ReadPartAsync(accepted[i], ct));
        ReturnsReadLastTime = toRead.Count;

        var picture = new LaPicture();
        var inForce = new HashSet<string>(StringComparer.Ordinal);
        var now = new Dictionary<string, LaPicture>(StringComparer.Ordinal);
        for (var i = 0; i < accepted.Count; i++)
        {
            inForce.Add(accepted[i].GetString(UploadRecords.Field.UploadId)!);
            picture.Include(parts[i]!);
            now[keys[i]] = parts[i]!;
        }
        _parts = now;
        await WritePartsFileAsync(keys, now, cancellationToken);

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

    /// <summary>
    /// Each part as the file in storage holds it, so writing the file again encodes only the new parts; its keys are
    /// what the file holds, as far as this loader knows (null: not known, so the next read writes the file).
    /// </summary>
    private Dictionary<string, ReadOnlyMemory<byte>>? _encoded;

    private async Task<Dictionary<string, LaPicture>> ReadPartsFileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await blobs.OpenReadAsync(PartsPath, cancellationToken);
            var parts = PicturePartCodec.Read(stream);
            _encoded = parts.ToDictionary(p => p.Key, p => p.Value.Encoded, StringComparer.Ordinal);
            return parts.ToDictionary(p => p.Key, p => p.Value.Part, StringComparer.Ordinal);
        }
        catch (BlobNotFoundException)
        {
            return new Dictionary<string, LaPicture>(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Keeps the parts of the returns in force (<paramref name="keys"/>, in the accepted table's order). Only a cache:
    /// written after the parts are read, so a crash leaves the previous file, whose parts are keyed by upload and so
    /// still true. Not written when the file already holds exactly these parts.
    /// </summary>
    private async Task WritePartsFileAsync(string[] keys, Dictionary<string, LaPicture> parts,
        CancellationToken cancellationToken)
    {
        var keep = keys.Where(key => PicturePartCodec.CanKeep(parts[key])).ToList();
        var known = _encoded;
        if (known is not null && known.Count == keep.Count && keep.All(known.ContainsKey)) return;
        var encoded = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var key in keep)
            encoded[key] = known is not null && known.TryGetValue(key, out var bytes)
                ? bytes : PicturePartCodec.Encode(parts[key]);
        var entries = keep.Select(key => (key, encoded[key])).ToList();
        await blobs.WriteRenderedAsync(PartsPath, "application/octet-stream", s => PicturePartCodec.Write(s, entries),
            cancellationToken);
        _encoded = encoded;
    }

    /// <summary>
    /// One return in force read alone. A row with no canonical copy still counts in force but adds nothing, as a
    /// return type the pipeline does not know adds only its lineage.
    /// </summary>
    private async Task<LaPicture> ReadPartAsync(TableRow row, CancellationToken cancellationToken)
    {
        var part = new LaPicture();
        var canonical = row.GetString(UploadRecords.Field.CanonicalPath);
        if (string.IsNullOrEmpty(canonical)) return part;
        await using var stream = await blobs.OpenReadAsync(canonical, cancellationToken);
        var submitter = row.GetString(UploadRecords.Field.Subject)
            ?? row.GetString(UploadRecords.Field.Submitter) ?? "";
        var uploadId = row.GetString(UploadRecords.Field.UploadId)!;
        var uploadPath = row.GetString(UploadRecords.Field.UploadPath) ?? "";
        var hash = row.GetString(UploadRecords.Field.ContentHash);
        part.Add(row.PartitionKey, uploadId, uploadPath, submitter, stream, hash);
        return part;
    }

    /// <summary>What a return's part depends on: the upload (immutable per id), its canonical copy and hash.</summary>
    private static string PartKey(TableRow row) => string.Join('\n', row.PartitionKey,
        row.GetString(UploadRecords.Field.UploadId), row.GetString(UploadRecords.Field.CanonicalPath),
        row.GetString(UploadRecords.Field.ContentHash), row.GetString(UploadRecords.Field.UploadPath),
        row.GetString(UploadRecords.Field.Subject), row.GetString(UploadRecords.Field.Submitter));

    private static bool Later(TableRow a, TableRow b)
    {
        var (ta, tb) = (a.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? default, b.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? default);
        return ta != tb ? ta > tb : string.CompareOrdinal(a.RowKey, b.RowKey) > 0;
    }
}
