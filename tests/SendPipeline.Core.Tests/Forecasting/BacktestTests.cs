using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Forecasting;

public sealed class BacktestTests
{
    private static readonly Lazy<BacktestResult> Result = new(() => Backtest.Run(Series.Dfe.Value, ForecastMethods.All));

    [Fact]
    public void RollingOrigins_ThroughEachYearButTheFirstAndLast()
    {
        var result = Result.Value;

        Assert.Equal([2019, 2020, 2021], result.Origins);
        Assert.Equal(148, result.Evaluated.Count);
        Assert.Equal(8, result.Skipped.Count); // Dorset, Poole, Bournemouth, BCP, and the Northamptonshires
        Assert.Equal(3, result.Summaries.Where(s => s.Method == "shrunk-growth").Max(s => s.Horizon));
        Assert.Equal(148 * 3, result.Summaries.Single(s => s.Method == "linear-trend" && s.Horizon == 1).Outcomes);
    }

    [Fact]
    public void EachOrigin_UsesOnlyItsOwnYears()
    {
        // A forecast made through 2019/20 of 2020/21 is the same whatever happened later.
        var truncated = Series.Dfe.Value.Select(s => s.Truncate(2020)).ToList();
        var scored = Result.Value.Evaluated.ToHashSet();
        var early = Backtest.Run(truncated, ForecastMethods.All).Outcomes.Where(o => scored.Contains(o.Area)).ToList();
        var full = Result.Value.Outcomes.Where(o => o.Origin == 2019 && o.Horizon == 1).ToList();

        Assert.Equal(early.Select(o => (o.Method, o.Area, o.Forecast)), full.Select(o => (o.Method, o.Area, o.Forecast)));
    }

    [Fact]
    public void TheDefault_MeetsTheGoalOnTheFiveDfeYears()
    {
        foreach (var horizon in new[] { 1, 2, 3 })
        {
            var all = Result.Value.Summaries.Where(s => s.Horizon == horizon).ToList();
            var ours = all.Single(s => s.Method == ForecastMethods.Default.Name);
            var bestClassic = all.Where(s => s != ours).Min(s => s.MedianApe);

            Assert.True(ours.MedianApe <= 0.9 * bestClassic, $"horizon {horizon}: {ours.MedianApe:P2} against {bestClassic:P2}");
            Assert.InRange(ours.Coverage, 0.75, 0.85);
        }
    }
}
