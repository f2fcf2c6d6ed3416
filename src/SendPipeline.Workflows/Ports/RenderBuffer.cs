using SendPipeline.Core.Reading;

namespace SendPipeline.Workflows.Ports;

/// <summary>
/// Where an output is rendered before it is stored whole: in memory while it is small (most reports and
/// dataset tables), moved to a private scratch file (<see cref="PrivateTemp"/>, deleted when disposed) once it
/// passes <see cref="InMemoryLimit"/>. A national data-quality report is hundreds of megabytes, and a
/// <see cref="MemoryStream"/> that doubles to hold it keeps two or three times that on the large object heap
/// until a full collection; rendered to disk, memory stays flat whatever the size of the output.
/// </summary>
public sealed class RenderBuffer : Stream
{
    /// <summary>Outputs up to this size never touch the disk.</summary>
    public const int InMemoryLimit = 4 << 20;

    private readonly MemoryStream _memory = new();
    private FileStream? _file;
    private bool _reading;

    private Stream Current => _file ?? (Stream)_memory;

    public override bool CanRead => _reading;
    public override bool CanSeek => _reading;
    public override bool CanWrite => !_reading;
    public override long Length => Current.Length;

    public override long Position
    {
        get => Current.Position;
        set => Current.Position = _reading ? value : throw Forwards();
    }

    /// <summary>Ends the writing and rewinds, so the buffer can be read (or stored) from its start.</summary>
    public Stream Rewind()
    {
        Current.Flush();
        _reading = true;
        Current.Position = 0;
        return this;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_reading) throw new NotSupportedException("A render buffer is read once rewound, never written again.");
        if (_file is null && _memory.Length + buffer.Length > InMemoryLimit)
        {
            _file = PrivateTemp.Current.NewScratch(".render");
            _file.Write(_memory.GetBuffer().AsSpan(0, (int)_memory.Length));
            _memory.SetLength(0);
            _memory.Capacity = 0;
        }
        Current.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        _reading ? Current.Read(buffer) : throw NotRewound();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _reading ? Current.ReadAsync(buffer, cancellationToken) : throw NotRewound();

    public override long Seek(long offset, SeekOrigin origin) =>
        _reading ? Current.Seek(offset, origin) : throw Forwards();

    private static NotSupportedException Forwards() => new("A render buffer is written forwards.");

    private static NotSupportedException NotRewound() => new("Rewind the render buffer before reading it.");

    public override void SetLength(long value) => throw new NotSupportedException("A render buffer only grows.");

    public override void Flush() => Current.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _memory.Dispose();
        }
        base.Dispose(disposing);
    }
}
