using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Azure;

public sealed partial class AzureStorageStore
{
    // Service-managed columns that TableEntity exposes alongside the row's own properties.
    private static readonly HashSet<string> SystemProperties =
        new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        StorageRules.CheckKey(partitionKey, nameof(partitionKey));
        StorageRules.CheckKey(rowKey, nameof(rowKey));
        var client = await TableAsync(table, cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? ToRow(response.Value!) : null;
    }

    /// <summary>Azure returns rows in key order already; see the note on blob order in <see cref="ListAsync"/>.</summary>
    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? filter = null;
        if (partitionKey is not null)
        {
            StorageRules.CheckKey(partitionKey, nameof(partitionKey));
            // CreateQueryFilter quotes and escapes the key, so a "'" in it cannot change the query.
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        }

        var client = await TableAsync(table, cancellationToken);
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRow(entity);
        }
    }

    /// <summary>
    /// A row key range, so the service returns only the prefix's rows: every key from the prefix itself up to, but not
    /// including, the prefix with its last character raised by one (an empty prefix is the whole partition).
    /// </summary>
    public async IAsyncEnumerable<TableRow> QueryPrefixAsync(string table, string partitionKey, string rowKeyPrefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorageRules.CheckKey(partitionKey, nameof(partitionKey));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        if (rowKeyPrefix.Length > 0 && rowKeyPrefix[^1] != char.MaxValue)
        {
            var after = rowKeyPrefix[..^1] + (char)(rowKeyPrefix[^1] + 1);
            filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partitionKey} and RowKey ge {rowKeyPrefix} and RowKey lt {after}");
        }
        var client = await TableAsync(table, cancellationToken);
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var row = ToRow(entity);
            // The range is exact in ordinal order; the check keeps the port's promise should a service order otherwise.
            if (row.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal)) yield return row;
        }
    }

    public async Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        StorageRules.CheckRow(row);
        var client = await TableAsync(table, cancellationToken);
        // Replace, not Merge: the port promises the stored row is exactly the one written.
        await client.UpsertEntityAsync(ToEntity(row), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        StorageRules.CheckRow(row);
        var client = await TableAsync(table, cancellationToken);
        try
        {
            if (ifMatchETag is null)
                await client.AddEntityAsync(ToEntity(row), cancellationToken);
            else
                await client.UpdateEntityAsync(ToEntity(row), new ETag(ifMatchETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (ifMatchETag is null ? e.Status == 409 : e.Status is 412 or 404)
        {
            // 409: someone inserted first. 412: someone replaced since our read. 404: the row we read
            // is gone, so it certainly no longer has that ETag.
            return false;
        }
    }

    private async Task<TableClient> TableAsync(string table, CancellationToken cancellationToken)
    {
        StorageRules.CheckTable(table);
        var client = _tables.GetTableClient(table);
        await EnsureOnceAsync(_ensuredTables, table, () => client.CreateIfNotExistsAsync(CancellationToken.None), cancellationToken);
        return client;
    }

    private static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row.Properties)
        {
            // Azure has no stored null; leaving the property out is how it says "no value".
            if (value is not null) entity[name] = value;
        }

        return entity;
    }

    private static TableRow ToRow(TableEntity entity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (SystemProperties.Contains(name) || name.EndsWith("@odata.type", StringComparison.Ordinal)) continue;
            properties[name] = value switch
            {
                // The service keeps instants in UTC; the SDK may surface them as DateTime.
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
                _ => value,
            };
        }

        return new TableRow(entity.PartitionKey, entity.RowKey, properties, entity.ETag.ToString());
    }
}
