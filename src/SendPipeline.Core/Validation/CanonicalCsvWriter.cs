namespace SendPipeline.Core.Validation;

/// <summary>
/// Writes an accepted return in canonical form: UTF-8, the spec's column names in the spec's order,
/// ISO dates, Y/N booleans, upper-case codes. Later rebuilds read this, never the raw upload.
/// </summary>
public sealed class CanonicalCsvWriter
{
    private readonly TextWriter _writer;
    private bool _rowStarted;

    public CanonicalCsvWriter(TextWriter writer, IEnumerable<string> columns)
    {
        _writer = writer;
        foreach (var column in columns) Field(column);
        EndRow();
    }

    public void Field(ReadOnlySpan<char> value)
    {
        if (_rowStarted) _writer.Write(',');
        _rowStarted = true;
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }
        _writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"') _writer.Write('"');
            _writer.Write(c);
        }
        _writer.Write('"');
    }

    public void Field(DateOnly? value)
    {
        if (value is { } d)
        {
            Span<char> buffer = stackalloc char[10];
            d.TryFormat(buffer, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Field(buffer);
        }
        else Field(ReadOnlySpan<char>.Empty);
    }

    public void Field(bool value) => Field(value ? "Y" : "N");

    public void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
    }

    public void Flush() => _writer.Flush();
}
