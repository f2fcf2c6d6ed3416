using System.Text.Json;
using System.Text.Json.Serialization;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// Frozen snapshots in blob storage, content-addressed: <c>submissions/{quarter}/snapshots/{hash}/</c>
/// holds a CSV per table and <c>snapshot.json</c> (written last, so its presence means complete).
/// Reading one recomputes its hash, so a snapshot altered in storage is refused, not signed or sent.
/// </summary>
public sealed class SnapshotStore(IBlobStore blobs)
{
    public const string DocumentName = "snapshot.json";

    private sealed record TableEntry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("sha256")] string Sha256);

    private sealed record Document(
        [property: JsonPropertyName("hash")] string Hash,
        [property: JsonPropertyName("laCode")] string LaCode,
        [property: JsonPropertyName("quarter")] string Quarter,
        [property: JsonPropertyName("ruleCatalogueVersion")] string RuleCatalogueVersion,
        [property: JsonPropertyName("tables")] IReadOnlyList<TableEntry> Tables,
        [property: JsonPropertyName("checks")] IReadOnlyList<CheckResult> Checks,
        [property: JsonPropertyName("assumptions")] IReadOnlyList<AssumptionsLineage> Assumptions,
        [property: JsonPropertyName("returns")] IReadOnlyList<LineageEntry> Returns);

    /// <summary>Stores the snapshot unless it is already stored; returns its folder.</summary>
    public async Task<string> SaveAsync(SubmissionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Snapshot(snapshot.Quarter.ToString(), snapshot.Hash);
        if (await blobs.GetInfoAsync($"{folder}/{DocumentName}", cancellationToken) is not null) return folder;
        foreach (var table in snapshot.Tables)
            await WriteOnceAsync($"{folder}/{table.FileName}", table.Csv, "text/csv", cancellationToken);
        var document = new Document(snapshot.Hash, snapshot.LaCode, snapshot.Quarter.ToString(), snapshot.RuleCatalogueVersion,
            [.. snapshot.Tables.Select(t => new TableEntry(t.Name, t.Title, t.Sha256))],
            snapshot.Checks, snapshot.Assumptions, snapshot.Returns);
        await WriteOnceAsync($"{folder}/{DocumentName}", JsonSerializer.SerializeToUtf8Bytes(document, ReportJson.Options), "application/json", cancellationToken);
        return folder;
    }

    public async Task<SubmissionSnapshot> LoadAsync(string quarter, string hash, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Snapshot(quarter, hash);
        Document document;
        await using (var json = await blobs.OpenReadAsync($"{folder}/{DocumentName}", cancellationToken))
            document = JsonSerializer.Deserialize<Document>(json, ReportJson.Options) ?? throw new InvalidDataException($"{folder}/{DocumentName} is empty.");
        var tables = new List<SubmissionTable>();
        foreach (var entry in document.Tables)
        {
            await using var stream = await blobs.OpenReadAsync($"{folder}/{entry.Name}.csv", cancellationToken);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            tables.Add(SubmissionTable.Load(SubmissionTables.Find(entry.Name), copy.ToArray()));
        }
        var snapshot = new SubmissionSnapshot(document.LaCode, QuarterPaths.Parse(document.Quarter), tables, document.Checks, document.Returns,
            document.Assumptions, document.RuleCatalogueVersion);
        if (snapshot.Hash != hash)
            throw new InvalidDataException($"The snapshot stored at {folder} no longer matches its hash: it has been altered and will not be used. Run the submission again to freeze a fresh one.");
        return snapshot;
    }

    /// <summary>Written once: an existing blob with other bytes means the store was tampered with, never silently replaced.</summary>
    private async Task WriteOnceAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        if (await blobs.WriteAsync(path, new MemoryStream(content), overwrite: false, contentType, cancellationToken)) return;
        await using var existing = await blobs.OpenReadAsync(path, cancellationToken);
        using var copy = new MemoryStream();
        await existing.CopyToAsync(copy, cancellationToken);
        if (!copy.ToArray().AsSpan().SequenceEqual(content))
            throw new InvalidDataException($"{path} already exists with different content; a snapshot is written once and never overwritten.");
    }
}
