using System.Buffers;

namespace SendPipeline.Core.Reading;

/// <summary>
/// An RFC 4180 reader (comma, double quotes, LF, CRLF or CR line ends) over a <see cref="TextReader"/>.
/// It keeps one block of characters and records where each field lies, so reading a row allocates
/// nothing. Quoted fields may span lines; the row number stays the spreadsheet's (one per record).
/// It is lenient where Excel is (a stray quote inside an unquoted field is text) and strict where
/// data would otherwise be lost (a quote never closed is an error naming the row it opened on).
/// </summary>
public sealed class CsvTabularReader : ITabularReader
{
    private static readonly SearchValues<char> Specials = SearchValues.Create(",\r\n\"");

    private readonly TextReader _reader;
    private readonly Func<string> _encoding;
    private char[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _skipLf;
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private bool[] _fixUp = new bool[64];
    private bool _anyFixUp;
    private int _fieldCount;
    private int _recordIndex;

    public CsvTabularReader(TextReader reader, Func<string>? encoding = null, int bufferSize = 64 * 1024)
    {
        _reader = reader;
        _encoding = encoding ?? (() => "UTF-16");
        _buffer = ArrayPool<char>.Shared.Rent(bufferSize);
        var header = new List<string>();
        if (ReadRecord())
        {
            for (var i = 0; i < _fieldCount; i++) header.Add(new string(this[i]));
        }
        Header = header;
        _recordIndex = 1;
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => _recordIndex;

    public int FieldCount => _fieldCount;

    public string Encoding => _encoding();

    public ReadOnlySpan<char> this[int index] =>
        index < _fieldCount ? _buffer.AsSpan(_starts[index], _lengths[index]) : ReadOnlySpan<char>.Empty;

    public bool Read()
    {
        if (!ReadRecord()) return false;
        _recordIndex++;
        return true;
    }

    /// <summary>Parses one record starting at _pos. If the block ends mid-record, refills and reparses it.</summary>
    private bool ReadRecord()
    {
        while (true)
        {
            if (_skipLf)
            {
                if (_pos >= _end && !_eof) Refill();
                if (_pos < _end && _buffer[_pos] == '\n') _pos++;
                _skipLf = false;
            }
            if (_pos >= _end)
            {
                if (_eof) return false;
                Refill();
                continue;
            }
            var outcome = TryParseRecord(out var next);
            if (outcome == ParseOutcome.Complete)
            {
                FixUpQuotedFields();
                _pos = next;
                return true;
            }
            if (_eof)
            {
                if (outcome == ParseOutcome.OpenQuote)
                    throw new TabularFormatException(TabularProblem.UnclosedQuote, _recordIndex + 1,
                        "A quoted value is never closed: a \" opens a value on this row and no matching \" follows before the end of the file.");
                // The last record had no line end: it ends at the end of the file.
                FixUpQuotedFields();
                _pos = next;
                return true;
            }
            Refill();
        }
    }

    private enum ParseOutcome { Complete, NeedMore, OpenQuote }

    private ParseOutcome TryParseRecord(out int next)
    {
        var span = _buffer.AsSpan(0, _end);
        var pos = _pos;
        _fieldCount = 0;
        _anyFixUp = false;
        while (true)
        {
            if (_fieldCount == Limits.MaxColumns)
                throw new TabularFormatException(TabularProblem.TooManyColumns, _recordIndex + 1,
                    $"The row has more than {Limits.MaxColumns:N0} columns; no return has that many.");
            if (pos < _end && span[pos] == '"')
            {
                var contentStart = pos + 1;
                var hasEscapes = false;
                var scan = contentStart;
                while (true)
                {
                    var q = span[scan..].IndexOf('"');
                    if (q < 0) { next = _end; return ParseOutcome.OpenQuote; }
                    scan += q;
                    if (scan + 1 >= _end && !_eof) { next = _end; return ParseOutcome.OpenQuote; }
                    if (scan + 1 < _end && span[scan + 1] == '"') { hasEscapes = true; scan += 2; continue; }
                    break;
                }
                pos = scan + 1;
                // Text after the closing quote (`"abc"x`) is kept, as Excel does, rather than lost.
                var tail = pos < _end ? span[pos..].IndexOfAny(Specials) : 0;
                if (tail < 0) { if (!_eof) { next = _end; return ParseOutcome.NeedMore; } tail = _end - pos; }
                if (hasEscapes || tail > 0)
                {
                    // Rewriting waits until the record is complete: a refill reparses from the raw text.
                    AddField(contentStart, pos + tail - contentStart, needsFixUp: true);
                    pos += tail;
                }
                else
                {
                    AddField(contentStart, scan - contentStart);
                }
            }
            else
            {
                var rel = span[pos..].IndexOfAny(Specials);
                // A quote inside an unquoted value is literal text; keep scanning past it.
                while (rel >= 0 && span[pos + rel] == '"')
                {
                    var more = span[(pos + rel + 1)..].IndexOfAny(Specials);
                    rel = more < 0 ? -1 : rel + 1 + more;
                }
                if (rel < 0)
                {
                    if (!_eof) { next = _end; return ParseOutcome.NeedMore; }
                    AddField(pos, _end - pos);
                    next = _end;
                    return ParseOutcome.Complete;
                }
                AddField(pos, rel);
                pos += rel;
            }
            if (pos >= _end)
            {
                if (!_eof) { next = _end; return ParseOutcome.NeedMore; }
                next = _end;
                return ParseOutcome.Complete;
            }
            var c = span[pos];
            if (c == ',') { pos++; if (pos >= _end && !_eof) { next = _end; return ParseOutcome.NeedMore; } if (pos >= _end) { AddField(pos, 0); next = pos; return ParseOutcome.Complete; } continue; }
            if (c == '\r') { _skipLf = true; next = pos + 1; return ParseOutcome.Complete; }
            if (c == '\n') { next = pos + 1; return ParseOutcome.Complete; }
            // A quote straight after a value's text (only reachable via an unquoted field) cannot happen: handled above.
            pos++;
        }
    }

    /// <summary>
    /// For quoted fields with "" escapes or text after the closing quote: rewrites the raw text
    /// (content, closing quote, tail) in place as the value, which is never longer.
    /// </summary>
    private void FixUpQuotedFields()
    {
        if (!_anyFixUp) return;
        _anyFixUp = false;
        for (var f = 0; f < _fieldCount; f++)
        {
            if (!_fixUp[f]) continue;
            _fixUp[f] = false;
            var field = _buffer.AsSpan(_starts[f], _lengths[f]);
            var write = 0;
            var quoted = true;
            for (var read = 0; read < field.Length; read++)
            {
                var c = field[read];
                if (quoted && c == '"')
                {
                    if (read + 1 < field.Length && field[read + 1] == '"') read++;
                    else { quoted = false; continue; }
                }
                field[write++] = c;
            }
            _lengths[f] = write;
        }
    }

    private void AddField(int start, int length, bool needsFixUp = false)
    {
        if (_fieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
            Array.Resize(ref _fixUp, _fixUp.Length * 2);
        }
        _starts[_fieldCount] = start;
        _lengths[_fieldCount] = length;
        _fixUp[_fieldCount] = needsFixUp;
        _anyFixUp |= needsFixUp;
        _fieldCount++;
    }

    /// <summary>Moves the unparsed tail (the current record) to the front and reads more after it.</summary>
    private void Refill()
    {
        var remaining = _end - _pos;
        if (remaining == _buffer.Length)
        {
            if (_buffer.Length >= Limits.MaxRowChars)
                throw new TabularFormatException(TabularProblem.RowTooLong, _recordIndex + 1,
                    $"A single row is longer than {Limits.MaxRowChars:N0} characters, usually a quote that is never closed.");
            var bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_pos, remaining).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_pos > 0)
        {
            _buffer.AsSpan(_pos, remaining).CopyTo(_buffer);
        }
        _pos = 0;
        _end = remaining;
        var read = _reader.Read(_buffer.AsSpan(_end));
        if (read == 0) _eof = true;
        else _end += read;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _reader.Dispose();
    }
}
