using System.Buffers;
using System.Text;

namespace SendPipeline.Core.Reading;

/// <summary>
/// Decodes an upload as UTF-8 (with or without BOM) or Windows-1252, deciding from the bytes
/// themselves, in one streaming pass. ASCII is the same in both, so the decision waits for the
/// first non-ASCII byte: a valid UTF-8 sequence there means UTF-8, anything else means Windows-1252
/// (what Excel's plain "CSV" save writes in the UK). Nothing is buffered beyond one chunk, so a
/// 100 MB ASCII file with a '£' on its last row still decodes correctly in constant memory.
/// A file that starts as UTF-8 and later breaks the encoding is an error, never silent mojibake.
/// </summary>
public sealed class DetectingTextReader : TextReader
{
    private enum Mode { Undecided, Utf8, Windows1252 }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    private readonly Stream _stream;
    private readonly byte[] _bytes;
    private int _byteStart;
    private int _byteEnd;
    private bool _eof;
    private Mode _mode;
    private bool _hadBom;
    private Decoder? _decoder;
    private long _bytesConsumed;

    public DetectingTextReader(Stream stream, int bufferSize = 64 * 1024)
    {
        _stream = stream;
        _bytes = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>The encoding decided so far; "ASCII" while every byte has been ASCII.</summary>
    public string EncodingName => _mode switch
    {
        Mode.Utf8 => _hadBom ? "UTF-8 with BOM" : "UTF-8",
        Mode.Windows1252 => "Windows-1252",
        _ => "ASCII",
    };

    /// <summary>Bytes decoded so far: lets the caller say roughly where a broken sequence is.</summary>
    public long BytesConsumed => _bytesConsumed;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        while (true)
        {
            if (_byteEnd - _byteStart < 4 && !_eof) Fill();
            var available = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
            if (available.IsEmpty) return 0;
            if (_bytesConsumed == 0 && _byteStart == 0 && !_hadBom && available.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _hadBom = true;
                SwitchTo(Mode.Utf8);
                Consume(3);
                continue;
            }
            var written = Decode(available, destination);
            if (written > 0) return written;
        }
    }

    public override int Peek() => throw new NotSupportedException("The CSV reader reads in blocks and never peeks.");

    private int Decode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var max = Math.Min(bytes.Length, destination.Length);
        switch (_mode)
        {
            case Mode.Undecided:
            {
                var firstNonAscii = bytes[..max].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                var asciiLength = firstNonAscii < 0 ? max : firstNonAscii;
                if (asciiLength > 0)
                {
                    Ascii.ToUtf16(bytes[..asciiLength], destination, out var written);
                    Consume(asciiLength);
                    return written;
                }
                Decide(bytes);
                return 0;
            }
            case Mode.Windows1252:
            {
                var written = Windows1252.GetChars(bytes[..max], destination);
                Consume(max);
                return written;
            }
            default:
            {
                try
                {
                    _decoder!.Convert(bytes, destination, flush: _eof, out var used, out var written, out _);
                    Consume(used);
                    return written;
                }
                catch (DecoderFallbackException)
                {
                    throw new TabularFormatException(TabularProblem.BrokenEncoding, null,
                        $"The file is UTF-8 but has a broken byte sequence near byte {_bytesConsumed:N0}.");
                }
            }
        }
    }

    private void Decide(ReadOnlySpan<byte> bytes)
    {
        var status = Rune.DecodeFromUtf8(bytes, out _, out _);
        // NeedMoreData only happens at the true end of the file, because Read keeps 4 bytes ahead.
        SwitchTo(status == OperationStatus.Done ? Mode.Utf8 : Mode.Windows1252);
    }

    private void SwitchTo(Mode mode)
    {
        _mode = mode;
        if (mode == Mode.Utf8) _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    }

    private void Consume(int count)
    {
        _byteStart += count;
        _bytesConsumed += count;
    }

    private void Fill()
    {
        if (_byteStart > 0)
        {
            _bytes.AsSpan(_byteStart, _byteEnd - _byteStart).CopyTo(_bytes);
            _byteEnd -= _byteStart;
            _byteStart = 0;
        }
        while (_byteEnd < _bytes.Length)
        {
            var read = _stream.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
            if (read == 0)
            {
                _eof = true;
                return;
            }
            _byteEnd += read;
            if (_byteEnd - _byteStart >= 4) return;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }
}
