namespace SendPipeline.Core.Forecasting;

/// <summary>
/// 80% prediction intervals from backtest errors, not from a model's own assumptions: the 10th and
/// 90th percentiles of log(actual / forecast) at each horizon, applied to a new forecast. Working in
/// logs makes the interval proportional to the caseload (an LA of 1,000 plans and one of 10,000 are
/// wrong by similar percentages) and keeps the lower bound above zero. A horizon with no errors of
/// its own (five years allow only one origin three years ahead) takes the furthest horizon that has
/// them, widened by (h / H)^a. The exponent is read from the errors themselves, from how the
/// interval's width grew between the nearest and furthest horizons that have errors, and held
/// between 0.5 (errors that are independent year to year add like a random walk) and 1 (an error in
/// the growth rate that persists compounds linearly in logs); with a single horizon, 1, the wider.
/// </summary>
public sealed class PredictionIntervals
{
    public const double LowerQuantile = 0.10, UpperQuantile = 0.90;

    private readonly SortedDictionary<int, (double Low, double High)> _byHorizon;

    private PredictionIntervals(SortedDictionary<int, (double, double)> byHorizon) => _byHorizon = byHorizon;

    public IReadOnlyDictionary<int, (double Low, double High)> LogQuantiles => _byHorizon;

    public static PredictionIntervals FromLogErrors(IEnumerable<(int Horizon, double LogError)> errors)
    {
        var byHorizon = new SortedDictionary<int, (double, double)>();
        foreach (var group in errors.GroupBy(e => e.Horizon))
        {
            var sorted = group.Select(e => e.LogError).Order().ToArray();
            byHorizon[group.Key] = (Quantile(sorted, LowerQuantile), Quantile(sorted, UpperQuantile));
        }
        if (byHorizon.Count == 0)
            throw new InvalidDataException("No backtest errors to set the prediction intervals from: the history needs at least three years up to the training year.");
        return new PredictionIntervals(byHorizon);
    }

    /// <summary>
    /// The interval around <paramref name="point"/>. It always contains the point: a quantile on the
    /// wrong side of zero (every past forecast too low, say) widens that side to the point rather
    /// than produce an interval that excludes the forecast it belongs to.
    /// </summary>
    public (double Lower, double Upper) Bounds(double point, int horizon)
    {
        var (low, high) = LogQuantilesAt(horizon);
        return (point * Math.Exp(Math.Min(low, 0)), point * Math.Exp(Math.Max(high, 0)));
    }

    public (double Low, double High) LogQuantilesAt(int horizon)
    {
        if (_byHorizon.TryGetValue(horizon, out var q)) return q;
        var from = _byHorizon.Keys.Where(h => h < horizon).DefaultIfEmpty(_byHorizon.Keys.First()).Max();
        var (low, high) = _byHorizon[from];
        var scale = Math.Pow((double)horizon / from, horizon > from ? GrowthExponent() : 1);
        return (low * scale, high * scale);
    }

    /// <summary>How the interval's width grows with the horizon, as a power: (width at H / width at 1) = H^a.</summary>
    public double GrowthExponent()
    {
        int first = _byHorizon.Keys.First(), last = _byHorizon.Keys.Last();
        double Width(int h) => _byHorizon[h].High - _byHorizon[h].Low;
        if (first == last || Width(first) <= 0 || Width(last) <= 0) return 1;
        return Math.Clamp(Math.Log(Width(last) / Width(first)) / Math.Log((double)last / first), 0.5, 1);
    }

    /// <summary>Linear interpolation between order statistics (R's type 7, Excel's PERCENTILE.INC).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
