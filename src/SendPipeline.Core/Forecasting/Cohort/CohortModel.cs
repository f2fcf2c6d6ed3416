using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>One LA's cohort projection from an origin: the total and each placement group, 1 to h years
/// ahead.</summary>
public sealed record CohortPath(string Code, double[] Total, IReadOnlyDictionary<string, double[]> Groups,
    string Basis);

/// <summary>
/// The cohort model. Everything it uses is at or before the origin; every rate is the pooled rate of all LAs over
/// the last <see cref="Window"/> years plus the LA's own mean deviation from it, shrunk by <see cref="Shrinkage"/>.
/// <para><b>Total, by age band.</b> Plans in each band either stay (a share 1 − 1/width of the band's plans stay
/// in it a year later, 1/width move up one band; from 20–25 they reach 26 and end), or the band gains or loses
/// plans net of new plans and ceased ones: the net entry rate is ln(plans in the band / plans carried into it).
/// The projected total's growth from the origin is applied to the origin's published total, so age bands that
/// end earlier than the totals (the age table stops at January 2022) still shape the path.</para>
/// <para><b>Placement groups, by flows.</b> Each group keeps a share k of last year's plans (net of ceasing and
/// of moves to and from other groups) and gains its share of the year's new plans:
/// G(t+1) = k · G(t) + s · N(t+1). k comes from the published caseloads and new plans by setting, s is the LA's
/// mix of new plans by setting, and new plans grow at the pooled growth of new plans plus the LA's shrunk
/// deviation. The groups are then scaled to the total, so they always add up to it. Without new plans by setting
/// (before 2019) the groups keep the origin's shares.</para>
/// </summary>
public static class CohortModel
{
    /// <summary>Years of pooled rates averaged: the transition from statements to plans (2014–2018) ended
    /// them.</summary>
    public const int Window = 3;

    /// <summary>Band widths in years (under 5, 5–10, 11–15, 16–19, 20–25).</summary>
    public static readonly IReadOnlyList<int> BandWidths = [5, 6, 5, 4, 6];

    /// <summary>
    /// Whether the flows take new plans from requests and their conversion (<see cref="RequestConversion"/>) by
    /// default. Measured on the origins with requests (docs/forecasting.md "The home LA's own returns"): it made LA
    /// totals worse there, so it is available (<c>fromRequests</c>) but not the default.
    /// </summary>
    public const bool NewPlansFromRequests = false;

    public static IReadOnlyList<CohortPath> Project(EhcpTables tables, int origin, int horizon,
        bool fromRequests = NewPlansFromRequests)
    {
        var ages = AgeRates.Estimate(tables, origin);
        var flows = PlacementFlows.Estimate(tables, origin, fromRequests);
        var totalGrowth = SeriesGrowth.Estimate(tables.Totals, origin);
        var paths = new List<CohortPath>();
        foreach (var code in tables.Totals.Keys.Order(StringComparer.Ordinal))
        {
            if (!tables.Totals[code].TryGetValue(origin, out var total) || total <= 0) continue;
            var (ratios, basis) = ages.Ratios(code, origin, horizon, totalGrowth.Pooled
                - ages.PooledTotalGrowth) is { } r ? (r, "age bands")
                : (totalGrowth.Ratios(code, origin, horizon), "pooled growth");
            if (flows.TotalRatios(code, origin, horizon) is { } f)
            {
                // Two views of the same caseload, from different tables: their geometric mean.
                ratios = [.. ratios.Zip(f, (a, b) => Math.Sqrt(a * b))];
                basis += " and flows";
            }
            var totals = ratios.Select(x => total * x).ToArray();
            var groups = flows.Project(code, origin, totals);
            paths.Add(new CohortPath(code, totals, groups, basis));
        }
        return paths;
    }

    internal static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(0).Average();

    /// <summary>
    /// The years, at or before the origin, that at least two LAs give a rate for: a pooled rate of one LA is that
    /// LA's own. The home LA's register can run past the published tables (<see cref="OwnReturns"/>); its later
    /// years are its own deviations, never the pool's.
    /// </summary>
    internal static List<int> PooledYears(IEnumerable<IEnumerable<int>> yearsOfEachLa, int origin) =>
        [.. yearsOfEachLa.SelectMany(y => y.Where(x => x <= origin).Distinct()).GroupBy(y => y)
            .Where(g => g.Count() > 1).Select(g => g.Key).Order()];

