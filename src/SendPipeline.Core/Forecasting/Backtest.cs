namespace SendPipeline.Core.Forecasting;

/// <summary>One backtest forecast of one LA from one origin, against what happened.</summary>
public sealed record BacktestOutcome(string Method, int Origin, int Horizon, Area Area, double Forecast, double Actual)
{
    public double AbsolutePercentageError => Math.Abs(Forecast - Actual) / Actual;

    public double LogError => Math.Log(Actual / Forecast);
}

/// <summary>How one method did at one horizon, across LAs and origins.</summary>
public sealed record BacktestSummary(string Method, int Horizon, int Outcomes, double MedianApe, double MeanApe, double Coverage);

public sealed record BacktestResult(
    IReadOnlyList<int> Origins, IReadOnlyList<Area> Evaluated, IReadOnlyList<Area> Skipped,
    IReadOnlyList<BacktestOutcome> Outcomes, IReadOnlyList<BacktestSummary> Summaries);

/// <summary>
/// Rolling-origin backtests: for each year T from the second to the last but one, every method is
/// given the years up to T only (the pooled growth too) and forecasts 1, 2, … years ahead as far as
/// the file has outcomes. Only LAs with a caseload in every year are scored, so an LA whose code
/// changed (Dorset, Northamptonshire) or whose total was suppressed is skipped, not half-scored.
/// </summary>
public static class Backtest
{
    public const int MaxHorizon = 3;

    public static BacktestResult Run(IReadOnlyList<CaseloadSeries> series, IReadOnlyList<IForecastMethod> methods, int maxHorizon = MaxHorizon)
    {
        var years = series.SelectMany(s => s.Plans.Keys).Distinct().Order().ToList();
        if (years.Count == 0) return new BacktestResult([], [], [], [], []);
        int first = years[0], last = years[^1];
        var las = series.Where(s => !s.Area.IsNational).ToList();
        var complete = las.Where(s => Enumerable.Range(first, last - first + 1).All(s.Plans.ContainsKey)).ToList();
        var skipped = las.Except(complete).Select(s => s.Area).ToList();

        var origins = Enumerable.Range(first + 1, Math.Max(0, last - first - 1)).ToList();
        var outcomes = new List<BacktestOutcome>();
        foreach (var origin in origins)
        {
            var pool = PooledGrowth.Estimate(series, origin);
            var horizon = Math.Min(maxHorizon, last - origin);
            foreach (var s in complete)
            {
                var run = s.RunThrough(origin);
                foreach (var method in methods)
                {
                    if (method.Forecast(run, origin, horizon, pool) is not { } path) continue;
                    for (var h = 1; h <= horizon; h++)
                        outcomes.Add(new BacktestOutcome(method.Name, origin, h, s.Area, path[h - 1], s.Plans[origin + h]));
                }
            }
        }

        var summaries = new List<BacktestSummary>();
        foreach (var method in methods)
        {
            var mine = outcomes.Where(o => o.Method == method.Name).ToList();
            var covered = LeaveOneOriginOutCoverage(mine);
            foreach (var group in mine.GroupBy(o => o.Horizon).OrderBy(g => g.Key))
            {
                var apes = group.Select(o => o.AbsolutePercentageError).Order().ToArray();
                var inside = group.Count(covered.Contains);
                summaries.Add(new BacktestSummary(method.Name, group.Key, apes.Length, PredictionIntervals.Quantile(apes, 0.5), apes.Average(),
                    (double)inside / apes.Length));
            }
        }
        return new BacktestResult(origins, complete.Select(s => s.Area).ToList(), skipped, outcomes, summaries);
    }

    /// <summary>The prediction intervals a method would carry, set from its errors in a backtest.</summary>
    public static PredictionIntervals Calibrate(IEnumerable<BacktestOutcome> outcomes) =>
        PredictionIntervals.FromLogErrors(outcomes.Select(o => (o.Horizon, o.LogError)));

    /// <summary>
    /// The outcomes inside intervals set without their own origin: each origin's forecasts are
    /// judged against intervals calibrated on the other origins' errors only, so coverage is
    /// measured out of sample. (Origins overlap in the years they forecast; a year that surprised
    /// every LA still informs the others' intervals. Five years leave no cleaner split.)
    /// </summary>
    private static HashSet<BacktestOutcome> LeaveOneOriginOutCoverage(IReadOnlyList<BacktestOutcome> outcomes)
    {
        var inside = new HashSet<BacktestOutcome>(ReferenceEqualityComparer.Instance);
        foreach (var origin in outcomes.Select(o => o.Origin).Distinct())
        {
            var others = outcomes.Where(o => o.Origin != origin).ToList();
            if (others.Count == 0) continue;
            var intervals = Calibrate(others);
            foreach (var o in outcomes.Where(o => o.Origin == origin))
            {
                var (lower, upper) = intervals.Bounds(o.Forecast, o.Horizon);
                if (o.Actual >= lower && o.Actual <= upper) inside.Add(o);
            }
        }
        return inside;
    }
}
