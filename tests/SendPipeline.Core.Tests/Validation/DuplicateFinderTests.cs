using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Validation;

public class DuplicateFinderTests
{
    /// <summary>What the finder must say, worked out the plain way: each key's first row, then every later one.</summary>
    private static List<(ulong, int, int)> Expected(IEnumerable<(ulong Key, int Row)> added) =>
        added.GroupBy(a => a.Key).Where(g => g.Count() > 1).OrderBy(g => g.Key)
            .SelectMany(g => g.Select(a => a.Row).Order().Skip(1).Select(row => (g.Key, row, g.Min(a => a.Row))))
            .ToList();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(5_000)]
    public void Duplicates_RandomKeysOverEveryBit_AreFoundInKeyThenRowOrder(int seed)
    {
        var random = new Random(seed);
        var added = new List<(ulong Key, int Row)>();
        // Keys over all 64 bits and keys differing only in their lowest or highest bits, a third of them repeated.
        for (var row = 2; row < 3_000; row++)
        {
            var key = (row % 3) switch
            {
                0 when added.Count > 0 => added[random.Next(added.Count)].Key,
                1 => ((ulong)random.NextInt64() << 1) | (uint)random.Next(2),
                _ => ((ulong)(uint)random.Next(64) << 58) | (uint)random.Next(16),
            };
            added.Add((key, row));
        }
        var finder = new DuplicateFinder(expected: 10);
        foreach (var (key, row) in added) finder.Add(key, row);

        Assert.Equal(Expected(added), finder.Duplicates().Select(d => (d.Key, d.Row, d.FirstRow)).ToList());
    }

    [Fact]
    public void Duplicates_NoneOrOneKey_AreNone()
    {
        Assert.Empty(new DuplicateFinder(0).Duplicates());
        var one = new DuplicateFinder(0);
        one.Add(42, 2);
        Assert.Empty(one.Duplicates());
    }
}
