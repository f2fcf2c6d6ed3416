using System.Text;

namespace SendPipeline.Core.Reading;

/// <summary>
/// A workbook's shared strings, held compactly for the sheet's cells to point at: the text as UTF-8
/// in blocks of 4 MB and one packed 64-bit entry per string, also in blocks, so nothing is ever
/// copied to grow. A string object per entry (what ExcelDataReader kept) costs 32 bytes or more
/// even for one character; here the table costs at most its part's size plus 8 bytes a string.
/// </summary>
internal sealed class SharedStringTable
{
    private const int ChunkBytes = 1 << 22;
    private const int OffsetBits = 22;
    private const int LengthBits = 22;
    private const long FieldMask = (1L << 22) - 1;
    private const int EntriesPerBlock = 1 << 16;

    private readonly List<byte[]> _chunks = [];
    private readonly List<long[]> _entries = [];
    private int _used = ChunkBytes;

    public int Count { get; private set; }

    /// <summary>Adds one string, at most 4 MB as UTF-8 (the reader stops any text at a million characters).</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        long entry = 0;
        if (!text.IsEmpty)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            if (length > FieldMask)
                throw new ArgumentOutOfRangeException(nameof(text), "A shared string is longer than 4 MB.");
            if (_used + length > ChunkBytes)
            {
                _chunks.Add(new byte[ChunkBytes]);
                _used = 0;
            }
            Encoding.UTF8.GetBytes(text, _chunks[^1].AsSpan(_used));
            var chunk = (long)(_chunks.Count - 1);
            entry = (chunk << (OffsetBits + LengthBits)) | ((long)_used << LengthBits) | (uint)length;
            _used += length;
        }
        if (Count % EntriesPerBlock == 0) _entries.Add(new long[EntriesPerBlock]);
        _entries[^1][Count % EntriesPerBlock] = entry;
        Count++;
    }

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var entry = _entries[index / EntriesPerBlock][index % EntriesPerBlock];
            var length = (int)(entry & FieldMask);
            if (length == 0) return "";
            var offset = (int)((entry >> LengthBits) & FieldMask);
            return Encoding.UTF8.GetString(_chunks[(int)(entry >> (OffsetBits + LengthBits))], offset, length);
        }
    }
}
