namespace SendPipeline.Core.Validation;

/// <summary>
/// Finds repeated keys in a file (a UPN twice in a census) by collecting (key, row) pairs and
/// sorting once at the end. For a million rows this is several times faster than a hash set,
/// whose random probes into tens of megabytes miss the cache on every row, and it needs half the memory.
/// </summary>
internal sealed class DuplicateFinder(int expected)
{
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
        Array.Sort(_keys, _rows, 0, _count);
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
}
