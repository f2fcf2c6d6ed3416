using System.Globalization;
using SendPipeline.Core.PowerBi;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.PowerBi;

/// <summary>
/// How a star table's rows become Table Storage rows for Power BI's Azure Table connector.
/// </summary>
/// <remarks>
/// <para>Keys are a pure function of the row's position, so a rebuild of the same data writes the same
/// keys: RowKey is the position zero-padded to 10 digits (<c>0000000042</c>), so key order is row
/// order; PartitionKey is the block of <see cref="RowsPerPartition"/> rows it falls in (<c>000000</c>,
/// <c>000001</c>, …). Blocks rather than one partition: Azure serves a partition from one server with
/// a throughput target of about 2,000 rows a second, and transactions can only group rows of one
/// partition, so blocks let a large fact table be written as many transactions in parallel. The
/// surrogate key of a dimension is a column like any other, so relationships never depend on the keys.</para>
/// <para>Types: Int64 → Edm.Int64 (<c>long</c>); Boolean → Edm.Boolean; String → Edm.String; Date →
/// Edm.DateTime at midnight UTC (the service has no date type; UTC midnight keeps the calendar date in
/// any time zone Power BI converts from); Decimal → Edm.Double. Azure has no decimal type, and a double
/// holds 15 significant digits, so money up to a billion pounds and FTE or shares to many places come
/// back as the same number when Power BI types the column as Decimal Number or Fixed Decimal. A string
/// would be exact, but every officer would have to convert every measure column before summing it.
/// The Parquet files keep the exact decimals for anyone who needs them. A null is no property at all,
/// which the Table connector shows as null.</para>
/// </remarks>
public static class StarTableRows
{
    public const int RowsPerPartition = 1000;

    public static string PartitionKey(int position) =>
        (position / RowsPerPartition).ToString("D6", CultureInfo.InvariantCulture);

    public static string RowKey(int position) => position.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every row of <paramref name="table"/>, checked against its columns first so a malformed table
    /// fails before anything is written.
    /// </summary>
    public static IReadOnlyList<TableRow> ToRows(StarTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new TableRow[table.Rows.Count];
        for (var position = 0; position < rows.Length; position++)
        {
            var values = table.Rows[position];
            if (values.Length != table.Columns.Count)
                throw new InvalidOperationException(
                    $"{table.Name} row {position} has {values.Length} values for {table.Columns.Count} columns.");
            var properties = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            for (var c = 0; c < values.Length; c++)
                properties[table.Columns[c].Name] = ToProperty(table, position, table.Columns[c], values[c]);
            rows[position] = new TableRow(PartitionKey(position), RowKey(position), properties);
        }

        return rows;
    }

    private static object? ToProperty(StarTable table, int position, StarColumn column, object? value) => (column.Type, value) switch
    {
        (_, null) when column.Nullable => null,
        (StarColumnType.Int64, long l) => l,
        (StarColumnType.Decimal, decimal d) => (double)d,
        (StarColumnType.String, string s) => s,
        (StarColumnType.Date, DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        (StarColumnType.Boolean, bool b) => b,
        _ => throw new InvalidOperationException(
            $"{table.Name} row {position} column {column.Name} ({column.Type}{(column.Nullable ? ", nullable" : "")}) " +
            $"holds {(value is null ? "null" : value.GetType().Name)}."),
    };
}