    /// <summary>The latest <see cref="Window"/> pooled years.</summary>
    internal static List<int> LastWindow(IReadOnlyList<int> pooledYears) =>
        [.. pooledYears.Where(y => y > pooledYears[^1] - Window)];

    /// <summary>
    /// The years an LA's deviation is measured in: the window's years it has, then its own years after the window
    /// (measured against the window's mean pooled rate), the latest <see cref="Window"/> of them. For every LA of
    /// the published tables alone these are the window's years.
    /// </summary>
    internal static IEnumerable<int> DeviationYears(IReadOnlyList<int> window, IEnumerable<int> ownYears, int origin)
    {
        var own = ownYears.Where(y => y <= origin).ToHashSet();
        var last = window.Count == 0 ? int.MaxValue : window[^1];
        var years = window.Where(own.Contains).Concat(own.Where(y => y > last).Order()).ToList();
        return years.Skip(Math.Max(0, years.Count - Window));
    }
}

/// <summary>Net entry rates by age band, pooled and per LA.</summary>
internal sealed class AgeRates
{
    private readonly EhcpTables _tables;
    private readonly double[] _pooled;
    private readonly Dictionary<string, double[]> _deviation = [];
    private readonly int _origin;

    private AgeRates(EhcpTables tables, int origin, double[] pooled)
    {
        _tables = tables;
        _origin = origin;
        _pooled = pooled;
    }

    /// <summary>The pooled growth of LA totals over the same years as the band rates.</summary>
    public double PooledTotalGrowth { get; private set; }

    public static double[] Carried(double[] bands)
    {
        var carried = new double[bands.Length];
        for (var b = 0; b < bands.Length; b++)
        {
            var width = CohortModel.BandWidths[b];
            carried[b] = bands[b] * (1 - 1.0 / width) + (b > 0 ? bands[b - 1] / CohortModel.BandWidths[b - 1] : 0);
        }
        return carried;
    }

    public static AgeRates Estimate(EhcpTables tables, int origin)
    {
        var bands = EhcpTables.Bands.Count;
        var las = tables.AgeBands.Where(a => a.Key != "").ToList();
        var years = CohortModel.PooledYears(las.Select(a => a.Value.Keys), origin);
        var last = years.Count == 0 ? int.MinValue : years[^1];
        var window = years.Where(y => y > last - CohortModel.Window && years.Contains(y - 1)).ToList();
        var pooledByYear = new Dictionary<int, double[]>();
        foreach (var y in window)
        {
            var now = new double[bands];
            var carried = new double[bands];
            foreach (var (_, byYear) in las)
            {
                if (!byYear.TryGetValue(y - 1, out var before) || !byYear.TryGetValue(y, out var after)) continue;
                var c = Carried(before);
                for (var b = 0; b < bands; b++) { now[b] += after[b]; carried[b] += c[b]; }
            }
            pooledByYear[y] = [.. Enumerable.Range(0, bands).Select(b => carried[b] > 0 && now[b] > 0
                ? Math.Log(now[b] / carried[b]) : 0)];
        }
        var pooled = Enumerable.Range(0, bands).Select(b => CohortModel.Mean(pooledByYear.Values
            .Select(p => p[b]))).ToArray();
        var rates = new AgeRates(tables, origin, pooled);
        rates.PooledTotalGrowth = CohortModel.Mean(window.Select(y => SeriesGrowth.PooledIn(tables, y)));

        var deviations = new Dictionary<string, List<double>[]>();
        foreach (var (code, byYear) in las)
        {
            var lists = Enumerable.Range(0, bands).Select(_ => new List<double>()).ToArray();
            var own = byYear.Keys.Where(y => byYear.ContainsKey(y - 1));
            foreach (var y in CohortModel.DeviationYears(window, own, origin))
            {
                if (!byYear.TryGetValue(y - 1, out var before) || !byYear.TryGetValue(y, out var after)) continue;
                var c = Carried(before);
                var pool = pooledByYear.GetValueOrDefault(y, pooled);
                for (var b = 0; b < bands; b++)
                    if (c[b] > 0 && after[b] > 0) lists[b].Add(Math.Log(after[b] / c[b]) - pool[b]);
            }
            deviations[code] = lists;
        }
        for (var b = 0; b < bands; b++)
        {
            var band = b;
            var weight = Shrinkage.Weights(deviations.Values.Select(l => (IReadOnlyList<double>)l[band]));
            foreach (var (code, lists) in deviations)
            {
                if (!rates._deviation.TryGetValue(code, out var d)) rates._deviation[code] = d = new double[bands];
                d[b] = lists[b].Count == 0 ? 0 : weight(lists[b].Count) * lists[b].Average();
            }
        }
        return rates;
    }

