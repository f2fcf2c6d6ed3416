using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Picture;

/// <summary>
/// Reads a canonical accepted return (UTF-8 CSV written by <c>CanonicalCsvWriter</c>) by column
/// name, so the picture does not depend on column order and a column added later breaks nothing.
/// </summary>
public sealed class CanonicalTable : IDisposable
{
    private readonly CsvTabularReader _reader;
    private readonly Dictionary<string, int> _columns;
    private readonly string?[] _lastText;
    private readonly int _sourceRow;

    public CanonicalTable(Stream canonicalCsv)
    {
        var text = new DetectingTextReader(canonicalCsv);
        _reader = new CsvTabularReader(text, () => text.EncodingName);
        _columns = _reader.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.OrdinalIgnoreCase);
        _lastText = new string?[_reader.Header.Count];
        _sourceRow = IndexOf(Validation.CanonicalCsvWriter.SourceRowColumn);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The position of the named column, or -1 when absent: looked up once per return, not once per row.</summary>
    public int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The position of a return's column in this file, or -1 when absent.</summary>
    public int IndexOf(ReturnColumn column) => IndexOf(column.Name);

    public bool Read() => _reader.Read();

    /// <summary>The value in the named column of the current row; empty when the column is absent.</summary>
    public ReadOnlySpan<char> this[string column] => this[IndexOf(column)];

    /// <summary>The value in the column at <paramref name="column"/> (from <see cref="IndexOf"/>); empty when it is -1.</summary>
    public ReadOnlySpan<char> this[int column] => column < 0 ? ReadOnlySpan<char>.Empty : _reader[column];

    /// <summary>
    /// The column's value as a string. A value equal to the same column's previous one is the same
    /// string object: the LAEstab, date and codes repeated on every row of a return then cost one
    /// string per return instead of one per row (strings are immutable, so sharing is invisible).
    /// </summary>
    public string Text(int column)
    {
        var value = this[column];
        if (column < 0) return "";
        if (_lastText[column] is { } last && value.SequenceEqual(last)) return last;
        return _lastText[column] = value.ToString();
    }

    public string? OptionalText(int column) => this[column].IsEmpty ? null : Text(column);

    public DateOnly? Date(int column) => Values.TryParseDate(this[column], out var d) ? d : null;

    public decimal? Decimal(int column) =>
        decimal.TryParse(this[column], System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public bool Flag(int column) => Values.TryParseBoolean(this[column], out var b) && b;

    public string Text(string column) => this[column].ToString();

    public string? OptionalText(string column) => this[column].IsEmpty ? null : this[column].ToString();

    public DateOnly? Date(string column) => Values.TryParseDate(this[column], out var d) ? d : null;

    public decimal? Decimal(string column) =>
        decimal.TryParse(this[column], System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public bool Flag(string column) => Values.TryParseBoolean(this[column], out var b) && b;

    /// <summary>The row of the original upload this canonical row came from.</summary>
    public int SourceRow => int.TryParse(this[_sourceRow], out var r) ? r : 0;

    public void Dispose() => _reader.Dispose();
}
