namespace SendPipeline.Core.PowerBi;

/// <summary>
/// Counts in place of pupil rows, for a published schema with a suppression threshold: rows are counted by
/// their grain, and a count under the threshold is null with <c>Suppressed</c> true, as DfE statistics
/// blank small numbers so that no pupil can be picked out. Only primary suppression is done: a total
/// Power BI sums over suppressed cells leaves them out (it is a floor, not the true total).
/// </summary>
internal static class CountSuppression
{
    public static StarTable Table(string name, string grain, IReadOnlyList<StarColumn> grainColumns, string countColumn, IEnumerable<object?[]> grainRows, int threshold)
    {
        var counts = new Dictionary<GrainKey, long>();
        foreach (var row in grainRows) counts[new GrainKey(row)] = counts.GetValueOrDefault(new GrainKey(row)) + 1;
        IReadOnlyList<StarColumn> columns = [.. grainColumns, StarColumns.Int(countColumn, nullable: true), StarColumns.Flag("Suppressed")];
        return new StarTable(name, grain, columns,
            [.. counts.OrderBy(c => c.Key).Select(c => (object?[])[.. c.Key.Values, c.Value < threshold ? null : c.Value, c.Value < threshold])]);
    }

    /// <summary>A row's grain values, compared value by value, ordered column by column (null first).</summary>
    private sealed class GrainKey(object?[] values) : IEquatable<GrainKey>, IComparable<GrainKey>
    {
        public object?[] Values { get; } = values;

        public bool Equals(GrainKey? other) => other is not null && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as GrainKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var v in Values) hash.Add(v);
            return hash.ToHashCode();
        }

        public int CompareTo(GrainKey? other)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                var (a, b) = (Values[i], other!.Values[i]);
                var c = a is null ? (b is null ? 0 : -1) : b is null ? 1
                    : a is string s ? string.CompareOrdinal(s, (string)b) : Comparer<object>.Default.Compare(a, b);
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
