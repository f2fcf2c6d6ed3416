namespace SendPipeline.Core.Forecasting;

/// <summary>
/// A least-squares straight line through every year of the history, extended (what Excel's TREND
/// does in LA capacity tools). It adds the same number of plans each year, so it lags an area whose
/// caseload grows by a steady percentage.
/// </summary>
public sealed class LinearTrend : IForecastMethod
{
    public string Name => "linear-trend";

    public string Description => "Least-squares line through all years of the history, extended; never below 0.";

    public double[]? Forecast(double[] run, int lastYear, int horizon, PooledGrowth pool)
    {
        var n = run.Length;
        if (n < 2) return null;
        var meanX = (n - 1) / 2.0;
        var meanY = run.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - meanX) * (run[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        var slope = sxy / sxx;
        var path = new double[horizon];
        for (var h = 1; h <= horizon; h++) path[h - 1] = Math.Max(0, meanY + slope * (n - 1 + h - meanX));
        return path;
    }
}
