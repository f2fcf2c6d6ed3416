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
/// Saving checks any copy already stored and repairs it; reading one recomputes its hash, so a
/// snapshot altered in storage is refused, not signed or sent.
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

    /// <summary>What <see cref="SaveAsync"/> did: the folder, and why a copy already stored was replaced, if it was.</summary>
    public sealed record Saved(string Folder, IReadOnlyList<string> Repairs);

    /// <summary>
    /// Stores the snapshot under its hash. A copy already there is checked byte for byte: a file missing,
    /// changed or half written (a tampered store, or a crash on a store without atomic writes) is written
    /// afresh from <paramref name="snapshot"/>, which is by definition what the hash names, and each repair
    /// is reported. Files go first and <c>snapshot.json</c> last, so its presence means complete.
    /// </summary>
    public async Task<Saved> SaveAsync(SubmissionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Snapshot(snapshot.Quarter.ToString(), snapshot.Hash);
        var stored = await blobs.GetInfoAsync($"{folder}/{DocumentName}", cancellationToken) is not null;
        var document = new Document(snapshot.Hash, snapshot.LaCode, snapshot.Quarter.ToString(), snapshot.RuleCatalogueVersion,
            [.. snapshot.Tables.Select(t => new TableEntry(t.Name, t.Title, t.Sha256))],
            snapshot.Checks, snapshot.Assumptions, snapshot.Returns);
        List<(string Name, byte[] Content, string ContentType)> files =
        [
            .. snapshot.Tables.Select(t => (t.FileName, t.Csv, "text/csv")),
            (DocumentName, JsonSerializer.SerializeToUtf8Bytes(document, ReportJson.Options), "application/json"),
        ];
        var repairs = new List<string>();
        foreach (var (name, content, contentType) in files)
        {
            var path = $"{folder}/{name}";
            if (await blobs.WriteAsync(path, new MemoryStream(content), overwrite: false, contentType, cancellationToken))
            {
                if (stored) repairs.Add($"{name} was missing");
                continue;
            }
            if (await SameAsync(path, content, cancellationToken)) continue;
            await blobs.WriteAsync(path, new MemoryStream(content), overwrite: true, contentType, cancellationToken);
            repairs.Add($"{name} did not match the hash it is stored under");
        }
        return new Saved(folder, repairs);
    }

    /// <summary>
    /// Reads a snapshot back and recomputes its hash, so one altered in storage (tables, checks or
    /// lineage) is refused with a sentence, never signed or sent.
    /// </summary>
    public async Task<SubmissionSnapshot> LoadAsync(string quarter, string hash, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Snapshot(quarter, hash);
        var altered = $"The snapshot stored at {folder} is damaged or has been altered, so it will not be used. " +
                      "Run the submission again to freeze it afresh.";
        try
        {
            Document document;
            await using (var json = await blobs.OpenReadAsync($"{folder}/{DocumentName}", cancellationToken))
                document = JsonSerializer.Deserialize<Document>(json, ReportJson.Options) ?? throw new InvalidDataException(altered);
            // The serialiser leaves a property the JSON lacks as null, whatever the record says.
            if (document.Tables is null || document.Checks is null || document.Returns is null || document.Assumptions is null
                || document.Quarter is null || document.LaCode is null || document.RuleCatalogueVersion is null)
                throw new InvalidDataException(altered);
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
            if (snapshot.Hash != hash) throw new InvalidDataException(altered);
            return snapshot;
        }
        catch (Exception e) when (e is JsonException or BlobNotFoundException or ArgumentException)
        {
            // Truncated JSON, a file gone, a quarter or list missing from the document: all mean the same to the officer.
            throw new InvalidDataException(altered, e);
        }
    }

    private async Task<bool> SameAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var existing = await blobs.OpenReadAsync(path, cancellationToken);
        using var copy = new MemoryStream();
        await existing.CopyToAsync(copy, cancellationToken);
        return copy.ToArray().AsSpan().SequenceEqual(content);
    }
}
