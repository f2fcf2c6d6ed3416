using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Forecasting;

public sealed class ShrunkGrowthTests
{
    [Fact]
    public void WithOneYearOfGrowth_EveryLaGrowsAtThePooledRate()
    {
        // Pooled: (120 + 100) / (100 + 100) = 1.1. One growth year gives nothing to regress, so w = 0.
        IReadOnlyList<CaseloadSeries> las = [Series.La("001", 2020, 100, 120), Series.La("002", 2020, 100, 100)];
        var pool = PooledGrowth.Estimate(las, 2021);

        Assert.Equal(0, pool.Weight);
        Assert.Equal(Math.Log(1.1), pool.MeanLogGrowth, 12);
        Assert.Equal(132, ForecastMethods.Default.Forecast([100, 120], 2021, 1, pool)![0], 9);
        Assert.Equal(121, ForecastMethods.Default.Forecast([100, 100], 2021, 2, pool)![1], 9);
    }

    [Fact]
    public void TheLasOwnDeviation_CountsByTheEstimatedWeight()
    {
        // A grows 10% then 5%; B 0% then 2%. Pooled: 210/200 = 1.05, then 217.5/210.
        IReadOnlyList<CaseloadSeries> las = [Series.La("001", 2019, 100, 110, 115.5), Series.La("002", 2019, 100, 100, 102)];
        var pool = PooledGrowth.Estimate(las, 2021);

        double g1 = Math.Log(1.05), g2 = Math.Log(217.5 / 210);
        double a1 = Math.Log(1.10) - g1, a2 = Math.Log(1.05) - g2, b1 = Math.Log(1.00) - g1, b2 = Math.Log(1.02) - g2;
        // Each second-year deviation regressed (through 0) on the LA's first: about 0.304.
        var w = (a1 * a2 + b1 * b2) / (a1 * a1 + b1 * b1);
        Assert.Equal(w, pool.Weight, 12);
        Assert.InRange(pool.Weight, 0.30, 0.31);

        var growth = (g1 + g2) / 2 + w * (a1 + a2) / 2;
        var path = ForecastMethods.Default.Forecast([100, 110, 115.5], 2021, 2, pool)!;
        Assert.Equal(115.5 * Math.Exp(growth), path[0], 9);
        Assert.Equal(115.5 * Math.Exp(2 * growth), path[1], 9);
    }

    [Fact]
    public void AnLaWithOneYear_GrowsAtThePooledRate()
    {
        IReadOnlyList<CaseloadSeries> las = [Series.La("001", 2020, 100, 120), Series.La("002", 2020, 100, 100)];
        var pool = PooledGrowth.Estimate(las, 2021);

        Assert.Equal(55, ForecastMethods.Default.Forecast([50], 2021, 1, pool)![0], 9);
    }

    [Fact]
    public void ThePool_ChainsAcrossACodeChange()
    {
        // 003 ends and 004 begins in 2021: neither counts as growth or loss in the chain.
        IReadOnlyList<CaseloadSeries> las =
            [Series.La("001", 2019, 100, 110, 121), Series.La("003", 2019, 500, 550), Series.La("004", 2021, 2000)];
        var pool = PooledGrowth.Estimate(las, 2021);

        Assert.Equal(Math.Log(1.1), pool.LogGrowthByYear[2020], 12);
        Assert.Equal(Math.Log(1.1), pool.LogGrowthByYear[2021], 12);
    }
}
