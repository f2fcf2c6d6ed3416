using System.Globalization;
using CsvHelper;

namespace SendPipeline.Core.Validation;

/// <summary>
/// Writes an accepted return in canonical form: UTF-8, the spec's column names in the spec's order,
/// ISO dates, Y/N booleans, upper-case codes. Later rebuilds read this, never the raw upload.
/// CsvHelper's writer quotes a value only when it holds a comma, a quote or a line break, and ends
/// rows with LF, which keeps the form every stored canonical file already has. A last column,
/// <c>SourceRow</c>, keeps each row's spreadsheet row in the upload, so a check across returns can
/// point an officer at the cell.
/// </summary>
public sealed class CanonicalCsvWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        Mode = CsvMode.Rfc4180,
        Quoting = CsvQuoting.WhenNeeded,
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvWriter _csv;
    private bool _header = true;

    public const string SourceRowColumn = "SourceRow";

    public CanonicalCsvWriter(TextWriter writer, IEnumerable<string> columns)
        : this(CsvWriter.Create(writer, Options, leaveOpen: true), columns)
    {
    }

    /// <summary>
    /// Straight to bytes (UTF-8, no BOM): the same bytes as through a UTF-8 text writer, without CsvHelper's UTF-8
    /// being decoded for the text writer and encoded again by it.
    /// </summary>
    public CanonicalCsvWriter(Stream utf8, IEnumerable<string> columns)
        : this(CsvWriter.Create(utf8, Options, leaveOpen: true), columns)
    {
    }

    private CanonicalCsvWriter(CsvWriter csv, IEnumerable<string> columns)
    {
        _csv = csv;
        foreach (var column in columns) Field(column);
        Field(SourceRowColumn);
        _csv.EndRecord();
        _header = false;
    }

    /// <summary>The spreadsheet row of the upload being written; set by the validator driver before each row.</summary>
    public int SourceRow { get; set; }

    public void Field(ReadOnlySpan<char> value) => _csv.WriteField(value);

    /// <summary>
    /// A date as yyyy-mm-dd. <paramref name="original"/> is the text it was parsed from: already in
    /// that form (the usual case) it is copied, which is cheaper than formatting.
    /// </summary>
    public void Field(DateOnly? value, ReadOnlySpan<char> original = default)
    {
        if (value is not { } d) Field(ReadOnlySpan<char>.Empty);
        else if (original.Length == 10 && original[4] == '-') Field(original);
        else _csv.WriteField(d, "yyyy-MM-dd");
    }

    public void Field(bool value) => Field(value ? "Y" : "N");

    /// <summary>A number in the invariant culture; the format is the caller's, so money ("0.00") and counts each say theirs.</summary>
    public void Field(decimal value, string format) => _csv.WriteField(value, format);

    public void EndRow()
    {
        if (!_header) _csv.WriteField(SourceRow, default);
        _csv.EndRecord();
    }

    public void Flush() => _csv.Flush();

    /// <summary>Writes what is buffered and returns CsvHelper's buffers; the text writer stays open.</summary>
    public void Dispose() => _csv.Dispose();
}
