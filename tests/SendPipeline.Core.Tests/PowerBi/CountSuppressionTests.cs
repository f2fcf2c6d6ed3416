using SendPipeline.Core.PowerBi;

namespace SendPipeline.Core.Tests.PowerBi;

/// <summary>
/// Secondary suppression checked the way an attacker would attack it: on random tables, every integer
/// solution of "the published cells plus the known totals of each line" (every cell at least 1, since a
/// cell exists only when it counts someone) is enumerated, and no suppressed cell may have one value in all.
/// </summary>
public sealed class CountSuppressionTests
{
    private const int Threshold = 5;

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(3, 4)]
    public void Suppress_RandomTables_NoSuppressedCellCanBeDerivedFromTotalsAndPublishedCells(int dimensions, int seed)
    {
        var rng = new Random(seed);
        var tables = 0;
        var withSecondary = 0;
        var inconclusive = 0;
        for (var t = 0; t < 120; t++)
        {
            var (grain, counts) = RandomTable(rng, dimensions);
            if (counts.Count == 0) continue;
            tables++;
            var suppressed = CountSuppression.Suppress(grain, counts, Threshold);

            for (var i = 0; i < counts.Count; i++)
                if (counts[i] < Threshold)
                    Assert.True(suppressed[i], $"table {t}: cell {i} ({counts[i]}) is under the threshold, published");
            if (Enumerable.Range(0, counts.Count).Any(i => suppressed[i] && counts[i] >= Threshold)) withSecondary++;
            // With every cell blanked the tables publish nothing: what totals alone reveal is their
            // publisher's to protect.
            if (suppressed.All(x => x)) continue;
            if (Derivable(grain, counts, suppressed) is not { } derived) { inconclusive++; continue; }
            Assert.True(derived.Count == 0,
                $"table {t}: suppressed cells {string.Join(", ", derived)} can be derived from "
                + Describe(grain, counts, suppressed));
        }
        Assert.True(tables > 100, $"only {tables} tables were generated");
        Assert.True(inconclusive < tables / 10, $"{inconclusive} of {tables} tables were too large to search");
        Assert.True(withSecondary > 10,
            $"only {withSecondary} tables needed secondary suppression: the test is not exercising it");
    }

    [Fact]
    public void Suppress_OneSmallCellInARow_SuppressesTheNextSmallestToo()
    {
        // Two rows by three columns: 3 is under 5, so 12 (the row's next smallest) goes too, and in the columns
        // 3 and 12 each need a partner, 40 and 20.
        object?[][] grain = [["a", "x"], ["a", "y"], ["a", "z"], ["b", "x"], ["b", "y"], ["b", "z"]];
        long[] counts = [3, 12, 50, 40, 20, 60];

        var suppressed = CountSuppression.Suppress(grain, counts, Threshold);

        Assert.Equal([true, true, false, true, true, false], suppressed);
    }

    [Fact]
    public void Suppress_AllCellsLarge_PublishesEverything()
    {
        object?[][] grain = [["a", "x"], ["a", "y"], ["b", "x"], ["b", "y"]];

        Assert.All(CountSuppression.Suppress(grain, [10, 20, 30, 40], Threshold), Assert.False);
    }

    [Fact]
    public void Suppress_AFullTableWithFewSmallCells_PublishesMostOfIt()
    {
        // Phase by need: a small cell costs at most the three others of a rectangle.
        var grain = new List<object?[]>();
        var counts = new List<long>();
        var rng = new Random(5);
        foreach (var a in new[] { "p", "s", "sp", "ap" })
            foreach (var b in Enumerable.Range(0, 14))
            {
                grain.Add([a, (long)b]);
                counts.Add(rng.NextDouble() < 0.1 ? rng.Next(1, 5) : rng.Next(20, 400));
            }

        var suppressed = CountSuppression.Suppress(grain, counts, Threshold);

        var small = counts.Count(c => c < Threshold);
        Assert.True(small > 0 && suppressed.Count(s => s) <= 4 * small,
            $"{suppressed.Count(s => s)} of {counts.Count} suppressed for {small} small cells");
    }

    private static (List<object?[]> Grain, List<long> Counts) RandomTable(Random rng, int dimensions)
    {
        var sizes = Enumerable.Range(0, dimensions).Select(_ => rng.Next(2, dimensions == 2 ? 4 : 3)).ToArray();
        if (dimensions == 3) sizes[2] = 2;
        var grain = new List<object?[]>();
        var counts = new List<long>();
        foreach (var cell in Cells(sizes))
        {
            if (rng.NextDouble() < 0.15) continue; // an empty cell has no row
            grain.Add([.. cell.Select(v => (object?)(long)v)]);
            counts.Add(rng.NextDouble() < 0.35 ? rng.Next(1, Threshold) : rng.Next(Threshold, 25));
        }
        return (grain, counts);
    }

    private static IEnumerable<int[]> Cells(int[] sizes)
    {
        IEnumerable<int[]> cells = [[]];
        foreach (var size in sizes)
            cells = cells.SelectMany(c => Enumerable.Range(0, size).Select(v => (int[])[.. c, v]));
        return cells;
    }

    /// <summary>
    /// The suppressed cells that take one value in every solution. Known totals: every line (cells equal in
    /// all grain columns but one) of two or more cells whose total is not under the threshold.
    /// </summary>
    private static List<int>? Derivable(List<object?[]> grain, List<long> counts, bool[] suppressed)
    {
        var hidden = Enumerable.Range(0, counts.Count).Where(i => suppressed[i]).ToList();
        var constraints = new List<(List<int> Vars, long Residual)>();
        for (var d = 0; d < grain[0].Length; d++)
        {
            var lines = Enumerable.Range(0, counts.Count)
                .GroupBy(i => string.Join("|", grain[i].Where((_, j) => j != d)));
            foreach (var line in lines)
            {
                var cells = line.ToList();
                if (cells.Count < 2 || cells.Sum(i => counts[i]) < Threshold) continue;
                var vars = cells.Where(i => suppressed[i]).Select(i => hidden.IndexOf(i)).ToList();
                if (vars.Count > 0) constraints.Add((vars, cells.Where(i => suppressed[i]).Sum(i => counts[i])));
            }
        }
        var seen = hidden.Select(_ => new HashSet<long>()).ToList();
        var values = new long[hidden.Count];
        var constrained = hidden.Select((_, v) => constraints.Any(c => c.Vars.Contains(v))).ToArray();
        var bound = Enumerable.Range(0, hidden.Count)
            .Select(v => constraints.Where(c => c.Vars.Contains(v)).Select(c => c.Residual).DefaultIfEmpty(0).Min())
            .ToArray();
        var nodes = 0L;
        Search(0);
        if (nodes > 300_000) return null;
        // A cell in no known line can be anything; otherwise one value over all solutions gives it away.
        return [.. Enumerable.Range(0, hidden.Count).Where(v => constrained[v] && seen[v].Count == 1)
            .Select(v => hidden[v])];

        void Search(int v)
        {
            if (++nodes > 300_000 || seen.Select((s, i) => s.Count > 1 || !constrained[i]).All(x => x)) return;
            if (v == hidden.Count)
            {
                if (constraints.All(c => c.Vars.Sum(x => values[x]) == c.Residual))
                {
                    for (var i = 0; i < values.Length; i++) seen[i].Add(values[i]);
                }
                return;
            }
            var top = constrained[v] ? bound[v] : 1;
            for (var value = 1L; value <= top; value++)
            {
                values[v] = value;
                // Prune: no line may already exceed its residual, counting 1 for each cell not yet set.
                if (constraints.All(c => c.Vars.Sum(x => x <= v ? values[x] : 1) <= c.Residual)) Search(v + 1);
            }
        }
    }

    private static string Describe(List<object?[]> grain, List<long> counts, bool[] suppressed) =>
        string.Join("; ", counts.Select((c, i) => $"{string.Join(",", grain[i])}={c}{(suppressed[i] ? "*" : "")}"));
}
