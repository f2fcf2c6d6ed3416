using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>One backtest forecast of one LA's total or placement group, against what happened, with its 80%
/// interval when the origin had errors to calibrate one.</summary>
public sealed record CohortOutcome(string Breakdown, string Method, int Origin, int Horizon, string Code,
    double Forecast, double Actual, bool? Inside, double? Lower = null, double? Upper = null)
{
    public double AbsolutePercentageError => Math.Abs(Forecast - Actual) / Actual;

    public double LogError => Math.Log(Actual / Forecast);
}

/// <summary>How one method did on one breakdown at one horizon. Coverage is over the outcomes that had an
/// interval.</summary>
public sealed record CohortSummary(string Breakdown, string Method, int Horizon, int Outcomes, double MedianApe,
    double MeanApe, int WithInterval, double? Coverage);

public sealed record CohortBacktestResult(IReadOnlyList<int> Origins, IReadOnlyList<CohortOutcome> Outcomes,
    IReadOnlyList<CohortSummary> Summaries);

/// <summary>
/// Rolling-origin backtests of the cohort model and of every simple method, on LA totals and on each placement
/// group. At each origin every method sees only the years up to it (the tables are cut first). A forecast is
/// scored only where every method could make one and the outcome year is published under the same code, so the
/// methods are compared on the same cases. Intervals are strictly out of sample: the interval for a forecast made at
/// origin T is calibrated on the same method's errors for outcome years up to T and the national series up to T.
/// </summary>
public static class CohortBacktest
{
    public const string Method = "cohort";

    /// <param name="ageLag">Years of age bands to withhold before each origin: 1 tests the forecast the age table
    /// allows today (it ends a year before the totals).</param>
    /// <param name="fromRequests">The cohort model's new plans from requests and their conversion
    /// (<see cref="CohortModel.Project"/>), where requests are published.</param>
    public static CohortBacktestResult Run(EhcpTables tables, int maxHorizon = Backtest.MaxHorizon, int? lastOrigin =
        null,
        int ageLag = 0, bool fromRequests = CohortModel.NewPlansFromRequests)
    {
        var years = tables.Totals.Values.SelectMany(t => t.Keys).Distinct().Order().ToList();
        if (years.Count < 3) return new CohortBacktestResult([], [], []);
        var last = years[^1];
        var origins = Enumerable.Range(years[0] + 1, last - years[0] - 1).Where(o => lastOrigin is null
            || o <= lastOrigin).ToList();
        var simple = new List<IForecastMethod> { ForecastMethods.Default };
        simple.AddRange(ForecastMethods.Classic);
        var breakdowns = Breakdowns(tables);

        var raw = new List<CohortOutcome>();
        foreach (var origin in origins)
        {
            var cut = Truncate(tables, origin, ageLag);
            var horizon = Math.Min(maxHorizon, last - origin);
            var paths = CohortModel.Project(cut, origin, horizon, fromRequests).ToDictionary(p => p.Code);
            foreach (var (breakdown, series) in breakdowns)
            {
                var pool = PooledGrowth.Estimate(series, origin);
                foreach (var s in series.Where(s => !s.Area.IsNational))
                {
                    var code = s.Area.OldLaCode;
                    var run = s.RunThrough(origin);
                    if (run.Length == 0 || !paths.TryGetValue(code, out var path)) continue;
                    var cohort = breakdown == PlacementGroups.AllPlans ? path.Total
                        : PathOf(cut, origin, path, breakdown);
                    if (cohort is null || (breakdown != PlacementGroups.AllPlans
                        && !HasGroups(cut, code, origin))) continue;
                    var forecasts = simple.Select(m => (m.Name, Path: m.Forecast(run, origin, horizon, pool))).ToList();
                    if (forecasts.Any(f => f.Path is null)) continue;
                    forecasts.Add((Method, cohort));
                    for (var h = 1; h <= horizon; h++)
                    {
                        if (!s.Plans.TryGetValue(origin + h, out var actual) || actual <= 0) continue;
                        if (forecasts.Any(f => f.Path![h - 1] <= 0)) continue;
                        foreach (var (name, p) in forecasts)
                            raw.Add(new CohortOutcome(breakdown, name, origin, h, code, p![h - 1], actual, null));
                    }
                }
            }
        }

        var outcomes = WithIntervals(raw, breakdowns);
        return new CohortBacktestResult(origins, outcomes, Summarise(outcomes));
    }

    public static IReadOnlyList<CohortSummary> Summarise(IEnumerable<CohortOutcome> outcomes) =>
        outcomes.GroupBy(o => (o.Breakdown, o.Method, o.Horizon)).Select(g =>
        {
            var apes = g.Select(o => o.AbsolutePercentageError).Order().ToArray();
            var judged = g.Where(o => o.Inside is not null).ToList();
            return new CohortSummary(g.Key.Breakdown, g.Key.Method, g.Key.Horizon, apes.Length,
                PredictionIntervals.Quantile(apes, 0.5), apes.Average(), judged.Count,
                judged.Count == 0 ? null : (double)judged.Count(o => o.Inside == true) / judged.Count);
        }).ToList();

