using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Forecasting;

public sealed class PredictionIntervalTests
{
    private static readonly double[] Errors = [-0.2, -0.1, 0, 0.1, 0.2];

    [Fact]
    public void Bounds_AreThe10thAnd90thPercentilesOfLogErrors()
    {
        var intervals = PredictionIntervals.FromLogErrors(Errors.Select(e => (1, e)));

        var (lower, upper) = intervals.Bounds(1000, 1);

        Assert.Equal(1000 * Math.Exp(-0.16), lower, 9);
        Assert.Equal(1000 * Math.Exp(0.16), upper, 9);
    }

    [Fact]
    public void Bounds_AlwaysContainThePoint()
    {
        // Every past forecast too low: both percentiles above zero.
        var intervals = PredictionIntervals.FromLogErrors(new[] { 0.1, 0.2, 0.3 }.Select(e => (1, e)));

        var (lower, upper) = intervals.Bounds(500, 1);

        Assert.Equal(500, lower);
        Assert.True(upper > 500);
    }

    [Fact]
    public void AHorizonWithoutErrors_WithOneHorizonKnown_WidensLinearly()
    {
        var intervals = PredictionIntervals.FromLogErrors(Errors.Select(e => (1, e)));

        Assert.Equal((-0.48, 0.48), Round(intervals.LogQuantilesAt(3)));
    }

    [Fact]
    public void AHorizonWithoutErrors_WidensAtTheRateTheKnownHorizonsShow()
    {
        // Width 0.32 at one year, 0.32·√2 at two: a = 0.5, so three years is 0.16·√3 either side.
        var intervals = PredictionIntervals.FromLogErrors(Errors.Select(e => (1, e)).Concat(Errors.Select(e => (2, e * Math.Sqrt(2)))));

        Assert.Equal(0.5, intervals.GrowthExponent(), 9);
        Assert.Equal(0.16 * Math.Sqrt(3), intervals.LogQuantilesAt(3).High, 9);
    }

    [Fact]
    public void TheExponent_IsHeldBetweenARandomWalkAndLinear()
    {
        var faster = PredictionIntervals.FromLogErrors(Errors.Select(e => (1, e)).Concat(Errors.Select(e => (2, e * 3))));
        var slower = PredictionIntervals.FromLogErrors(Errors.Select(e => (1, e)).Concat(Errors.Select(e => (2, e))));

        Assert.Equal(1, faster.GrowthExponent());
        Assert.Equal(0.5, slower.GrowthExponent());
    }

    [Fact]
    public void NoErrors_IsAnError() =>
        Assert.Throws<InvalidDataException>(() => PredictionIntervals.FromLogErrors([]));

    private static (double, double) Round((double Low, double High) q) => (Math.Round(q.Low, 9), Math.Round(q.High, 9));
}
