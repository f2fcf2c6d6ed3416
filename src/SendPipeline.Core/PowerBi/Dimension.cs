namespace SendPipeline.Core.PowerBi;

/// <summary>
/// Surrogate keys of one dimension: its natural keys sorted ordinally are numbered 1, 2, 3 …, and key 0 is
/// the Unknown member, which every fact row whose code is blank or not a member points to, so every
/// foreign key resolves. The same natural keys always get the same numbers.
/// </summary>
internal sealed class Dimension
{
    public const long Unknown = 0;

    private readonly Dictionary<string, long> _keys;

    public Dimension(IEnumerable<string> naturalKeys)
    {
        Members = [.. naturalKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _keys = Members.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => (long)p.i + 1, StringComparer.Ordinal);
    }

    /// <summary>The natural keys in key order: <c>Members[i]</c> has key i + 1.</summary>
    public IReadOnlyList<string> Members { get; }

    public long this[string? naturalKey] => naturalKey is not null && _keys.TryGetValue(naturalKey, out var key) ? key : Unknown;

    /// <summary>The table: the Unknown row, then a row per member from <paramref name="attributes"/> (null for the Unknown row).</summary>
    public StarTable Table(string name, string grain, IReadOnlyList<StarColumn> columns, Func<string?, object?[]> attributes) =>
        new(name, grain, columns,
            [.. new[] { (Key: Unknown, Natural: (string?)null) }.Concat(Members.Select((m, i) => (Key: (long)i + 1, Natural: (string?)m)))
                .Select(r => (object?[])[r.Key, .. attributes(r.Natural)])],
            columns[0].Name);
}
