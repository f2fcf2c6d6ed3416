namespace SendPipeline.Core.Reading;

/// <summary>
/// Wraps one inflating part of a workbook so that neither its size nor any single piece of its XML
/// can exhaust memory: past <c>limit</c> bytes it stops with <c>tooLarge</c>; and a run of more than
/// <see cref="Limits.MaxXmlTokenBytes"/> bytes without markup (one value, one tag, one comment, which
/// an XML reader holds whole) stops with <c>tokenTooLong</c>. The size the zip declares is not trusted.
/// </summary>
internal sealed class XmlPartGuardStream(
    Stream inner, long limit, Func<Exception> tooLarge, Func<Exception> tokenTooLong) : ForwardReadStream
{
    private enum Lexer { Markup, AfterLessThan, Declaration }

    private long _total;
    private long _run;
    private Lexer _state = Lexer.Markup;
    private byte _previous;
    private byte _beforePrevious;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _total += read;
        if (_total > limit) throw tooLarge();
        Scan(buffer[..read]);
        return read;
    }

    /// <summary>
    /// Counts the bytes since the last '&lt;'. Inside a comment, CDATA section or processing
    /// instruction ('&lt;!' or '&lt;?'), a '&lt;' does not end the piece: only its closing '--&gt;',
    /// ']]&gt;' or '?&gt;' does, since an XML reader holds all of it at once.
    /// </summary>
    private void Scan(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (_state == Lexer.Markup)
            {
                var next = bytes[i..].IndexOf((byte)'<');
                if (next < 0)
                {
                    _run += bytes.Length - i;
                    break;
                }
                _run += next;
                Check();
                _run = 0;
                _state = Lexer.AfterLessThan;
                i += next + 1;
                continue;
            }
            var b = bytes[i++];
            _run++;
            if (_state == Lexer.AfterLessThan)
            {
                _state = b is (byte)'!' or (byte)'?' ? Lexer.Declaration : Lexer.Markup;
            }
            else if (b == (byte)'>' && ClosesDeclaration())
            {
                _state = Lexer.Markup;
                _run = 0;
            }
            _beforePrevious = _previous;
            _previous = b;
        }
        Check();
    }

    /// <summary>'--&gt;' ends a comment, ']]&gt;' a CDATA section, '?&gt;' a processing instruction.</summary>
    private bool ClosesDeclaration() =>
        (_previous == '-' && _beforePrevious == '-')
        || (_previous == ']' && _beforePrevious == ']')
        || _previous == '?';

    private void Check()
    {
        if (_run > Limits.MaxXmlTokenBytes) throw tokenTooLong();
    }

    public override long Position { get => _total; }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
