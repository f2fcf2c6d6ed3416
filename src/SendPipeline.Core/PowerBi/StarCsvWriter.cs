using System.Globalization;
using System.Text;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// A star table as CSV for Power BI's folder or web connector: UTF-8 without a BOM, a header of the
/// column names, <c>\n</c> line ends, ISO dates (<c>2026-01-15</c>), invariant numbers, <c>true</c>/<c>false</c>
/// (which Power Query and DuckDB both type as logical), an empty cell for null, and text made formula-safe
/// as <see cref="ReportCsv.Cell"/> does, for an officer who opens it in Excel instead.
/// </summary>
public static class StarCsvWriter
{
    public static void Write(StarTable table, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(string.Join(',', table.Columns.Select(c => ReportCsv.Cell(c.Name))));
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) w.Write(',');
                w.Write(Cell(row[i]));
            }
            w.WriteLine();
        }
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => ReportCsv.Cell(s),
        _ => throw new InvalidDataException($"A star table holds no {value.GetType().Name} values."),
    };
}
