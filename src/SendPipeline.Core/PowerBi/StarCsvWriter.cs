using CsvHelper;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// A star table as CSV for Power BI's folder or web connector, written by CsvHelper as
/// <see cref="ExcelCsv.TableOptions"/> says: UTF-8 without a BOM, a header of the column names, <c>\n</c> line
/// ends, ISO dates (<c>2026-01-15</c>), invariant numbers, <c>true</c>/<c>false</c> (which Power Query and DuckDB
/// both type as logical), an empty cell for null, and text made formula-safe, for an officer who opens it in
/// Excel instead. Numbers are written as numbers, so a negative amount is never escaped as a formula.
/// </summary>
public static class StarCsvWriter
{
    public static void Write(StarTable table, Stream output)
    {
        using var csv = ExcelCsv.Create(output, ExcelCsv.TableOptions);
        csv.WriteRecord(table.Columns.Select(c => c.Name).ToArray());
        foreach (var row in table.Rows)
        {
            foreach (var value in row) WriteCell(csv, value);
            csv.EndRecord();
        }
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
}
