using Parquet;
using Parquet.Schema;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// A star table as one Parquet file (one row group) with typed columns: INT64 for keys and counts,
/// DECIMAL(18,4) for money, FTE and days, DATE for dates, BOOLEAN, and UTF-8 strings.
/// Decimal, not double: amounts then sum to the penny and reconcile exactly with the CSV datasets, and
/// Power BI loads a Parquet DECIMAL of scale 4 as its Fixed Decimal Number, which is exact to four places.
/// Uncompressed-by-default settings of the library are replaced by Snappy, which Power BI and DuckDB read;
/// the file carries no time, so the same table writes the same bytes.
/// </summary>
public static class StarParquetWriter
{
    public const int DecimalPrecision = 18, DecimalScale = 4;

    public static async Task WriteAsync(StarTable table, Stream output, CancellationToken cancellationToken = default)
    {
        var fields = table.Columns.Select(Field).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options, cancellationToken: cancellationToken);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var (field, rows) = (fields[c], table.Rows);
            switch (table.Columns[c].Type)
            {
                case StarColumnType.Int64:
                    await WriteAsync(group, field, table.Columns[c].Nullable, rows.Select(r => (long?)r[c]).ToArray(), cancellationToken);
                    break;
                case StarColumnType.Decimal:
                    await WriteAsync(group, field, table.Columns[c].Nullable, rows.Select(r => (decimal?)r[c]).ToArray(), cancellationToken);
                    break;
                case StarColumnType.Date:
                    await WriteAsync(group, field, table.Columns[c].Nullable, rows.Select(r => (DateOnly?)r[c]).ToArray(), cancellationToken);
                    break;
                case StarColumnType.Boolean:
                    await WriteAsync(group, field, table.Columns[c].Nullable, rows.Select(r => (bool?)r[c]).ToArray(), cancellationToken);
                    break;
                default:
                    await group.WriteAsync(field, rows.Select(r => (string?)r[c]).ToArray()!);
                    break;
            }
        }
        group.CompleteValidate();
    }

    private static Task WriteAsync<T>(ParquetRowGroupWriter group, DataField field, bool nullable, T?[] values, CancellationToken cancellationToken) where T : struct =>
        nullable
            ? group.WriteAsync(field, new ReadOnlyMemory<T?>(values), null, null, cancellationToken)
            : group.WriteAsync(field, new ReadOnlyMemory<T>([.. values.Select(v => v ?? throw new InvalidDataException($"Column {field.Name} is not nullable but has a null."))]), null, null, cancellationToken);

    private static DataField Field(StarColumn column) => column.Type switch
    {
        StarColumnType.Int64 => new DataField(column.Name, typeof(long), column.Nullable),
        StarColumnType.Decimal => new DecimalDataField(column.Name, DecimalPrecision, DecimalScale, isNullable: column.Nullable),
        StarColumnType.Date => new DataField(column.Name, typeof(DateOnly), column.Nullable),
        StarColumnType.Boolean => new DataField(column.Name, typeof(bool), column.Nullable),
        _ => new DataField(column.Name, typeof(string), column.Nullable),
    };
}
