namespace SendPipeline.Workflows.Ports;

/// <summary>
/// A row of a table: keys plus a flat property bag. Values are string, long, int, double, bool or
/// DateTimeOffset, the types Azure Table Storage and the local adapter both keep exactly.
/// <see cref="ETag"/> is set on rows read back and used for optimistic concurrency.
/// </summary>
public sealed record TableRow(string PartitionKey, string RowKey, IReadOnlyDictionary<string, object?> Properties, string? ETag = null)
{
    public string? GetString(string name) => Properties.TryGetValue(name, out var v) ? v?.ToString() : null;

    public long GetInt64(string name) => Properties.TryGetValue(name, out var v) && v is not null ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : 0;

    public DateTimeOffset? GetDateTimeOffset(string name) => Properties.TryGetValue(name, out var v) ? v switch
    {
        DateTimeOffset d => d,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    } : null;
}

/// <summary>
/// The pipeline's tables (upload records, accepted-return pointers, sign-offs, the Power BI star tables).
/// Keys must not contain '/', '\', '#', '?' or control characters (Azure Table rules, enforced by both adapters).
/// </summary>
public interface ITableStore
{
    Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Rows of a table, or of one partition, in ordinal (PartitionKey, RowKey) order.</summary>
    IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rows of one partition whose row key starts with <paramref name="rowKeyPrefix"/>, in row key order: one
    /// submitter's returns among a region's, without reading the rest. The default filters a partition query; the
    /// adapters narrow it where the rows are stored (a row key range in Azure, file names in a local folder).
    /// </summary>
    IAsyncEnumerable<TableRow> QueryPrefixAsync(string table, string partitionKey, string rowKeyPrefix,
        CancellationToken cancellationToken = default) =>
        TableQueries.StartingWith(QueryAsync(table, partitionKey, cancellationToken), rowKeyPrefix, cancellationToken);

    /// <summary>Inserts or replaces unconditionally.</summary>
    Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default);

    /// <summary>
    /// Optimistic write: with <paramref name="ifMatchETag"/> null, inserts only if the row does not exist;
    /// otherwise replaces only if the stored row still has that ETag. Returns false on conflict, so two
    /// writers racing for the same row never silently lose one's change.
    /// </summary>
    Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default);

    /// <summary>The keys of every row, in the order of <see cref="QueryAsync"/>, without their properties.</summary>
    IAsyncEnumerable<TableKey> QueryKeysAsync(string table, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces many rows, of any partitions, as <see cref="UpsertAsync"/> would one by one
    /// but in few round trips: Azure sends each partition's rows as transactions of up to 100. The call
    /// as a whole is not atomic (Azure has no transaction across partitions), so a failure can leave
    /// some rows written; writing the same rows again completes it. Two rows with the same keys are refused.
    /// </summary>
    Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the rows with these keys where they exist (a missing row is not an error), batched like
    /// <see cref="UpsertManyAsync"/> and, like it, not atomic as a whole.
    /// </summary>
    Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default);
}

/// <summary>Helpers for <see cref="ITableStore"/>'s default members.</summary>
public static class TableQueries
{
    public static async IAsyncEnumerable<TableRow> StartingWith(IAsyncEnumerable<TableRow> rows, string rowKeyPrefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
            if (row.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal)) yield return row;
    }
}
