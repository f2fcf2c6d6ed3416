using System.Runtime.CompilerServices;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Drill;

/// <summary>A table store that fails when <see cref="FaultSchedule"/> says, before the call reaches the store.</summary>
public sealed class FaultyTableStore(ITableStore inner, FaultSchedule faults) : ITableStore
{
    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        faults.BeforeRead("table");
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        faults.BeforeRead("table");
        await foreach (var row in inner.QueryAsync(table, partitionKey, cancellationToken)) yield return row;
    }

    public async IAsyncEnumerable<TableKey> QueryKeysAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        faults.BeforeRead("table");
        await foreach (var key in inner.QueryKeysAsync(table, cancellationToken)) yield return key;
    }

    public async Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        var write = faults.BeforeWrite("table");
        await inner.UpsertAsync(table, row, cancellationToken);
        faults.AfterWrite(write, "table");
    }

    public async Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default)
    {
        var write = faults.BeforeWrite("table");
        var result = await inner.TryWriteAsync(table, row, ifMatchETag, cancellationToken);
        faults.AfterWrite(write, "table");
        return result;
    }

    public async Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        var write = faults.BeforeWrite("table");
        await inner.UpsertManyAsync(table, rows, cancellationToken);
        faults.AfterWrite(write, "table");
    }

    public async Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default)
    {
        var write = faults.BeforeWrite("table");
        await inner.DeleteManyAsync(table, keys, cancellationToken);
        faults.AfterWrite(write, "table");
    }
}