    /// <summary>Projected total ÷ origin total for 1…h years ahead, or null without age bands near the
    /// origin.</summary>
    public double[]? Ratios(string code, int origin, int horizon, double pace)
    {
        if (!_tables.AgeBands.TryGetValue(code, out var byYear)) return null;
        var start = byYear.Keys.Where(y => y <= origin
            && y >= origin - CohortModel.Window).DefaultIfEmpty(int.MinValue).Max();
        if (start == int.MinValue || start > _origin) return null;
        var state = (double[])byYear[start].Clone();
        _deviation.TryGetValue(code, out var deviation);
        double atOrigin = 0;
        var ratios = new double[horizon];
        for (var year = start; year < origin + horizon; year++)
        {
            if (year == origin) atOrigin = state.Sum();
            var carried = Carried(state);
            for (var b = 0; b < state.Length; b++)
                state[b] = carried[b] * Math.Exp(_pooled[b] + (deviation?[b] ?? 0) + pace);
            if (year + 1 > origin) ratios[year - origin] = state.Sum();
        }
        if (start == origin) atOrigin = byYear[start].Sum();
        return atOrigin <= 0 ? null : [.. ratios.Select(r => r / atOrigin)];
    }
}

/// <summary>
/// A series' growth (the total, for an LA the age table does not cover; new plans, in the flows): the pooled log
/// growth of all LAs over the window plus each LA's shrunk mean deviation from it.
/// </summary>
internal sealed class SeriesGrowth(double pooled, Dictionary<string, double> deviation)
{
    public double Pooled => pooled;

    /// <summary>The LA's yearly log growth: the pooled growth plus its shrunk deviation (0 for an LA unseen).</summary>
    public double Of(string code) => pooled + deviation.GetValueOrDefault(code);

    /// <summary>ln(Σ plans in <paramref name="year"/> / Σ plans the year before) over LAs with both, 0 when
    /// none.</summary>
    public static double PooledIn(EhcpTables tables, int year)
    {
        double before = 0, now = 0;
        foreach (var (code, t) in tables.Totals)
            if (code != "" && t.TryGetValue(year - 1, out var b)
                && t.TryGetValue(year, out var n)) { before += b; now += n; }
        return before > 0 && now > 0 ? Math.Log(now / before) : 0;
    }

    public static SeriesGrowth Estimate(Dictionary<string, Dictionary<int, double>> series, int origin)
    {
        var las = series.Where(t => t.Key != "").ToList();
        var years = CohortModel.PooledYears(las.Select(t => t.Value.Keys), origin);
        var last = years.Count == 0 ? 0 : years[^1];
        var window = years.Where(y => y > last - CohortModel.Window).ToList();
        var pooledByYear = new Dictionary<int, double>();
        foreach (var y in window)
        {
            double before = 0, now = 0;
            foreach (var (_, t) in las)
                if (t.TryGetValue(y - 1, out var b) && t.TryGetValue(y, out var n)) { before += b; now += n; }
            if (before > 0 && now > 0) pooledByYear[y] = Math.Log(now / before);
        }
        var mean = CohortModel.Mean(pooledByYear.Values);
        var pooledYears = pooledByYear.Keys.Order().ToList();
        var lists = las.ToDictionary(t => t.Key, t => (IReadOnlyList<double>)CohortModel
            .DeviationYears(pooledYears, t.Value.Keys.Where(y => t.Value.ContainsKey(y - 1)), origin)
            .Where(y => t.Value.TryGetValue(y - 1, out var b) && b > 0 && t.Value.TryGetValue(y, out var n) && n > 0)
            .Select(y => Math.Log(t.Value[y] / t.Value[y - 1]) - pooledByYear.GetValueOrDefault(y, mean)).ToList());
        var weight = Shrinkage.Weights(lists.Values);
        return new SeriesGrowth(mean,
            lists.ToDictionary(l => l.Key, l => l.Value.Count == 0 ? 0 : weight(l.Value.Count) * l.Value.Average()));
    }

    public double[] Ratios(string code, int origin, int horizon)
    {
        var g = Of(code);
        return [.. Enumerable.Range(1, horizon).Select(h => Math.Exp(h * g))];
    }
}
