using System.Runtime.CompilerServices;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Local;

/// <summary>
/// Many rows at once. A folder has no round trips to save, so a batch is the single-row operations
/// in turn, each under its row lock; the batch checks come first so a bad batch writes nothing.
/// </summary>
public sealed partial class LocalFolderStore
{
    public async IAsyncEnumerable<TableKey> QueryKeysAsync(string table,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The keys live inside the files (their names may be hashes), so this reads the rows anyway.
        await foreach (var row in QueryAsync(table, null, cancellationToken))
            yield return new TableKey(row.PartitionKey, row.RowKey);
    }

    public async Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        StorageRules.CheckTable(table);
        foreach (var row in rows) StorageRules.CheckRow(row);
        StorageRules.CheckDistinct(rows.Select(r => new TableKey(r.PartitionKey, r.RowKey)), nameof(rows));
        foreach (var row in rows)
        {
            var file = RowFile(table, row.PartitionKey, row.RowKey);
            await WithRowLockAsync(file, () => WriteRow(file, row), cancellationToken);
        }
    }

    public async Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StorageRules.CheckTable(table);
        StorageRules.CheckDistinct(keys, nameof(keys));
        foreach (var key in keys)
        {
            var file = RowFile(table, key.PartitionKey, key.RowKey);
            // Checked before locking so deleting an absent row creates no folders or lock files.
            if (!File.Exists(file)) continue;
            await WithRowLockAsync(file, () => File.Delete(file), cancellationToken);
        }
    }
}
