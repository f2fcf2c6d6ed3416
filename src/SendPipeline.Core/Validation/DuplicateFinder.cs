namespace SendPipeline.Core.Validation;

/// <summary>
/// Finds repeated keys in a file (a UPN twice in a census) by collecting (key, row) pairs and
/// sorting once at the end. For a million rows this is several times faster than a hash set,
/// whose random probes into tens of megabytes miss the cache on every row. The sort is a radix
/// sort: a comparison sort of the pairs took a tenth of a census's validation, and a third of that
/// again on a cold start while the runtime compiled the generic sort for these types.
/// </summary>
internal sealed class DuplicateFinder(int expected)
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    private ulong[] _keys = new ulong[Math.Max(expected, 16)];
    private int[] _rows = new int[Math.Max(expected, 16)];
    private int _count;

    public void Add(ulong key, int row)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _rows, _rows.Length * 2);
        }
        _keys[_count] = key;
        _rows[_count] = row;
        _count++;
    }

    /// <summary>Every later occurrence of a key, with the row of its first occurrence.</summary>
    public IEnumerable<(ulong Key, int Row, int FirstRow)> Duplicates()
    {
        Sort();
        var start = 0;
        while (start < _count)
        {
            var end = start + 1;
            while (end < _count && _keys[end] == _keys[start]) end++;
            if (end - start > 1)
            {
                var first = int.MaxValue;
                for (var i = start; i < end; i++) first = Math.Min(first, _rows[i]);
                var later = new List<int>(end - start - 1);
                for (var i = start; i < end; i++) if (_rows[i] != first) later.Add(_rows[i]);
                later.Sort();
                foreach (var row in later) yield return (_keys[start], row, first);
            }
            start = end;
        }
    }

    /// <summary>
    /// Sorts the pairs by key, least significant digit first (stable, so equal keys keep the order they were
    /// added in). One pass counts every digit; a digit all keys share (the high bits of a packed UPN) is skipped.
    /// </summary>
    private void Sort()
    {
        var count = _count;
        if (count < 2) return;
        var counts = new int[Digits * Buckets];
        var keys = _keys;
        for (var i = 0; i < count; i++)
        {
            var key = keys[i];
            for (var d = 0; d < Digits; d++) counts[d * Buckets + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
        }
        ulong[]? keysTo = null;
        int[]? rowsTo = null;
        for (var d = 0; d < Digits; d++)
        {
            var shift = d * DigitBits;
            var slots = counts.AsSpan(d * Buckets, Buckets);
            if (slots[(int)((_keys[0] >> shift) & (Buckets - 1))] == count) continue;
            var sum = 0;
            for (var b = 0; b < Buckets; b++) (slots[b], sum) = (sum, sum + slots[b]);
            keysTo ??= new ulong[count];
            rowsTo ??= new int[count];
            var (keysFrom, rowsFrom) = (_keys, _rows);
            for (var i = 0; i < count; i++)
            {
                var key = keysFrom[i];
                var slot = slots[(int)((key >> shift) & (Buckets - 1))]++;
                keysTo[slot] = key;
                rowsTo[slot] = rowsFrom[i];
            }
            (_keys, keysTo) = (keysTo, keysFrom);
            (_rows, rowsTo) = (rowsTo, rowsFrom);
        }
    }
}
