using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>
/// The placement groups' flows: k, the share of a group's plans still counted in it a year later net of ceasing
/// and moves (k = (G(t) − new plans in the group during t) / G(t−1)), new plans' growth and their mix by group.
/// </summary>
internal sealed class PlacementFlows
{
    private readonly EhcpTables _tables;
    private readonly int _origin;
    private readonly Dictionary<string, double> _pooledKeep = [];
    private readonly Dictionary<(string Code, string Group), double> _keepDeviation = [];
    private readonly Dictionary<string, double> _pooledMix = [];
    private readonly SeriesGrowth _newPlans;
    private readonly Dictionary<string, double> _groupGrowth = [];
    private readonly Dictionary<(string Code, string Group), double> _groupDeviation = [];
    private RequestConversion? _requests;

    private PlacementFlows(EhcpTables tables, int origin, SeriesGrowth newPlans)
    {
        _tables = tables;
        _origin = origin;
        _newPlans = newPlans;
    }

    private static IEnumerable<string> Names => PlacementGroups.All.Select(g => g.Breakdown);

    /// <param name="fromRequests">New plans from requests and their conversion (<see cref="RequestConversion"/>)
    /// where the LA has requests at the origin; else, and by default, new plans grow at their own rate.</param>
    public static PlacementFlows Estimate(EhcpTables tables, int origin, bool fromRequests = false)
    {
        // New plans: pooled log growth over the window, and each LA's shrunk deviation.
        var flows = new PlacementFlows(tables, origin, SeriesGrowth.Estimate(tables.NewPlans, origin));
        if (fromRequests) flows._requests = RequestConversion.Estimate(tables, origin);
        var las = tables.Placements.Where(p => p.Key != "").ToList();
        var transitions = las.ToDictionary(l => l.Key, l => l.Value.Keys
            .Where(y => Transition(tables, l.Key, l.Value, y, PlacementGroups.Other.Breakdown) is not null).ToList());
        var flowYears = CohortModel.PooledYears(transitions.Values, origin);
        var window = flowYears.Where(y => flowYears.Count > 0 && y > flowYears[^1] - CohortModel.Window).ToList();

        foreach (var group in Names)
        {
            var pooledByYear = new Dictionary<int, double>();
            foreach (var y in window)
            {
                double before = 0, kept = 0;
                foreach (var (code, byYear) in las)
                    if (Transition(tables, code, byYear, y, group) is { } t) { before += t.Before; kept += t.Kept; }
                if (before > 0) pooledByYear[y] = kept / before;
            }
            var keep = flows._pooledKeep[group] = CohortModel.Mean(pooledByYear.Values);
            var keptYears = pooledByYear.Keys.Order().ToList();
            var lists = las.ToDictionary(l => l.Key, l => (IReadOnlyList<double>)CohortModel
                .DeviationYears(keptYears, transitions[l.Key], origin)
                .Select(y => Transition(tables, l.Key, l.Value, y, group) is { Before: >= 1 } t
                    ? t.Kept / t.Before - pooledByYear.GetValueOrDefault(y, keep) : double.NaN)
                .Where(d => !double.IsNaN(d)).ToList());
            var weight = Shrinkage.Weights(lists.Values);
            foreach (var (code, list) in lists)
                flows._keepDeviation[(code, group)] = list.Count == 0 ? 0 : weight(list.Count) * list.Average();

            double mixed = 0, all = 0;
            foreach (var (code, byYear) in tables.NewPlansByGroup.Where(n => n.Key != ""))
                foreach (var y in window)
                    if (byYear.TryGetValue(y, out var split)) { mixed += split[group]; all += split.Values.Sum(); }
            flows._pooledMix[group] = all > 0 ? mixed / all : 0;
        }

        // Each group's own growth: pooled log growth over the window plus the LA's shrunk deviation.
        foreach (var group in Names)
        {
            var years = CohortModel.PooledYears(las.Select(p => p.Value.Keys), origin);
            var recent = years.Where(y => y > years[^1] - CohortModel.Window && years.Contains(y - 1)).ToList();
            var byYear = new Dictionary<int, double>();
            foreach (var y in recent)
            {
                double before = 0, now = 0;
                foreach (var (_, p) in las)
                    if (p.TryGetValue(y - 1, out var b)
                        && p.TryGetValue(y, out var a)) { before += b[group]; now += a[group]; }
                if (before > 0 && now > 0) byYear[y] = Math.Log(now / before);
            }
            var growth = flows._groupGrowth[group] = CohortModel.Mean(byYear.Values);
            var grownYears = byYear.Keys.Order().ToList();
            var lists = las.ToDictionary(l => l.Key, l => (IReadOnlyList<double>)CohortModel
                .DeviationYears(grownYears, l.Value.Keys.Where(y => l.Value.ContainsKey(y - 1)), origin)
                .Where(y => l.Value[y - 1][group] > 0 && l.Value[y][group] > 0)
                .Select(y => Math.Log(l.Value[y][group] / l.Value[y - 1][group])
                    - byYear.GetValueOrDefault(y, growth)).ToList());
            var weight = Shrinkage.Weights(lists.Values);
            foreach (var (code, list) in lists)
                flows._groupDeviation[(code, group)] = list.Count == 0 ? 0 : weight(list.Count) * list.Average();
        }
        return flows;
    }

