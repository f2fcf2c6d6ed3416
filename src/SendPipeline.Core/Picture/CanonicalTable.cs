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

    public CanonicalTable(Stream canonicalCsv)
    {
        var text = new DetectingTextReader(canonicalCsv);
        _reader = new CsvTabularReader(text, () => text.EncodingName);
        _columns = _reader.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.OrdinalIgnoreCase);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    public bool Read() => _reader.Read();

    /// <summary>The value in the named column of the current row; empty when the column is absent.</summary>
    public ReadOnlySpan<char> this[string column] => _columns.TryGetValue(column, out var i) ? _reader[i] : ReadOnlySpan<char>.Empty;

    public string Text(string column) => this[column].ToString();

    public string? OptionalText(string column) => this[column].IsEmpty ? null : this[column].ToString();

    public DateOnly? Date(string column) => Values.TryParseDate(this[column], out var d) ? d : null;

    public decimal? Decimal(string column) =>
        decimal.TryParse(this[column], System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public bool Flag(string column) => Values.TryParseBoolean(this[column], out var b) && b;

    /// <summary>The row of the original upload this canonical row came from.</summary>
    public int SourceRow => int.TryParse(this[Validation.CanonicalCsvWriter.SourceRowColumn], out var r) ? r : 0;

    public void Dispose() => _reader.Dispose();
}
