namespace SendPipeline.Core.Reading;

/// <summary>
/// The plumbing of a stream that is read once, from start to end, as the pipeline's wrappers over an upload are
/// (a size cap, an XML guard, a hash taken while validating): no seeking, no writing, no length up front. A
/// subclass supplies <see cref="Stream.Read(byte[], int, int)"/> and, if it counts, <see cref="Position"/>.
/// </summary>
public abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
