using CsvHelper;

namespace SendPipeline.Core.Reading;

/// <summary>
/// An RFC 4180 reader (comma, double quotes, LF, CRLF or CR line ends) over a <see cref="TextReader"/>,
/// built on CsvHelper's span reader. Each record's values are decoded once into one reused block of
/// characters, so reading a row allocates nothing. Quoted fields may span lines; the row number stays
/// the spreadsheet's (one per record, blank lines included). It is lenient where Excel is (a stray quote
/// inside an unquoted value, or text after a closing quote, is kept as text) and strict where data would
/// otherwise be lost (a quote never closed is an error naming the row it opened on).
/// </summary>
public sealed class CsvTabularReader : ITabularReader
{
    private const int MaxRowBytes = 3 * Limits.MaxRowChars;

    private readonly CsvReader _csv;
    private readonly Func<string> _encoding;
    private char[] _chars = new char[1024];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _fieldCount;
    private int _recordIndex;
    private bool _malformed;

    public CsvTabularReader(TextReader reader, Func<string>? encoding = null, int bufferSize = 64 * 1024)
    {
        _encoding = encoding ?? (() => "UTF-16");
        _csv = CsvReader.Create(reader, Options(bufferSize, OnMalformed));
        var header = new List<string>();
        if (ReadRecord())
        {
            for (var i = 0; i < _fieldCount; i++) header.Add(new string(this[i]));
        }
        Header = header;
        _recordIndex = 1;
    }

    /// <summary>
    /// Today's dialect, said in full rather than left to CsvHelper's defaults: always a comma (its
    /// separator detection would read a semicolon export as valid, where FILE-007 must say why it is
    /// not), every line a record (a blank line is still a spreadsheet row), values untrimmed, bad
    /// quoting recovered as Excel does and reported to <paramref name="onMalformed"/>.
    /// </summary>
    private static CsvReaderOptions Options(int bufferSize, Action<CsvMalformedRecord> onMalformed) => new()
    {
        Separator = ',',
        DetectSeparatorHint = false,
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = false,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        // In bytes of UTF-8, at most three to a character here, so no row within the limit is refused; the
        // limit itself is checked in characters once a record is read (CsvHelper lets a record already in
        // its buffer through, so the buffer, not the record, is what this bounds: about twice it).
        MaxRecordSize = MaxRowBytes,
        BufferSize = Math.Max(bufferSize, 256),
        // Values may be pupil data: they must never reach a log through an exception message.
        IncludeValuesInExceptions = false,
        OnMalformedRecord = onMalformed,
    };

    // CsvHelper names only the first quoting problem of a record, so a record it flags for any reason
    // is scanned here for a quote left open (rare, and only ever the last record of the file).
    private void OnMalformed(CsvMalformedRecord record) => _malformed = true;

    /// <summary>
    /// Whether the record ends inside a quoted value, read as CsvHelper reads it: a quote opens a value
    /// only at the start of a field, "" inside one is a quote, and any other quote is text.
    /// </summary>
    internal static bool EndsInsideQuotes(ReadOnlySpan<byte> raw)
    {
        var fieldStart = true;
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (quoted)
            {
                if (b != (byte)'"') continue;
                if (i + 1 < raw.Length && raw[i + 1] == (byte)'"') i++;
                else quoted = false;
            }
            else if (b == (byte)',')
            {
                fieldStart = true;
            }
            else
            {
                quoted = fieldStart && b == (byte)'"';
                fieldStart = false;
            }
        }
        return quoted;
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => _recordIndex;

    public int FieldCount => _fieldCount;

    public string Encoding => _encoding();

    public ReadOnlySpan<char> this[int index] =>
        index < _fieldCount ? _chars.AsSpan(_starts[index], _lengths[index]) : ReadOnlySpan<char>.Empty;

    public bool Read() => ReadRecord();

    private bool ReadRecord()
    {
        var row = _recordIndex + 1;
        bool more;
        _malformed = false;
        try
        {
            more = _csv.Read();
        }
        catch (CsvFormatException)
        {
            // With bad quoting recovered, the only format error left is a record over MaxRecordSize.
            throw RowTooLong(row);
        }
        if (!more)
        {
            _fieldCount = 0;
            return false;
        }
        // Checked before the open quote: a quote left open over more than a row's limit of text is a row too long.
        var raw = _csv.RawRecord;
        if (raw.Length > Limits.MaxRowChars && System.Text.Encoding.UTF8.GetCharCount(raw) > Limits.MaxRowChars)
            throw RowTooLong(row);
        if (_malformed && EndsInsideQuotes(raw))
            throw new TabularFormatException(TabularProblem.UnclosedQuote, row,
                "A quoted value is never closed: a \" opens a value on this row and no matching \" follows " +
                "before the end of the file.");
        if (_csv.FieldCount > Limits.MaxColumns)
            throw new TabularFormatException(TabularProblem.TooManyColumns, row,
                $"The row has more than {Limits.MaxColumns:N0} columns; no return has that many.");
        _recordIndex = row;
        DecodeRecord();
        return true;
    }

    private static TabularFormatException RowTooLong(int row) => new(TabularProblem.RowTooLong, row,
        $"A single row is longer than {Limits.MaxRowChars:N0} characters, usually a quote that is never closed.");

    /// <summary>Decodes every value of the record (UTF-8 in CsvHelper's buffer) into the character block.</summary>
    private void DecodeRecord()
    {
        var count = _csv.FieldCount;
        if (count > _starts.Length)
        {
            Array.Resize(ref _starts, Math.Max(count, _starts.Length * 2));
            Array.Resize(ref _lengths, _starts.Length);
        }
        _fieldCount = count;
        if (TryDecodeAsciiRecord(count)) return;
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var bytes = _csv.GetSpan(i);
            // UTF-8 never has fewer bytes than the UTF-16 characters it decodes to.
            if (_chars.Length - used < bytes.Length)
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, used + bytes.Length));
            var written = System.Text.Encoding.UTF8.GetChars(bytes, _chars.AsSpan(used));
            _starts[i] = used;
            _lengths[i] = written;
            used += written;
        }
    }

    /// <summary>
    /// The usual record, all ASCII with every value a slice of the record as read (no "" inside quotes), is widened
    /// in one vectorised step, each value found at its byte offset: decoding value by value cost more than CsvHelper
    /// took to read the record. False, having done nothing that counts, for any other record.
    /// </summary>
    private bool TryDecodeAsciiRecord(int count)
    {
        // The values first: CsvHelper may unquote one in its buffer as it is asked for it.
        var raw = _csv.RawRecord;
        for (var i = 0; i < count; i++)
        {
            var bytes = _csv.GetSpan(i);
            if (bytes.IsEmpty)
            {
                (_starts[i], _lengths[i]) = (0, 0);
                continue;
            }
            if (!raw.Overlaps(bytes, out var offset) || offset < 0 || offset + bytes.Length > raw.Length) return false;
            (_starts[i], _lengths[i]) = (offset, bytes.Length);
        }
        if (_chars.Length < raw.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, raw.Length));
        return System.Text.Ascii.ToUtf16(raw, _chars, out _) == System.Buffers.OperationStatus.Done;
    }

    public void Dispose() => _csv.Dispose();
}
