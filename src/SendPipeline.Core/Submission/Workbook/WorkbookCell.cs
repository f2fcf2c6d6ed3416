using System.Globalization;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// A cell: text, or a number when <see cref="Number"/> is set (written as a numeric cell, shown with
/// as many decimal places as the decimal carries, so 131200000.00 shows as Text's value would be).
/// Empty text with no number is a blank cell.
/// </summary>
public readonly record struct WorkbookCell(string Text, decimal? Number = null, bool Bold = false)
{
    public static WorkbookCell Of(string text) => new(text ?? "");

    /// <summary>A numeric cell whose text is the invariant form the CSVs hold (no exponent, the decimal's own scale).</summary>
    public static WorkbookCell Of(decimal number) => new(number.ToString(CultureInfo.InvariantCulture), number);

    /// <summary>The same cell in bold, e.g. a label on the cover sheet.</summary>
    public WorkbookCell AsBold() => this with { Bold = true };

    public static implicit operator WorkbookCell(string text) => Of(text);

    public static implicit operator WorkbookCell(decimal number) => Of(number);

    public static implicit operator WorkbookCell(int number) => Of(number);
}
