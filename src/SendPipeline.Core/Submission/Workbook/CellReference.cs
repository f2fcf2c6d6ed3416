using System.Globalization;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>A1-style cell references.</summary>
internal static class CellReference
{
    /// <summary>Excel's limits: a sheet beyond them will not open.</summary>
    public const int MaxRows = 1_048_576, MaxColumns = 16_384;

    /// <summary>The column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        Span<char> letters = stackalloc char[3];
        var start = letters.Length;
        for (index++; index > 0; index = (index - 1) / 26) letters[--start] = (char)('A' + (index - 1) % 26);
        return new string(letters[start..]);
    }

    /// <summary>A cell reference from a zero-based column and a one-based row.</summary>
    public static string Of(int column, int row) => Column(column) + row.ToString(CultureInfo.InvariantCulture);
}
