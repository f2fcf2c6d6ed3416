using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Forecasting;

public sealed class ClassicMethodTests
{
    // Growth 10%, 10%, 20%: the three growth-rate rules give three different rates.
    private static readonly double[] Run = [100, 110, 121, 145.2];

    private static double[] Forecast(IForecastMethod method, double[] run, int horizon = 2) =>
        method.Forecast(run, 2021, horizon, Series.NoPool)!;

    [Fact]
    public void AverageGrowth_CompoundsTheMeanRate()
    {
        var path = Forecast(GrowthRateMethod.AverageGrowth, Run); // (0.1 + 0.1 + 0.2) / 3 = 0.1333…

        Assert.Equal(164.56, path[0], 6);
        Assert.Equal(164.56 * (1 + 0.4 / 3), path[1], 6);
    }

    [Fact]
    public void LastGrowth_CompoundsTheLatestRate()
    {
        var path = Forecast(GrowthRateMethod.LastGrowth, Run);

        Assert.Equal(174.24, path[0], 6);
        Assert.Equal(209.088, path[1], 6);
    }

    [Fact]
    public void Weighted123_WeighsTheLastThreeRates1To3()
    {
        var path = Forecast(GrowthRateMethod.Weighted123, Run); // (1·0.1 + 2·0.1 + 3·0.2) / 6 = 0.15

        Assert.Equal(166.98, path[0], 6);
        Assert.Equal(192.027, path[1], 6);
    }

    [Fact]
    public void Weighted123_WithTwoRates_UsesTheTrailingWeights2And3()
    {
        var path = Forecast(GrowthRateMethod.Weighted123, [100, 120, 132], 1); // (2·0.2 + 3·0.1) / 5 = 0.14

        Assert.Equal(150.48, path[0], 6);
    }

    [Fact]
    public void Weighted123_UsesOnlyTheLastThreeRates()
    {
        // A 100% jump four years back must not count.
        var path = Forecast(GrowthRateMethod.Weighted123, [50, 100, 110, 121, 145.2], 1);

        Assert.Equal(166.98, path[0], 6);
    }

    [Fact]
    public void LinearTrend_ExtendsTheLeastSquaresLine()
    {
        // x 0,1,2; y 10,12,17: slope 7/2, through (1, 13).
        var path = Forecast(new LinearTrend(), [10, 12, 17]);

        Assert.Equal(20, path[0], 9);
        Assert.Equal(23.5, path[1], 9);
    }

    [Fact]
    public void LinearTrend_NeverForecastsBelowZero()
    {
        var path = Forecast(new LinearTrend(), [10, 4]);

        Assert.Equal([0, 0], path);
    }

    [Fact]
    public void EveryClassicMethod_NeedsTwoYears()
    {
        foreach (var method in ForecastMethods.Classic)
            Assert.Null(method.Forecast([100], 2021, 1, Series.NoPool));
    }
}
