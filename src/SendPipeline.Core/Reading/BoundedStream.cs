namespace SendPipeline.Core.Reading;

/// <summary>
/// Replays the sniffed prefix, then the rest of the upload, and stops with a clear error past the
/// size limit, so a stream of unknown length can never make validation read without end.
/// </summary>
internal sealed class BoundedStream(byte[] prefix, int prefixLength, Stream rest, long limit) : ForwardReadStream
{
    private int _prefixPos;
    private long _total;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_prefixPos < prefixLength)
        {
            read = Math.Min(buffer.Length, prefixLength - _prefixPos);
            prefix.AsSpan(_prefixPos, read).CopyTo(buffer);
            _prefixPos += read;
        }
        else
        {
            read = rest.Read(buffer);
        }
        _total += read;
        if (_total > limit)
            throw new TabularFormatException(TabularProblem.TooLarge, null, $"The file is larger than {limit / (1024 * 1024)} MB.");
        return read;
    }

    public override long Position { get => _total; }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
