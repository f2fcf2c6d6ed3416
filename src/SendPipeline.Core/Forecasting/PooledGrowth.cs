namespace SendPipeline.Core.Forecasting;

/// <summary>
/// What all LAs together say about growth, from the years a forecast may use. Each year's pooled
/// growth is the log growth of the total of the LAs reported in both that year and the one before
/// (a chain, so a code that starts or ends does not look like growth). An LA's own growth is then
/// the pooled growth plus its deviation; how much of an LA's average past deviation carries into
/// the next year is estimated, not chosen, by regressing each year's deviation on the average of
/// the same LA's earlier deviations across all LAs (an empirical-Bayes shrinkage weight).
/// </summary>
public sealed class PooledGrowth
{
    private readonly Dictionary<int, double> _byYear;

    private PooledGrowth(Dictionary<int, double> byYear, double weight)
    {
        _byYear = byYear;
        Weight = weight;
        MeanLogGrowth = byYear.Count == 0 ? 0 : byYear.Values.Average();
    }

    /// <summary>The mean of the pooled log growth rates over the years used.</summary>
    public double MeanLogGrowth { get; }

    /// <summary>Share of an LA's average deviation from the pooled growth expected to persist, in [0, 1].</summary>
    public double Weight { get; }

    public IReadOnlyDictionary<int, double> LogGrowthByYear => _byYear;

    /// <summary>Pools the LAs (never England, which is their total) over the years up to <paramref name="through"/>.</summary>
    public static PooledGrowth Estimate(IEnumerable<CaseloadSeries> series, int through)
    {
        var las = series.Where(s => !s.Area.IsNational).Select(s => s.Truncate(through)).ToList();
        var byYear = new Dictionary<int, double>();
        foreach (var year in las.SelectMany(s => s.Plans.Keys).Distinct().Order())
        {
            double before = 0, now = 0;
            foreach (var s in las)
                if (s.Plans.TryGetValue(year - 1, out var b) && s.Plans.TryGetValue(year, out var n)) { before += b; now += n; }
            if (before > 0 && now > 0) byYear[year] = Math.Log(now / before);
        }
        var pool = new PooledGrowth(byYear, 0);

        double xy = 0, xx = 0;
        foreach (var s in las)
        {
            var earlier = new List<double>();
            foreach (var year in s.Plans.Keys.Order())
            {
                if (pool.DeviationIn(s.Plans, year) is not { } d) { earlier.Clear(); continue; }
                if (earlier.Count > 0)
                {
                    var x = earlier.Average();
                    xy += x * d;
                    xx += x * x;
                }
                earlier.Add(d);
            }
        }
        // With a single year of growth there is nothing to regress: the LA's own history earns no weight yet.
        var weight = xx > 0 ? Math.Clamp(xy / xx, 0, 1) : 0;
        return new PooledGrowth(byYear, weight);
    }

    /// <summary>
    /// The average deviation of a run's growth from the pooled growth of the same years (0 for a
    /// run of one year, which has no growth of its own).
    /// </summary>
    public double MeanDeviation(double[] run, int lastYear)
    {
        double sum = 0;
        var n = 0;
        for (var i = 1; i < run.Length; i++)
        {
            var year = lastYear - run.Length + 1 + i;
            if (!_byYear.TryGetValue(year, out var pooled) || run[i - 1] <= 0 || run[i] <= 0) continue;
            sum += Math.Log(run[i] / run[i - 1]) - pooled;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    private double? DeviationIn(IReadOnlyDictionary<int, double> plans, int year) =>
        _byYear.TryGetValue(year, out var pooled) && plans.TryGetValue(year - 1, out var b) && plans.TryGetValue(year, out var n) && b > 0 && n > 0
            ? Math.Log(n / b) - pooled
            : null;
}
