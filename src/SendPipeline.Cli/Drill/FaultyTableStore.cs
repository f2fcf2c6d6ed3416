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

    public Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        faults.BeforeWrite("table");
        return inner.UpsertAsync(table, row, cancellationToken);
    }

    public Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default)
    {
        faults.BeforeWrite("table");
        return inner.TryWriteAsync(table, row, ifMatchETag, cancellationToken);
    }

    public Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        faults.BeforeWrite("table");
        return inner.UpsertManyAsync(table, rows, cancellationToken);
    }

    public Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default)
    {
        faults.BeforeWrite("table");
        return inner.DeleteManyAsync(table, keys, cancellationToken);
    }
}
