using System.Globalization;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Register;

/// <summary>
/// Writes a figures table as a dataset CSV (<see cref="ExcelCsv.TableOptions"/>): the columns' names as the header,
/// counts as whole numbers, percentages to one decimal place, dates as yyyy-mm-dd, flags as Y/N, nothing for null.
/// </summary>
public static class Sen2FigureCsv
{
    public static void Write<TRow>(Stream output, IReadOnlyList<FigureColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        using var csv = ExcelCsv.Create(output, ExcelCsv.TableOptions);
        csv.WriteRecord(columns.Select(c => c.Name).ToArray());
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                // Numbers are written as numbers, so the formula guard leaves a negative difference alone.
                switch (column.Value(row))
                {
                    case int count: csv.WriteField(count, default); break;
                    case long count: csv.WriteField(count, default); break;
                    case decimal number: csv.WriteField(number, "0.0"); break;
                    case var value: csv.WriteField(Cell(value)); break;
                }
            }
            csv.EndRecord();
        }
    }

    /// <summary>A cell that is not a count or a percentage (those are written as numbers by <see cref="Write"/>).</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "Y" : "N",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
