namespace SendPipeline.Core.Forecasting;

/// <summary>One area's forecast for one year, in plans (unrounded), with its 80% interval.</summary>
public sealed record ForecastRow(Area Area, int Year, double Plans, double Lower, double Upper, string Method);

/// <summary>An area given no forecast, and why.</summary>
public sealed record SkippedArea(Area Area, string Reason);

public sealed record ForecastResult(IReadOnlyList<ForecastRow> Rows, IReadOnlyList<SkippedArea> Skipped, PredictionIntervals Intervals);

/// <summary>
/// Forecasts England and every LA from the years up to the training year only: the history is
/// truncated first, so the pooled growth, the shrinkage weight and the intervals (from a backtest
/// within those years) cannot see a later year.
/// </summary>
public static class EhcpForecast
{
    public static ForecastResult Run(IReadOnlyList<CaseloadSeries> history, int trainThrough, int horizon, IForecastMethod method)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var known = history.Select(s => s.Truncate(trainThrough)).ToList();
        var intervals = Backtest.Calibrate(Backtest.Run(known, [method]).Outcomes);
        var pool = PooledGrowth.Estimate(known, trainThrough);

        var rows = new List<ForecastRow>();
        var skipped = new List<SkippedArea>();
        foreach (var s in known)
        {
            var run = s.RunThrough(trainThrough);
            if (run.Length == 0)
            {
                skipped.Add(new SkippedArea(s.Area, $"no caseload for {AcademicYear.Format(trainThrough)} (a code no longer used, or suppressed)"));
                continue;
            }
            if (method.Forecast(run, trainThrough, horizon, pool) is not { } path)
            {
                skipped.Add(new SkippedArea(s.Area, $"{run.Length} year(s) of unbroken history is too few for {method.Name}"));
                continue;
            }
            for (var h = 1; h <= horizon; h++)
            {
                var (lower, upper) = intervals.Bounds(path[h - 1], h);
                rows.Add(new ForecastRow(s.Area, trainThrough + h, path[h - 1], lower, upper, method.Name));
            }
        }
        return new ForecastResult(rows, skipped, intervals);
    }
}
