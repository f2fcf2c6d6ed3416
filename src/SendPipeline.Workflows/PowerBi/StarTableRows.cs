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
    /// The rows of one row group of a table, the first at <paramref name="firstPosition"/> in the table.
    /// </summary>
    public static IReadOnlyList<TableRow> ToRows(StarRowGroup group, int firstPosition)
    {
        ArgumentNullException.ThrowIfNull(group);
        var rows = new TableRow[group.Count];
        for (var row = 0; row < rows.Length; row++)
        {
            var properties = new Dictionary<string, object?>(group.Columns.Count, StringComparer.Ordinal);
            for (var c = 0; c < group.Columns.Count; c++)
                properties[group.Columns[c].Name] = ToProperty(group, row, c);
            var position = firstPosition + row;
            rows[row] = new TableRow(PartitionKey(position), RowKey(position), properties);
        }
        return rows;
    }

    /// <summary>Whether <paramref name="key"/> is one of a table's first <paramref name="rows"/> rows'.</summary>
    public static bool IsRowOf(TableKey key, int rows) =>
        int.TryParse(key.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < rows
        && key.RowKey == RowKey(position) && key.PartitionKey == PartitionKey(position);

    private static object? ToProperty(StarRowGroup group, int row, int column) => group.Columns[column].Type switch
    {
        StarColumnType.Int64 => group.Value<long>(row, column),
        StarColumnType.Decimal => group.Value<decimal>(row, column) is { } d ? (double)d : null,
        StarColumnType.Date => group.Value<DateOnly>(row, column) is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        StarColumnType.Boolean => group.Value<bool>(row, column),
        _ => group.Texts(column)[row],
    };
}
