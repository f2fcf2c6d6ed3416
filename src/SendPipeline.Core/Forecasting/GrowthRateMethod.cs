namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The growth-rate rules of LA capacity tools: pick one annual percentage growth from the history
/// and compound it. They differ only in how they weigh the past year-on-year rates.
/// </summary>
public sealed class GrowthRateMethod(string name, string description, Func<IReadOnlyList<double>, double> rate) : IForecastMethod
{
    public static readonly GrowthRateMethod AverageGrowth = new("average-growth",
        "Mean of all year-on-year growth rates in the history, compounded.", rates => rates.Average());

    public static readonly GrowthRateMethod LastGrowth = new("last-growth",
        "The latest year-on-year growth rate, compounded.", rates => rates[^1]);

    public static readonly GrowthRateMethod Weighted123 = new("weighted-123",
        "Last three growth rates weighted 1, 2, 3 (most recent heaviest), compounded; with fewer rates, the trailing weights (2, 3 or 3).",
        Weighted);

    public string Name => name;

    public string Description => description;

    public double[]? Forecast(double[] run, int lastYear, int horizon, PooledGrowth pool)
    {
        if (run.Length < 2 || run[..^1].Any(v => v <= 0)) return null;
        var rates = new double[run.Length - 1];
        for (var i = 1; i < run.Length; i++) rates[i - 1] = run[i] / run[i - 1] - 1;
        var g = rate(rates);
        var path = new double[horizon];
        for (var h = 1; h <= horizon; h++) path[h - 1] = run[^1] * Math.Pow(1 + g, h);
        return path;
    }

    private static double Weighted(IReadOnlyList<double> rates)
    {
        double sum = 0, weights = 0;
        var take = Math.Min(3, rates.Count);
        for (var k = 0; k < take; k++)
        {
            var weight = 3 - k; // k = 0 is the latest year
            sum += weight * rates[rates.Count - 1 - k];
            weights += weight;
        }
        return sum / weights;
    }
}
