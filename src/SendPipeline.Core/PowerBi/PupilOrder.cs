namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The order of a pupil-grain fact: by a date, then a code (a school's LAEstab, a provider's id), then the
/// pupil's key, then any field after it, rows that tie keeping their order, as a stable sort of the whole
/// table would give. Without holding a key per row of the table: the rows are sorted by date and code
/// first (a number per row), and keys are made only for one run of equal date and code at a time (a
/// school's census), which is all the key has to order.
/// </summary>
internal static class PupilOrder
{
    public static IEnumerable<(T Item, PupilKey? Pupil)> Of<T>(IReadOnlyList<T> items, Func<T, DateOnly> date,
        Func<T, string?> code, Func<PupilKeys.Hasher, T, PupilKey?> pupil, Comparison<T>? after, PupilKeys keys)
    {
        var (order, runs) = ByDateAndCode(items, date, code);
        using var hasher = keys.Open();
        var run = new List<(T Item, PupilKey? Pupil, int Index)>();
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && runs[end] == runs[start]) end++;
            run.Clear();
            for (var i = start; i < end; i++) run.Add((items[order[i]], pupil(hasher, items[order[i]]), order[i]));
            run.Sort((x, y) => PupilKey.Compare(x.Pupil, y.Pupil) is var c and not 0 ? c
                : after?.Invoke(x.Item, y.Item) is { } a and not 0 ? a : x.Index.CompareTo(y.Index));
            foreach (var (item, key, _) in run) yield return (item, key);
            start = end;
        }
    }

    /// <summary>
    /// Positions sorted by date, code (ordinal, null first) and position, with the run each falls in (equal
    /// date and code): one number per row packs all three, so the sort is of plain integers.
    /// </summary>
    private static (int[] Order, long[] Runs) ByDateAndCode<T>(IReadOnlyList<T> items, Func<T, DateOnly> date,
        Func<T, string?> code)
    {
        var n = items.Count;
        if (n == 0) return ([], []);
        var codes = items.Select(code).Where(c => c is not null).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select((c, i) => (c!, i + 1)).ToDictionary(StringComparer.Ordinal);
        var firstDay = items.Min(i => date(i).DayNumber);
        var lastDay = items.Max(i => date(i).DayNumber);
        var (codeBits, indexBits) = (Bits(codes.Count + 1), Bits(n));
        var dayBits = Bits(lastDay - firstDay + 1);
        if (dayBits + codeBits + indexBits > 63)
            throw new InvalidOperationException(
                $"{n} rows over {lastDay - firstDay + 1} days and {codes.Count} codes are too many to order.");
        var packed = new long[n];
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            var rank = code(item) is { } c ? codes[c] : 0;
            packed[i] = (((long)(date(item).DayNumber - firstDay) << codeBits | (long)rank) << indexBits) | (long)i;
        }
        Array.Sort(packed);
        var order = new int[n];
        var indexMask = (1L << indexBits) - 1;
        for (var i = 0; i < n; i++)
        {
            order[i] = (int)(packed[i] & indexMask);
            packed[i] >>= indexBits; // what is left is the run: date and code
        }
        return (order, packed);
    }

    private static int Bits(int count) => count <= 1 ? 0 : 32 - int.LeadingZeroCount(count - 1);
}
