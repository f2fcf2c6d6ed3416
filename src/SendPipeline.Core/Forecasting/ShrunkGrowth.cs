namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The default: each area grows at the pooled growth of all LAs plus only the part of its own past
/// deviation that has tended to persist. Five years give each LA at most four growth rates, too few
/// to tell a real difference from a noisy year; the pooled rate is estimated from 150 LAs, and the
/// weight on the LA's own deviation is estimated from how well past deviations predicted the next
/// year's (<see cref="PooledGrowth.Weight"/>). No constant is tuned.
/// <c>plans(T+h) = plans(T) · exp(h · (Ḡ + w · d̄))</c>, with Ḡ the mean pooled log growth, d̄ the
/// area's mean log deviation from it, w the estimated weight.
/// </summary>
public sealed class ShrunkGrowth : IForecastMethod
{
    public string Name => "shrunk-growth";

    public string Description =>
        "Pooled growth of all LAs plus the LA's own mean deviation from it, shrunk by a weight estimated from how past deviations persisted.";

    public double[]? Forecast(double[] run, int lastYear, int horizon, PooledGrowth pool)
    {
        if (run.Length < 1 || run[^1] <= 0) return null;
        var growth = pool.MeanLogGrowth + pool.Weight * pool.MeanDeviation(run, lastYear);
        var path = new double[horizon];
        for (var h = 1; h <= horizon; h++) path[h - 1] = run[^1] * Math.Exp(h * growth);
        return path;
    }
}
