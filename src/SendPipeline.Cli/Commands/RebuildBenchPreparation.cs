using System.Runtime.CompilerServices;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// The local store as the national bench's preparation sees it: every call goes to the store, except
/// that the accepted table's partitions and the register's canonical copy are kept in memory once read.
/// Ingest reads both for every upload (the duplicate check scans the return type's partition; the
/// register rules read the register in force), and the local store keeps a table as one file per row,
/// so preparing 21,000 school censuses read about 220 million row files: quadratic, and hours long.
/// Writes go to the store first and then into the copy, so ingest decides exactly as it would without it.
/// Only for preparing the bench; the rebuild being timed opens the store as production does.
/// </summary>
internal sealed class RebuildBenchPreparation(IBlobStore blobs, ITableStore tables) : IBlobStore, ITableStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, TableRow>> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _registers = new(StringComparer.Ordinal);

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey,
        CancellationToken cancellationToken = default) =>
        tables.GetAsync(table, partitionKey, rowKey, cancellationToken);

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (table != StorageLayout.AcceptedTable || partitionKey is null)
        {
            await foreach (var row in tables.QueryAsync(table, partitionKey, cancellationToken)) yield return row;
            yield break;
        }
        foreach (var row in await PartitionAsync(partitionKey, cancellationToken)) yield return row;
    }

    private async Task<List<TableRow>> PartitionAsync(string partitionKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_accepted.TryGetValue(partitionKey, out var cached)) return [.. cached.Values];
        }
        // Read outside the lock; a write landing meanwhile is in the store, so this read or its own update has it.
        var rows = new SortedDictionary<string, TableRow>(StringComparer.Ordinal);
        await foreach (var row in tables.QueryAsync(StorageLayout.AcceptedTable, partitionKey, cancellationToken))
            rows[row.RowKey] = row;
        lock (_gate)
        {
            if (!_accepted.TryGetValue(partitionKey, out var cached)) _accepted[partitionKey] = cached = rows;
            return [.. cached.Values];
        }
    }

    public async Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        await tables.UpsertAsync(table, row, cancellationToken);
        await RefreshAsync(table, row, cancellationToken);
    }

    public async Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag,
        CancellationToken cancellationToken = default)
    {
        if (!await tables.TryWriteAsync(table, row, ifMatchETag, cancellationToken)) return false;
        await RefreshAsync(table, row, cancellationToken);
        return true;
    }

    /// <summary>Puts the row as stored (with its new ETag) into the copy of its partition, once that is read.</summary>
    private async Task RefreshAsync(string table, TableRow written, CancellationToken cancellationToken)
    {
        if (table != StorageLayout.AcceptedTable) return;
        var stored = await tables.GetAsync(table, written.PartitionKey, written.RowKey, cancellationToken);
        lock (_gate)
        {
            if (!_accepted.TryGetValue(written.PartitionKey, out var rows)) return;
            if (stored is null) rows.Remove(written.RowKey);
            else rows[written.RowKey] = stored;
        }
    }

    public IAsyncEnumerable<TableKey> QueryKeysAsync(string table, CancellationToken cancellationToken = default) =>
        tables.QueryKeysAsync(table, cancellationToken);

    public Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows,
        CancellationToken cancellationToken = default) =>
        table == StorageLayout.AcceptedTable
            ? throw new NotSupportedException("Ingest writes the accepted table row by row.")
            : tables.UpsertManyAsync(table, rows, cancellationToken);

    public Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys,
        CancellationToken cancellationToken = default) =>
        table == StorageLayout.AcceptedTable
            ? throw new NotSupportedException("Ingest does not delete from the accepted table.")
            : tables.DeleteManyAsync(table, keys, cancellationToken);

    /// <summary>
    /// The register's canonical copy is read from memory after the first time: a canonical path names one
    /// upload and is written once.
    /// </summary>
    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!path.StartsWith($"{StorageLayout.Accepted}/{ReturnTypes.Establishments}/", StringComparison.Ordinal))
            return await blobs.OpenReadAsync(path, cancellationToken);
        lock (_gate)
        {
            if (_registers.TryGetValue(path, out var bytes)) return new MemoryStream(bytes, writable: false);
        }
        var copy = new MemoryStream();
        await using (var stream = await blobs.OpenReadAsync(path, cancellationToken))
            await stream.CopyToAsync(copy, cancellationToken);
        lock (_gate) _registers[path] = copy.ToArray();
        return new MemoryStream(copy.ToArray(), writable: false);
    }

    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) =>
        blobs.GetInfoAsync(path, cancellationToken);

    public Task<bool> WriteAsync(string path, Stream content, bool overwrite, string? contentType = null,
        CancellationToken cancellationToken = default) =>
        blobs.WriteAsync(path, content, overwrite, contentType, cancellationToken);

    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        blobs.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        blobs.DeleteAsync(path, cancellationToken);
}
