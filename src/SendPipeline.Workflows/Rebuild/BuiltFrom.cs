using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// Which returns in force the datasets were built from: the SHA-256 of the accepted table's
/// (return type, owner~period, upload id) rows, and how many there were. The rebuild writes it to
/// <c>datasets/built-from.json</c> last, after every dataset and Power BI file, so a rebuild killed
/// part-way leaves the old fingerprint (or none), and any command that compares it with the accepted
/// table (<see cref="IsBehindAsync"/>) rebuilds. No clock in it: an unchanged rebuild rewrites the same bytes.
/// </summary>
public sealed record BuiltFromRecord(
    [property: JsonPropertyName("returnsInForce")] string ReturnsInForce,
    [property: JsonPropertyName("returns")] int Returns);

public static class BuiltFrom
{
    public const string Path = StorageLayout.Datasets + "/built-from.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The fingerprint of these accepted rows, whatever order they come in.</summary>
    public static BuiltFromRecord Of(IEnumerable<TableRow> accepted)
    {
        var lines = accepted.Select(r => $"{r.PartitionKey}\t{r.RowKey}\t{r.GetString(UploadRecords.Field.UploadId)}\n").Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) hash.AppendData(Encoding.UTF8.GetBytes(line));
        return new BuiltFromRecord(Convert.ToHexStringLower(hash.GetHashAndReset()), lines.Count);
    }

    /// <summary>The returns in force now.</summary>
    public static async Task<BuiltFromRecord> CurrentAsync(ITableStore tables, CancellationToken cancellationToken = default) =>
        Of(await tables.QueryAsync(StorageLayout.AcceptedTable, cancellationToken: cancellationToken).ToListAsync(cancellationToken));

    /// <summary>What the last finished rebuild recorded; null when none has finished (or the file is unreadable).</summary>
    public static async Task<BuiltFromRecord?> RecordedAsync(IBlobStore blobs, CancellationToken cancellationToken = default)
    {
        if (await blobs.GetInfoAsync(Path, cancellationToken) is null) return null;
        try
        {
            await using var stream = await blobs.OpenReadAsync(Path, cancellationToken);
            return await JsonSerializer.DeserializeAsync<BuiltFromRecord>(stream, Json, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or BlobNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the datasets do not reflect the returns in force: never built, a rebuild that did not
    /// finish, or returns that came into force after the last rebuild. No returns and no datasets is not behind.
    /// </summary>
    public static async Task<bool> IsBehindAsync(IBlobStore blobs, ITableStore tables, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(tables, cancellationToken);
        var recorded = await RecordedAsync(blobs, cancellationToken);
        return recorded is null ? current.Returns > 0 : recorded != current;
    }

    public static Task WriteAsync(IBlobStore blobs, BuiltFromRecord record, CancellationToken cancellationToken = default) =>
        blobs.WriteRenderedAsync(Path, "application/json", s => JsonSerializer.Serialize(s, record, Json), cancellationToken);
}
