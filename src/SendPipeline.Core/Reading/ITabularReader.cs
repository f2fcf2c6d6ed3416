namespace SendPipeline.Core.Reading;

/// <summary>
/// A forward-only reader over the rows of an uploaded table, CSV or XLSX alike. Values are exposed
/// as spans valid until the next <see cref="Read"/>, so validation allocates nothing per row.
/// </summary>
public interface ITabularReader : IDisposable
{
    /// <summary>The header cells as written in row 1.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Advances to the next data row; false at the end.</summary>
    bool Read();

    /// <summary>The spreadsheet row number of the current row: header = 1, first data row = 2.</summary>
    int RowNumber { get; }

    /// <summary>Number of cells in the current row (may differ from the header's in a broken CSV).</summary>
    int FieldCount { get; }

    /// <summary>The raw (unescaped, untrimmed) value of a cell of the current row; empty past the row's end.</summary>
    ReadOnlySpan<char> this[int index] { get; }

    /// <summary>How the bytes were decoded ("UTF-8", "UTF-8 with BOM", "Windows-1252", "ASCII", "XLSX").</summary>
    string Encoding { get; }
}

/// <summary>
/// The file cannot be read further: a broken quote, a broken byte sequence, a row too long. Carries
/// the row where it happened so the uploader knows where to look.
/// </summary>
public sealed class TabularFormatException(TabularProblem problem, int? row, string detail) : Exception(detail)
{
    public TabularProblem Problem { get; } = problem;
    public int? Row { get; } = row;
}

public enum TabularProblem
{
    UnclosedQuote,
    BrokenEncoding,
    RowTooLong,
    TooManyColumns,
    UnreadableWorkbook,
    TooLarge,

    /// <summary>An XLSX part expands beyond what any real return needs (a zip bomb, or a bloated workbook).</summary>
    WorkbookTooLarge,
}
