using SendPipeline.Core.Forecasting.Cohort;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

public sealed class CohortIntervalsTests
{
    private static readonly (int, int, double)[] Errors =
        [(2018, 1, -0.02), (2018, 1, 0.00), (2018, 1, 0.02), (2018, 1, 0.04)];

    [Fact]
    public void Bounds_AreTheLasOwnSpread_WhenEnglandNeverSurprised()
    {
        // Median 0.01, centred −0.03, −0.01, 0.01, 0.03: 10th and 90th percentiles (type 7) −0.024 and 0.024.
        var national = Enumerable.Range(2009, 12).ToDictionary(y => y, y => 1000 * Math.Exp(0.1 * (y - 2009)));

        var intervals = CohortIntervals.Calibrate(Errors, national, 2020)!;

        var (low, high) = intervals.LogBounds(1);
        Assert.Equal(-0.024, low, 9);
        Assert.Equal(0.024, high, 9);
        Assert.Equal(0, intervals.CommonSdAt(1), 9);
        // Two years ahead without errors of their own: the one-year spread, doubled (a persistent error).
        Assert.Equal(0.048, intervals.LogBounds(2).High, 9);
    }

    [Fact]
    public void Bounds_AddEnglandsSurprises_InQuadrature()
    {
        // Growth ln 0.1 a year to 2013, then 0.2 in 2014: a forecast from 2013 (mean of three years, 0.1) is 0.1 short
        // one year ahead, the only one-year error, so σ₁ = 1.4826 · 0.1.
        var national = new Dictionary<int, double> { [2010] = 1000 };
        for (var y = 2011; y <= 2013; y++) national[y] = national[y - 1] * Math.Exp(0.1);
        national[2014] = national[2013] * Math.Exp(0.2);

        var intervals = CohortIntervals.Calibrate(Errors, national, 2020)!;

        var shared = CohortIntervals.Z80 * 1.4826 * 0.1;
        Assert.Equal(Math.Sqrt(0.024 * 0.024 + shared * shared), intervals.LogBounds(1).High, 9);
        Assert.Equal(-Math.Sqrt(0.024 * 0.024 + shared * shared), intervals.LogBounds(1).Low, 9);
    }

    [Fact]
    public void Calibrate_IgnoresErrorsWhoseOutcomeIsAfterTheCalibrationYear() =>
        Assert.Null(CohortIntervals.Calibrate(Errors, new Dictionary<int, double>(), 2018));
}