    private static (double Before, double Kept)? Transition(EhcpTables tables, string code,
        Dictionary<int, IReadOnlyDictionary<string, double>> byYear, int year, string group)
    {
        if (!byYear.TryGetValue(year - 1, out var before) || !byYear.TryGetValue(year, out var after)) return null;
        if (!tables.NewPlansByGroup.TryGetValue(code, out var news)
            || !news.TryGetValue(year, out var fresh)) return null;
        return (before[group], after[group] - fresh[group]);
    }

    /// <summary>The groups' own total (unscaled) ÷ the origin's, 1…h years ahead; null without flows at the
    /// origin.</summary>
    public double[]? TotalRatios(string code, int origin, int horizon)
    {
        if (!_tables.Placements.TryGetValue(code, out var byYear)
            || !byYear.TryGetValue(origin, out var start)) return null;
        if (!_pooledKeep.Values.Any(k => k > 0) || NewPlansAtOrigin(code) is null) return null;
        var paths = Project(code, origin, new double[horizon], scale: false);
        var atOrigin = start.Values.Sum();
        return atOrigin <= 0 ? null
            : [.. Enumerable.Range(0, horizon).Select(h => paths.Values.Sum(p => p[h]) / atOrigin)];
    }

    /// <summary>Each group's path, scaled each year so the groups add up to <paramref name="totals"/>.</summary>
    public IReadOnlyDictionary<string, double[]> Project(string code, int origin, double[] totals, bool scale = true)
    {
        var result = Names.ToDictionary(g => g, _ => new double[totals.Length]);
        if (!_tables.Placements.TryGetValue(code, out var byYear)
            || !byYear.TryGetValue(origin, out var start)) return result;
        var state = Names.ToDictionary(g => g, g => start[g]);
        var mix = Mix(code);
        var canFlow = _pooledKeep.Values.Any(k => k > 0) && NewPlansAtOrigin(code) is not null;
        var newPlans = NewPlansAtOrigin(code) ?? 0;
        var growth = _newPlans.Of(code);
        for (var h = 0; h < totals.Length; h++)
        {
            if (canFlow)
            {
                newPlans = _requests?.NewPlans(code, h + 1) ?? newPlans * Math.Exp(growth);
                foreach (var g in Names)
                    state[g] = Math.Max(0, (_pooledKeep[g] + _keepDeviation.GetValueOrDefault((code, g))) * state[g]
                        + mix[g] * newPlans);
            }
            if (scale)
            {
                // The groups' own growth is the other view: the share each group takes is the geometric mean of
                // its flow path and its growth path (the flow state itself carries on unmixed).
                var mixed = Names.ToDictionary(g => g, g =>
                {
                    var own = start[g] * Math.Exp((h + 1) * (_groupGrowth[g]
                        + _groupDeviation.GetValueOrDefault((code, g))));
                    return canFlow ? Math.Sqrt(Math.Max(state[g], 0) * own) : own;
                });
                var total = mixed.Values.Sum();
                foreach (var g in Names) result[g][h] = total > 0 ? totals[h] * mixed[g] / total : 0;
                continue;
            }
            foreach (var g in Names) result[g][h] = state[g];
        }
        return result;
    }

    private double? NewPlansAtOrigin(string code) =>
        _tables.NewPlans.TryGetValue(code, out var n) && n.TryGetValue(_origin, out var v) && v > 0 ? v : null;

    /// <summary>The LA's mix of new plans over the window's years, the pooled mix when it has none.</summary>
    private Dictionary<string, double> Mix(string code)
    {
        if (!_tables.NewPlansByGroup.TryGetValue(code, out var byYear)) return new(_pooledMix);
        var years = byYear.Where(y => y.Key <= _origin
            && y.Key > _origin - CohortModel.Window).Select(y => y.Value).ToList();
        var all = years.Sum(y => y.Values.Sum());
        return all <= 0 ? new(_pooledMix) : Names.ToDictionary(g => g, g => years.Sum(y => y[g]) / all);
    }
}
