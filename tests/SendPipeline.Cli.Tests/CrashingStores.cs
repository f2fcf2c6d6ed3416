using System.Runtime.CompilerServices;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Tests;

/// <summary>The process "died" at a storage write: thrown by <see cref="CrashingStores"/>, never caught by the code under test.</summary>
internal sealed class SimulatedCrashException(string message) : Exception(message);

/// <summary>
/// Blob and table ports over real ones that count every write (blob write or delete, row upsert,
/// conditional write or delete) and, at write <see cref="CrashAt"/>, stop the run: before the write
/// reaches storage, or just after it did, as a process killed at that moment would leave it.
/// Reads pass straight through. Once crashed, every later call fails too, as in a dead process.
/// </summary>
internal sealed class CrashingStores(IBlobStore blobs, ITableStore tables) : IBlobStore, ITableStore
{
    public int CrashAt { get; init; } = int.MaxValue;

    /// <summary>True: the crash lands after the write is stored; false: before it.</summary>
    public bool AfterWrite { get; init; }

    public int Writes { get; private set; }

    public List<string> Log { get; } = [];

    private bool _crashed;

    private async Task<T> WriteAsync<T>(string what, Func<Task<T>> write)
    {
        if (_crashed) throw new SimulatedCrashException("the process is gone");
        Writes++;
        Log.Add(what);
        if (Writes != CrashAt) return await write();
        _crashed = true;
        if (AfterWrite) await write();
        throw new SimulatedCrashException($"crashed {(AfterWrite ? "after" : "before")} write {Writes}: {what}");
    }

    private Task WriteAsync(string what, Func<Task> write) => WriteAsync(what, async () =>
    {
        await write();
        return true;
    });

    private void Alive()
    {
        if (_crashed) throw new SimulatedCrashException("the process is gone");
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        Alive();
        return blobs.OpenReadAsync(path, cancellationToken);
    }

    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        Alive();
        return blobs.GetInfoAsync(path, cancellationToken);
    }

    public Task<bool> WriteAsync(string path, Stream content, bool overwrite, string? contentType = null, CancellationToken cancellationToken = default) =>
        WriteAsync($"blob {path}", () => blobs.WriteAsync(path, content, overwrite, contentType, cancellationToken));

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Alive();
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken)) yield return blob;
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        WriteAsync($"delete {path}", () => blobs.DeleteAsync(path, cancellationToken));

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Alive();
        return tables.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Alive();
        await foreach (var row in tables.QueryAsync(table, partitionKey, cancellationToken)) yield return row;
    }

    public Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default) =>
        WriteAsync($"upsert {table}/{row.PartitionKey}/{row.RowKey}", () => tables.UpsertAsync(table, row, cancellationToken));

    public Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default) =>
        WriteAsync($"conditional {table}/{row.PartitionKey}/{row.RowKey}", () => tables.TryWriteAsync(table, row, ifMatchETag, cancellationToken));

    public async IAsyncEnumerable<TableKey> QueryKeysAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Alive();
        await foreach (var key in tables.QueryKeysAsync(table, cancellationToken)) yield return key;
    }

    public Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default) =>
        WriteAsync($"upsert {rows.Count} rows of {table}", () => tables.UpsertManyAsync(table, rows, cancellationToken));

    public Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default) =>
        WriteAsync($"delete {keys.Count} rows of {table}", () => tables.DeleteManyAsync(table, keys, cancellationToken));
}
