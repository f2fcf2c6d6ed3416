using System.Globalization;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>How a cell's value is stored and shown.</summary>
public enum CellKind
{
    /// <summary>An inline string, formatted as Text (@) so "0855" or "=1+2" stays what it is.</summary>
    Text,
    /// <summary>A number shown with as many decimal places as the decimal carries, with thousands separators.</summary>
    Number,
    /// <summary>Pounds, shown £#,##0 (negatives with a minus sign).</summary>
    Money,
    /// <summary>A percentage held as percentage points (82.5 for 82.5%), shown to one decimal place.</summary>
    Percent,
    /// <summary>A date serial shown yyyy-mm-dd.</summary>
    Date,
    /// <summary>A date and time serial shown yyyy-mm-dd hh:mm:ss.</summary>
    DateTime,
}

/// <summary>
/// A cell: text, or a number when <see cref="Number"/> is set (for dates, the Excel date serial).
/// Empty text with no number is a blank cell.
/// </summary>
public readonly record struct WorkbookCell(
    string Text, decimal? Number = null, CellKind Kind = CellKind.Text, bool Bold = false)
{
    /// <summary>
    /// Excel's day 0 in its 1900 date system, which counts 1900 as a leap year: serials from March 1900 on are right.
    /// </summary>
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    public static WorkbookCell Of(string text) => new(text ?? "");

    /// <summary>A numeric cell whose text is the CSVs' invariant form: no exponent, the decimal's own scale.</summary>
    public static WorkbookCell Of(decimal number) =>
        new(number.ToString(CultureInfo.InvariantCulture), number, CellKind.Number);

    public static WorkbookCell Money(decimal pounds) => Of(pounds) with { Kind = CellKind.Money };

    public static WorkbookCell Percent(decimal points) => Of(points) with { Kind = CellKind.Percent };

    public static WorkbookCell Date(DateOnly date) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.DayNumber - Epoch.DayNumber, CellKind.Date);

    /// <summary>A date and time to the second, e.g. when a package was published.</summary>
    public static WorkbookCell DateTime(DateTime value)
    {
        var day = DateOnly.FromDateTime(value);
        var seconds = (decimal)(value.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        // Ten places keep the second exact when Excel reads the serial as a double.
        var serial = day.DayNumber - Epoch.DayNumber + Math.Round(seconds / 86_400m, 10);
        return new(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), serial, CellKind.DateTime);
    }

    /// <summary>The same cell in bold, e.g. a label on the cover sheet.</summary>
    public WorkbookCell AsBold() => this with { Bold = true };

    public static implicit operator WorkbookCell(string text) => Of(text);

    public static implicit operator WorkbookCell(decimal number) => Of(number);

    public static implicit operator WorkbookCell(int number) => Of(number);
}
