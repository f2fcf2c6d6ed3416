using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Azure;

/// <summary>
/// Many rows at once: each partition's rows go as entity group transactions of up to 100 actions
/// (the service's limit), several transactions in flight at a time. A transaction's payload may be
/// at most 4 MiB, so 100 rows fit while rows stay under 40 KB each; the pipeline's rows are far smaller.
/// </summary>
public sealed partial class AzureStorageStore
{
    private const int MaxActionsPerTransaction = 100;
    private const int TransactionsInFlight = 8;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    public async IAsyncEnumerable<TableKey> QueryKeysAsync(string table,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(table, cancellationToken);
        // $select of the keys alone: a sweep of a large table then moves keys, not whole rows.
        await foreach (var entity in client.QueryAsync<TableEntity>(filter: (string?)null, select: KeyColumns, cancellationToken: cancellationToken))
        {
            yield return new TableKey(entity.PartitionKey, entity.RowKey);
        }
    }

    public async Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows) StorageRules.CheckRow(row);
        StorageRules.CheckDistinct(rows.Select(r => new TableKey(r.PartitionKey, r.RowKey)), nameof(rows));
        var client = await TableAsync(table, cancellationToken);
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r)));
        await SubmitAsync(client, actions, cancellationToken);
    }

    public async Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StorageRules.CheckDistinct(keys, nameof(keys));
        var client = await TableAsync(table, cancellationToken);
        // ETag "*": delete whatever version is there, as the port's unconditional delete promises.
        var actions = keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(k.PartitionKey, k.RowKey) { ETag = ETag.All }));
        await SubmitAsync(client, actions, cancellationToken);
    }

    private static async Task SubmitAsync(TableClient client, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var transactions = actions
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActionsPerTransaction))
            .ToList();
        await Parallel.ForEachAsync(transactions,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken },
            async (transaction, ct) => await SubmitTransactionAsync(client, [.. transaction], ct));
    }

    private static async Task SubmitTransactionAsync(TableClient client, List<TableTransactionAction> transaction, CancellationToken cancellationToken)
    {
        while (transaction.Count > 0)
        {
            try
            {
                await client.SubmitTransactionAsync(transaction, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } failed
                                                             && transaction[failed].ActionType == TableTransactionActionType.Delete)
            {
                // The whole transaction is rolled back when one delete finds no row. A row already gone
                // is what the caller wanted, so drop that action and send the rest again.
                transaction.RemoveAt(failed);
            }
        }
    }
}
