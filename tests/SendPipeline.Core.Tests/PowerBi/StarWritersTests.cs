using System.Text;
using CsvHelper;
using Parquet;
using Parquet.Schema;
using SendPipeline.Core.PowerBi;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Tests.PowerBi;

/// <summary>
/// The star's writers take a table a row group at a time (issue 20). Against the writers they replaced, kept
/// below as <see cref="Reference"/> (every row boxed, the whole table one Parquet row group): the same bytes
/// while a table fits one group, the same CSV bytes always, and the same rows read back when it does not.
/// </summary>
public sealed class StarWritersTests
{
    private static readonly StarColumn[] EveryType =
    [
        new("Key", StarColumnType.Int64), new("Count", StarColumnType.Int64, Nullable: true),
        new("Amount", StarColumnType.Decimal), new("Cost", StarColumnType.Decimal, Nullable: true),
        new("Code", StarColumnType.String), new("Note", StarColumnType.String, Nullable: true),
        new("Day", StarColumnType.Date), new("Ended", StarColumnType.Date, Nullable: true),
        new("Flag", StarColumnType.Boolean), new("Known", StarColumnType.Boolean, Nullable: true),
    ];

    /// <summary>Rows with every type, a null in each nullable column every third row, and text to escape.</summary>
    private static List<object?[]> Rows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new object?[]
        {
            (long)i, i % 3 == 0 ? null : i * 7L, 1000.25m + i, i % 3 == 1 ? null : -12.3456m * i,
            i % 4 == 0 ? "=SUM(A1)" : $"code {i}, \"quoted\"", i % 3 == 2 ? null : $"note {i}",
            new DateOnly(2025, 9, 1).AddDays(i), i % 3 == 0 ? null : new DateOnly(2026, 3, 31).AddDays(-i),
            i % 2 == 0, i % 3 == 1 ? null : i % 5 == 0,
        }),
    ];

    /// <summary>The same rows made as a fact makes them: typed, appended value by value, nothing boxed.</summary>
    private static StarTable Streamed(int count) => new("fact_every_type", "one row per test row", EveryType,
        StarRows.Streamed(() => Rows(count), (r, row) => row.Int((long)r[0]!).Int((long?)r[1]).Dec((decimal)r[2]!)
            .Dec((decimal?)r[3]).Text((string)r[4]!).Text((string?)r[5]).Date((DateOnly)r[6]!).Date((DateOnly?)r[7])
            .Flag((bool)r[8]!).Flag((bool?)r[9])));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(StarRows.RowGroupSize)]
    public async Task Write_TableThatFitsOneRowGroup_GivesTheBytesOfTheWholeTableWriters(int count)
    {
        var (parquet, csv) = await WriteAsync(Streamed(count), StarRows.RowGroupSize);

        Assert.Equal(await Reference.ParquetAsync(EveryType, Rows(count)), parquet);
        Assert.Equal(Reference.Csv(EveryType, Rows(count)), csv);
    }

    [Theory]
    [InlineData(0, new[] { 0 })]        // an empty table is one empty row group, as before
    [InlineData(4, new[] { 4 })]        // exactly one group
    [InlineData(5, new[] { 4, 1 })]     // one over
    [InlineData(9, new[] { 4, 4, 1 })]
    public async Task Write_RowGroupBoundaries_SameRowsInGroupsOfAtMostTheSize(int count, int[] groups)
    {
        var (parquet, csv) = await WriteAsync(Streamed(count), groupSize: 4);

        var (sizes, rows) = await ReadParquetAsync(parquet);
        Assert.Equal(groups, sizes);
        Assert.Equal(Rows(count), rows);
        Assert.Equal(Reference.Csv(EveryType, Rows(count)), csv);
        Assert.Equal(groups, Streamed(count).Groups(4).Select(g => g.Count).ToArray());
    }

    [Fact]
    public async Task Write_ListedTable_GivesTheSameBytesAsTheStreamedOne()
    {
        var listed = new StarTable("fact_every_type", "one row per test row", EveryType, Rows(10));

        var (streamedParquet, streamedCsv) = await WriteAsync(Streamed(10), 4);
        var (listedParquet, listedCsv) = await WriteAsync(listed, 4);

        Assert.Equal(streamedParquet, listedParquet);
        Assert.Equal(streamedCsv, listedCsv);
    }

    [Theory]
    [InlineData(0, "x")]   // text where the column is Int64
    [InlineData(0, 1)]     // an int where the column is Int64
    [InlineData(2, 1.5)]   // a double where the column is Decimal
    [InlineData(4, null)]  // a null where the column is not nullable
    public async Task Write_ValueNotOfItsColumnType_IsRefusedNamingTheColumn(int column, object? value)
    {
        var rows = Rows(3);
        rows[1][column] = value;

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => WriteAsync(new StarTable("fact_every_type", "test", EveryType, rows), 4));

        Assert.Contains(EveryType[column].Name, error.Message);
    }

    [Fact]
    public void Group_RowWithAValueMissing_IsRefused()
    {
        var group = new StarRowGroup(EveryType, 4);
        group.Int(1).Int(null);

        Assert.Throws<InvalidDataException>(group.EndRow);
    }

    private static async Task<(byte[] Parquet, byte[] Csv)> WriteAsync(StarTable table, int groupSize)
    {
        using var parquet = new MemoryStream();
        using var csv = new MemoryStream();
        var written = await StarTableFiles.WriteAsync(table, parquet, csv, groupSize: groupSize);
        Assert.Equal(table.Rows.Count, written);
        return (parquet.ToArray(), csv.ToArray());
    }

    /// <summary>Every row group's size and every row, read back with Parquet.Net's reader.</summary>
    private static async Task<(int[] Sizes, List<object?[]> Rows)> ReadParquetAsync(byte[] file)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(file),
            new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields();
        var (sizes, rows) = (new List<int>(), new List<object?[]>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            sizes.Add(n);
            var columns = new List<Array>();
            for (var c = 0; c < fields.Length; c++)
                columns.Add(await ReadAsync(group, fields[c], EveryType[c], n));
            rows.AddRange(Enumerable.Range(0, n).Select(r => columns.Select(a => a.GetValue(r)).ToArray()));
        }
        return ([.. sizes], rows);
    }

    private static async Task<Array> ReadAsync(ParquetRowGroupReader group, DataField field, StarColumn column, int n)
    {
        switch (column.Type, column.Nullable)
        {
            case (StarColumnType.String, _):
                var texts = new string?[n];
                await group.ReadAsync(field, texts.AsMemory());
                return texts;
            case (StarColumnType.Int64, false): return await Plain<long>(group, field, n);
            case (StarColumnType.Int64, true): return await Nullable<long>(group, field, n);
            case (StarColumnType.Decimal, false): return await Plain<decimal>(group, field, n);
            case (StarColumnType.Decimal, true): return await Nullable<decimal>(group, field, n);
            case (StarColumnType.Date, false): return await Plain<DateOnly>(group, field, n);
            case (StarColumnType.Date, true): return await Nullable<DateOnly>(group, field, n);
            case (StarColumnType.Boolean, false): return await Plain<bool>(group, field, n);
            default: return await Nullable<bool>(group, field, n);
        }
    }

    private static async Task<T[]> Plain<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T[n];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static async Task<T?[]> Nullable<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    /// <summary>The writers before issue 20, as they were: the table whole, its rows boxed, one row group.</summary>
    private static class Reference
    {
        public static async Task<byte[]> ParquetAsync(IReadOnlyList<StarColumn> columns, IReadOnlyList<object?[]> rows)
        {
            using var output = new MemoryStream();
            var fields = columns.Select(Field).ToArray();
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options))
            {
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < fields.Length; c++)
                {
                    var (field, nullable) = (fields[c], columns[c].Nullable);
                    switch (columns[c].Type)
                    {
                        case StarColumnType.Int64:
                            await WriteAsync(group, field, nullable, rows.Select(r => (long?)r[c]).ToArray());
                            break;
                        case StarColumnType.Decimal:
                            await WriteAsync(group, field, nullable, rows.Select(r => (decimal?)r[c]).ToArray());
                            break;
                        case StarColumnType.Date:
                            await WriteAsync(group, field, nullable, rows.Select(r => (DateOnly?)r[c]).ToArray());
                            break;
                        case StarColumnType.Boolean:
                            await WriteAsync(group, field, nullable, rows.Select(r => (bool?)r[c]).ToArray());
                            break;
                        default:
                            await group.WriteAsync(field, rows.Select(r => (string?)r[c]).ToArray()!);
                            break;
                    }
                }
                group.CompleteValidate();
            }
            return output.ToArray();
        }

        public static byte[] Csv(IReadOnlyList<StarColumn> columns, IReadOnlyList<object?[]> rows)
        {
            using var output = new MemoryStream();
            using (var csv = ExcelCsv.Create(output, ExcelCsv.TableOptions))
            {
                csv.WriteRecord(columns.Select(c => c.Name).ToArray());
                foreach (var row in rows)
                {
                    foreach (var value in row) WriteCell(csv, value);
                    csv.EndRecord();
                }
            }
            return output.ToArray();
        }

        private static void WriteCell(CsvWriter csv, object? value)
        {
            switch (value)
            {
                case null: csv.WriteField((string?)null); break;
                case long l: csv.WriteField(l, default); break;
                case decimal d: csv.WriteField(d, default); break;
                case DateOnly d: csv.WriteField(d, "yyyy-MM-dd"); break;
                case bool b: csv.WriteField(b ? "true" : "false"); break;
                case string s: csv.WriteField(s); break;
                default: throw new InvalidDataException($"A star table holds no {value.GetType().Name} values.");
            }
        }

        private static Task WriteAsync<T>(ParquetRowGroupWriter group, DataField field, bool nullable, T?[] values)
            where T : struct =>
            nullable
                ? group.WriteAsync(field, new ReadOnlyMemory<T?>(values), null, null, default)
                : group.WriteAsync(field, new ReadOnlyMemory<T>([.. values.Select(v => v!.Value)]), null, null,
                    default);

        private static DataField Field(StarColumn column) => column.Type switch
        {
            StarColumnType.Int64 => new DataField(column.Name, typeof(long), column.Nullable),
            StarColumnType.Decimal => new DecimalDataField(column.Name, StarParquetWriter.DecimalPrecision,
                StarParquetWriter.DecimalScale, isNullable: column.Nullable),
            StarColumnType.Date => new DataField(column.Name, typeof(DateOnly), column.Nullable),
            StarColumnType.Boolean => new DataField(column.Name, typeof(bool), column.Nullable),
            _ => new DataField(column.Name, typeof(string), column.Nullable),
        };
    }
}
