using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>
/// New plans from requests and their conversion: N(t + h) = R(t + h) · c, with requests R growing from the origin's
/// at their pooled log growth plus the LA's shrunk deviation (as new plans do in <see cref="PlacementFlows"/>), and
/// c the share of a year's requests that became plans that year (new plans ÷ requests in the same calendar year,
/// since a plan follows its request by 20 weeks or more and the tables have no cohort of requests to follow):
/// the pooled share over the window, moved by the LA's shrunk log deviation from it. Needs the LA's requests at
/// the origin and at least one year of pooled growth of requests (requests.csv starts in 2019: origins 2020/21 on).
/// </summary>
internal sealed class RequestConversion
{
    private readonly EhcpTables _tables;
    private readonly int _origin;
    private readonly double _growth;
    private readonly Dictionary<string, double> _growthDeviation;
    private readonly Dictionary<string, double> _conversion;

    private RequestConversion(EhcpTables tables, int origin, double growth, Dictionary<string, double> deviation,
        Dictionary<string, double> conversion)
    {
        (_tables, _origin, _growth, _growthDeviation, _conversion) = (tables, origin, growth, deviation, conversion);
    }

    /// <summary>The rates at <paramref name="origin"/>, or null when the tables cannot give them.</summary>
    public static RequestConversion? Estimate(EhcpTables tables, int origin)
    {
        var las = tables.Requests.Where(r => r.Key != "").ToList();
        var growthYears = CohortModel.PooledYears(las.Select(r => r.Value.Keys.Where(y => r.Value.ContainsKey(y - 1))),
            origin);
        var converted = las.ToDictionary(r => r.Key, r => r.Value.Keys.Where(y => r.Value[y] > 0
            && tables.NewPlans.GetValueOrDefault(r.Key)?.GetValueOrDefault(y) > 0).ToList());
        var conversionYears = CohortModel.PooledYears(converted.Values, origin);
        if (growthYears.Count == 0 || conversionYears.Count == 0) return null;

        var growthByYear = new Dictionary<int, double>();
        foreach (var y in CohortModel.LastWindow(growthYears))
        {
            double before = 0, now = 0;
            foreach (var (_, r) in las)
                if (r.TryGetValue(y - 1, out var b) && r.TryGetValue(y, out var a) && b > 0 && a > 0)
                { before += b; now += a; }
            if (before > 0) growthByYear[y] = Math.Log(now / before);
        }
        var growth = CohortModel.Mean(growthByYear.Values);
        var window = growthByYear.Keys.Order().ToList();
        var growthLists = las.ToDictionary(r => r.Key, r => (IReadOnlyList<double>)CohortModel
            .DeviationYears(window, r.Value.Keys.Where(y => r.Value.ContainsKey(y - 1)), origin)
            .Where(y => r.Value[y - 1] > 0 && r.Value[y] > 0)
            .Select(y => Math.Log(r.Value[y] / r.Value[y - 1]) - growthByYear.GetValueOrDefault(y, growth)).ToList());
        var growthWeight = Shrinkage.Weights(growthLists.Values);

        var shareByYear = new Dictionary<int, double>();
        foreach (var y in CohortModel.LastWindow(conversionYears))
        {
            double requests = 0, plans = 0;
            foreach (var (code, years) in converted)
                if (years.Contains(y)) { requests += tables.Requests[code][y]; plans += tables.NewPlans[code][y]; }
            shareByYear[y] = Math.Log(plans / requests);
        }
        var share = CohortModel.Mean(shareByYear.Values);
        var shareYears = shareByYear.Keys.Order().ToList();
        var shareLists = converted.ToDictionary(c => c.Key, c => (IReadOnlyList<double>)CohortModel
            .DeviationYears(shareYears, c.Value, origin)
            .Select(y => Math.Log(tables.NewPlans[c.Key][y] / tables.Requests[c.Key][y])
                - shareByYear.GetValueOrDefault(y, share)).ToList());
        var shareWeight = Shrinkage.Weights(shareLists.Values);

        return new RequestConversion(tables, origin, growth,
            growthLists.ToDictionary(l => l.Key, l => l.Value.Count == 0 ? 0 : growthWeight(l.Value.Count)
                * l.Value.Average()),
            shareLists.ToDictionary(l => l.Key, l => Math.Exp(share + (l.Value.Count == 0 ? 0
                : shareWeight(l.Value.Count) * l.Value.Average()))));
    }

    /// <summary>The LA's share of requests that become plans (shrunk), or null without requests of its own.</summary>
    public double? Conversion(string code) => _conversion.TryGetValue(code, out var c) ? c : null;

    /// <summary>New plans <paramref name="h"/> years after the origin, or null without the LA's requests at the
    /// origin.</summary>
    public double? NewPlans(string code, int h) =>
        _tables.Requests.GetValueOrDefault(code)?.GetValueOrDefault(_origin) is { } requests && requests > 0
            && Conversion(code) is { } conversion
            ? requests * Math.Exp(h * (_growth + _growthDeviation.GetValueOrDefault(code))) * conversion
            : null;
}