    /// <summary>A placement breakdown's path: a group's own, a subtotal's sum, a part's share of its group.</summary>
    public static double[]? PathOf(EhcpTables tables, int origin, CohortPath path, string breakdown)
    {
        if (path.Groups.TryGetValue(breakdown, out var group)) return group;
        if (PlacementGroups.Totals.FirstOrDefault(t => t.Breakdown == breakdown) is { } total)
            return [.. Enumerable.Range(0, path.Total.Length).Select(i => total.Groups.Sum(g => path.Groups[g][i]))];
        if (PlacementGroups.Parts.FirstOrDefault(p => p.Breakdown == breakdown) is not { } part) return null;
        if (!tables.Parts.TryGetValue(path.Code, out var parts) || !parts.TryGetValue(origin, out var atOrigin)
            || !atOrigin.TryGetValue(breakdown, out var count)) return null;
        if (!tables.Placements.TryGetValue(path.Code, out var placements)
            || !placements.TryGetValue(origin, out var split)) return null;
        var whole = split[part.Group];
        var share = whole > 0 ? count / whole : 0;
        return [.. path.Groups[part.Group].Select(v => v * share)];
    }

    private static bool HasGroups(EhcpTables tables, string code, int origin) =>
        tables.Placements.TryGetValue(code, out var p) && p.ContainsKey(origin);

    /// <summary>Each outcome judged against an interval calibrated on errors with outcome years up to its
    /// origin.</summary>
    private static List<CohortOutcome> WithIntervals(List<CohortOutcome> raw,
        IReadOnlyList<(string Breakdown, IReadOnlyList<CaseloadSeries> Series)> breakdowns)
    {
        var national = breakdowns.ToDictionary(b => b.Breakdown,
            b => b.Series.FirstOrDefault(s => s.Area.IsNational)?.Plans ?? new Dictionary<int, double>());
        var totals = national[PlacementGroups.AllPlans];
        var judged = new List<CohortOutcome>(raw.Count);
        foreach (var group in raw.GroupBy(o => (o.Breakdown, o.Method)))
        {
            var errors = group.Select(o => (o.Origin, o.Horizon, o.LogError)).ToList();
            var own = national[group.Key.Breakdown];
            foreach (var byOrigin in group.GroupBy(o => o.Origin))
            {
                // A group's national series is short; the totals' speaks for its shared movement until it has errors.
                var series = CohortIntervals.CommonSpread(own, byOrigin.Key).Count > 0 ? own : totals;
                var intervals = CohortIntervals.Calibrate(errors, series, byOrigin.Key);
                foreach (var o in byOrigin)
                {
                    if (intervals is null)
                    {
                        judged.Add(o);
                        continue;
                    }
                    var (lower, upper) = intervals.Bounds(o.Forecast, o.Horizon);
                    var inside = o.Actual >= lower && o.Actual <= upper;
                    judged.Add(o with { Inside = inside, Lower = lower, Upper = upper });
                }
            }
        }
        return judged;
    }

    /// <summary>The totals and each placement group (and DfE subtotal) as caseload series, England included.</summary>
    public static IReadOnlyList<(string Breakdown, IReadOnlyList<CaseloadSeries> Series)> Breakdowns(EhcpTables tables)
    {
        CaseloadSeries Series(string code, IReadOnlyDictionary<int, double> plans) => new(tables.Areas[code], plans);
        var list = new List<(string, IReadOnlyList<CaseloadSeries>)>
        {
            (PlacementGroups.AllPlans, tables.Totals.Where(t => tables.Areas.ContainsKey(t.Key))
                .Select(t => Series(t.Key, t.Value)).ToList()),
        };
        foreach (var group in PlacementGroups.All)
            list.Add((group.Breakdown, tables.Placements.Where(p => tables.Areas.ContainsKey(p.Key))
                .Select(p => Series(p.Key, p.Value.ToDictionary(y => y.Key, y => y.Value[group.Breakdown]))).ToList()));
        foreach (var total in PlacementGroups.Totals)
            list.Add((total.Breakdown, tables.Placements.Where(p => tables.Areas.ContainsKey(p.Key))
                .Select(p => Series(p.Key, p.Value.ToDictionary(y => y.Key, y => total.Groups
                    .Sum(g => y.Value[g])))).ToList()));
        foreach (var part in PlacementGroups.Parts)
            list.Add((part.Breakdown, tables.Parts.Where(p => tables.Areas.ContainsKey(p.Key))
                .Select(p => Series(p.Key, p.Value.Where(y => y.Value.ContainsKey(part.Breakdown))
                    .ToDictionary(y => y.Key, y => y.Value[part.Breakdown]))).ToList()));
        return list;
    }

    /// <summary>The tables as they stood at <paramref name="origin"/>: no caseload after it, no flow leading past
    /// it.</summary>
    public static EhcpTables Truncate(EhcpTables tables, int origin, int ageLag = 0)
    {
        var cut = new EhcpTables();
        foreach (var (code, area) in tables.Areas) cut.Areas[code] = area;
        static void Copy<T>(Dictionary<string, Dictionary<int, T>> from, Dictionary<string, Dictionary<int, T>> to,
            int through)
        {
            foreach (var (code, years) in from) to[code] = years.Where(y => y.Key <= through)
                .ToDictionary(y => y.Key, y => y.Value);
        }
        Copy(tables.Totals, cut.Totals, origin);
        Copy(tables.AgeBands, cut.AgeBands, origin - ageLag);
        Copy(tables.Placements, cut.Placements, origin);
        Copy(tables.Parts, cut.Parts, origin);
        Copy(tables.NewPlans, cut.NewPlans, origin);
        Copy(tables.NewPlansByGroup, cut.NewPlansByGroup, origin);
        Copy(tables.Requests, cut.Requests, origin);
        Copy(tables.Ceased, cut.Ceased, origin);
        return cut;
    }
}
