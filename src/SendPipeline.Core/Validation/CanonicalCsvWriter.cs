using System.Buffers;
using System.Globalization;

namespace SendPipeline.Core.Validation;

/// <summary>
/// Writes an accepted return in canonical form: UTF-8, the spec's column names in the spec's order,
/// ISO dates, Y/N booleans, upper-case codes. Later rebuilds read this, never the raw upload.
/// A row is assembled in one buffer and handed to the writer once, because per-field writes cost
/// more than the validation of the row.
/// </summary>
public sealed class CanonicalCsvWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly TextWriter _writer;
    private char[] _row = new char[256];
    private int _length;
    private bool _rowStarted;

    public CanonicalCsvWriter(TextWriter writer, IEnumerable<string> columns)
    {
        _writer = writer;
        foreach (var column in columns) Field(column);
        EndRow();
    }

    public void Field(ReadOnlySpan<char> value)
    {
        Reserve(value.Length * 2 + 3);
        if (_rowStarted) _row[_length++] = ',';
        _rowStarted = true;
        if (!value.ContainsAny(NeedsQuotes))
        {
            value.CopyTo(_row.AsSpan(_length));
            _length += value.Length;
            return;
        }
        _row[_length++] = '"';
        foreach (var c in value)
        {
            if (c == '"') _row[_length++] = '"';
            _row[_length++] = c;
        }
        _row[_length++] = '"';
    }

    /// <summary>
    /// A date as yyyy-mm-dd. <paramref name="original"/> is the text it was parsed from: already in
    /// that form (the usual case) it is copied, which is cheaper than formatting.
    /// </summary>
    public void Field(DateOnly? value, ReadOnlySpan<char> original = default)
    {
        if (value is not { } d)
        {
            Field(ReadOnlySpan<char>.Empty);
            return;
        }
        if (original.Length == 10 && original[4] == '-')
        {
            Field(original);
            return;
        }
        // By hand: a custom format string costs more than the rest of the row's writing.
        d.Deconstruct(out var year, out var month, out var day);
        Span<char> buffer = stackalloc char[10];
        Digits(buffer[..4], year);
        buffer[4] = '-';
        Digits(buffer.Slice(5, 2), month);
        buffer[7] = '-';
        Digits(buffer.Slice(8, 2), day);
        Field(buffer);
    }

    public void Field(bool value) => Field(value ? "Y" : "N");

    /// <summary>Money as a plain decimal with two places (<c>1234.50</c>): no £, no separators, whatever the culture.</summary>
    public void Field(decimal value)
    {
        Span<char> buffer = stackalloc char[40];
        value.TryFormat(buffer, out var written, "F2", CultureInfo.InvariantCulture);
        Field(buffer[..written]);
    }

    public void EndRow()
    {
        Reserve(1);
        _row[_length++] = '\n';
        _writer.Write(_row, 0, _length);
        _length = 0;
        _rowStarted = false;
    }

    public void Flush() => _writer.Flush();

    private void Reserve(int extra)
    {
        if (_length + extra > _row.Length) Array.Resize(ref _row, Math.Max(_row.Length * 2, _length + extra));
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (char)('0' + value % 10);
    }
}
