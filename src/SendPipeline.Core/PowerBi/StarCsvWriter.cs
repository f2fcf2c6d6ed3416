using CsvHelper;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// A star table as CSV for Power BI's folder or web connector, written by CsvHelper as
/// <see cref="ExcelCsv.TableOptions"/> says: UTF-8 without a BOM, a header of the column names, <c>\n</c> line
/// ends, ISO dates (<c>2026-01-15</c>), invariant numbers, <c>true</c>/<c>false</c> (which Power Query and DuckDB
/// both type as logical), an empty cell for null, and text made formula-safe, for an officer who opens it in
/// Excel instead. Numbers are written as numbers, so a negative amount is never escaped as a formula.
/// Rows are written a <see cref="StarRowGroup"/> at a time, each value from its typed column.
/// </summary>
public sealed class StarCsvWriter : IDisposable
{
    private readonly CsvWriter _csv;

    /// <summary>Starts the file with its header.</summary>
    public StarCsvWriter(IReadOnlyList<StarColumn> columns, Stream output)
    {
        _csv = ExcelCsv.Create(output, ExcelCsv.TableOptions);
        _csv.WriteRecord(columns.Select(c => c.Name).ToArray());
    }

    /// <summary>The whole table, a row group at a time.</summary>
    public static void Write(StarTable table, Stream output, int groupSize = StarRows.RowGroupSize)
    {
        using var writer = new StarCsvWriter(table.Columns, output);
        foreach (var group in table.Groups(groupSize)) writer.Write(group);
    }

    public void Write(StarRowGroup group)
    {
        for (var row = 0; row < group.Count; row++)
        {
            for (var c = 0; c < group.Columns.Count; c++) WriteCell(group, row, c);
            _csv.EndRecord();
        }
    }

    public void Dispose() => _csv.Dispose();

    private void WriteCell(StarRowGroup group, int row, int column)
    {
        switch (group.Columns[column].Type)
        {
            case StarColumnType.Int64:
                if (group.Value<long>(row, column) is { } l) _csv.WriteField(l, default);
                else Empty();
                break;
            case StarColumnType.Decimal:
                if (group.Value<decimal>(row, column) is { } d) _csv.WriteField(d, default);
                else Empty();
                break;
            case StarColumnType.Date:
                if (group.Value<DateOnly>(row, column) is { } date) _csv.WriteField(date, "yyyy-MM-dd");
                else Empty();
                break;
            case StarColumnType.Boolean:
                if (group.Value<bool>(row, column) is { } b) _csv.WriteField(b ? "true" : "false");
                else Empty();
                break;
            default:
                _csv.WriteField(group.Texts(column)[row]);
                break;
        }
    }

    private void Empty() => _csv.WriteField((string?)null);
}
