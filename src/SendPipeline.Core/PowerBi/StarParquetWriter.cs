using Parquet;
using Parquet.Schema;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// A star table as one Parquet file with typed columns: INT64 for keys and counts, DECIMAL(18,4) for money,
/// FTE and days, DATE for dates, BOOLEAN, and UTF-8 strings; a row group per <see cref="StarRowGroup"/>
/// (<see cref="StarRows.RowGroupSize"/> rows), so a fact of millions of rows is never held whole.
/// Decimal, not double: amounts then sum to the penny and reconcile exactly with the CSV datasets, and
/// Power BI loads a Parquet DECIMAL of scale 4 as its Fixed Decimal Number, which is exact to four places.
/// Uncompressed-by-default settings of the library are replaced by Snappy, which Power BI and DuckDB read;
/// the file carries no time, so the same table writes the same bytes.
/// </summary>
public sealed class StarParquetWriter : IAsyncDisposable
{
    public const int DecimalPrecision = 18, DecimalScale = 4;

    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly IReadOnlyList<StarColumn> _columns;

    private StarParquetWriter(ParquetWriter writer, DataField[] fields, IReadOnlyList<StarColumn> columns) =>
        (_writer, _fields, _columns) = (writer, fields, columns);

    public static async Task<StarParquetWriter> CreateAsync(IReadOnlyList<StarColumn> columns, Stream output,
        CancellationToken cancellationToken = default)
    {
        var fields = columns.Select(Field).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options,
            cancellationToken: cancellationToken);
        return new StarParquetWriter(writer, fields, columns);
    }

    /// <summary>The whole table, a row group at a time.</summary>
    public static async Task WriteAsync(StarTable table, Stream output, CancellationToken cancellationToken = default,
        int groupSize = StarRows.RowGroupSize)
    {
        await using var writer = await CreateAsync(table.Columns, output, cancellationToken);
        foreach (var group in table.Groups(groupSize)) await writer.WriteAsync(group, cancellationToken);
    }

    /// <summary>Writes <paramref name="group"/>'s rows as the file's next row group.</summary>
    public async Task WriteAsync(StarRowGroup group, CancellationToken cancellationToken = default)
    {
        using var rowGroup = _writer.CreateRowGroup();
        var count = group.Count;
        for (var c = 0; c < _fields.Length; c++)
        {
            var (field, nullable) = (_fields[c], _columns[c].Nullable);
            switch (_columns[c].Type)
            {
                case StarColumnType.Int64:
                    await WriteAsync<long>(rowGroup, field, nullable, group, c, cancellationToken);
                    break;
                case StarColumnType.Decimal:
                    await WriteAsync<decimal>(rowGroup, field, nullable, group, c, cancellationToken);
                    break;
                case StarColumnType.Date:
                    await WriteAsync<DateOnly>(rowGroup, field, nullable, group, c, cancellationToken);
                    break;
                case StarColumnType.Boolean:
                    await WriteAsync<bool>(rowGroup, field, nullable, group, c, cancellationToken);
                    break;
                default:
                    await rowGroup.WriteAsync(field, new ArraySegment<string>(group.Texts(c)!, 0, count));
                    break;
            }
        }
        rowGroup.CompleteValidate();
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static Task WriteAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, bool nullable,
        StarRowGroup group, int column, CancellationToken cancellationToken) where T : struct =>
        nullable
            ? rowGroup.WriteAsync(field, new ReadOnlyMemory<T?>(group.NullableValues<T>(column), 0, group.Count),
                null, null, cancellationToken)
            : rowGroup.WriteAsync(field, new ReadOnlyMemory<T>(group.Values<T>(column), 0, group.Count),
                null, null, cancellationToken);

    private static DataField Field(StarColumn column) => column.Type switch
    {
        StarColumnType.Int64 => new DataField(column.Name, typeof(long), column.Nullable),
        StarColumnType.Decimal => new DecimalDataField(column.Name, DecimalPrecision, DecimalScale,
            isNullable: column.Nullable),
        StarColumnType.Date => new DataField(column.Name, typeof(DateOnly), column.Nullable),
        StarColumnType.Boolean => new DataField(column.Name, typeof(bool), column.Nullable),
        _ => new DataField(column.Name, typeof(string), column.Nullable),
    };
}
