namespace SendPipeline.Core.Forecasting;

/// <summary>
/// A way of projecting one area's caseload. <paramref name="run"/> is the unbroken run of annual
/// caseloads ending at <paramref name="lastYear"/>; the result holds the point forecasts for 1 to
/// <paramref name="horizon"/> years ahead, or null when the run is too short for the method.
/// </summary>
public interface IForecastMethod
{
    string Name { get; }

    string Description { get; }

    double[]? Forecast(double[] run, int lastYear, int horizon, PooledGrowth pool);
}

/// <summary>The methods the CLI offers, the default first.</summary>
public static class ForecastMethods
{
    public static readonly IForecastMethod Default = new ShrunkGrowth();

    public static readonly IReadOnlyList<IForecastMethod> Classic =
        [GrowthRateMethod.AverageGrowth, GrowthRateMethod.LastGrowth, GrowthRateMethod.Weighted123, new LinearTrend()];

    public static readonly IReadOnlyList<IForecastMethod> All = [Default, .. Classic];

    public static IForecastMethod? Find(string name) =>
        All.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
