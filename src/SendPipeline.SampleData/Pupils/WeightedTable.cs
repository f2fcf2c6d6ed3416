namespace SendPipeline.SampleData.Pupils;

/// <summary>A discrete distribution sampled by cumulative weight; weights need not sum to 1.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0) throw new ArgumentException("A weighted table needs at least one positive weight.");
        _items = list.Select(e => e.Item).ToArray();
        _cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++) _cumulative[i] = total += list[i].Weight;
    }

    public IReadOnlyList<T> Items => _items;

    public T Pick(Random rng)
    {
        var x = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        if (i < 0) i = ~i;
        return _items[Math.Min(i, _items.Length - 1)];
    }

    /// <summary>Picks an item that passes <paramref name="allowed"/>, or the default when none can.</summary>
    public T? PickWhere(Random rng, Func<T, bool> allowed)
    {
        if (!_items.Any(allowed)) return default;
        while (true)
        {
            var item = Pick(rng);
            if (allowed(item)) return item;
        }
    }
}
