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
        // Growth ln 0.1 a year to 2021, then 0.2 in 2022: a forecast from 2021 (mean of three years, 0.1) is 0.1 short
        // one year ahead, the only one-year error, so σ₁ = 1.4826 · 0.1.
        var national = new Dictionary<int, double> { [2018] = 1000 };
        for (var y = 2019; y <= 2021; y++) national[y] = national[y - 1] * Math.Exp(0.1);
        national[2022] = national[2021] * Math.Exp(0.2);

        var intervals = CohortIntervals.Calibrate(Errors, national, 2022)!;

        var shared = CohortIntervals.Z80 * 1.4826 * 0.1;
        Assert.Equal(Math.Sqrt(0.024 * 0.024 + shared * shared), intervals.LogBounds(1).High, 9);
        Assert.Equal(-Math.Sqrt(0.024 * 0.024 + shared * shared), intervals.LogBounds(1).Low, 9);
    }

    [Fact]
    public void Calibrate_LeavesOutEnglandsSurprise_InATransitionYear()
    {
        // The same surprise eight years earlier, in the growth into January 2015 (key 2014): the reform's, not the
        // regime's, so England adds nothing and the LAs' own spread is the interval.
        var national = new Dictionary<int, double> { [2010] = 1000 };
        for (var y = 2011; y <= 2013; y++) national[y] = national[y - 1] * Math.Exp(0.1);
        national[2014] = national[2013] * Math.Exp(0.2);

        var intervals = CohortIntervals.Calibrate(Errors, national, 2020)!;

        Assert.Equal(0, intervals.CommonSdAt(1), 9);
        Assert.Equal(0.024, intervals.LogBounds(1).High, 9);
    }

    [Fact]
    public void Calibrate_LeavesOutLaErrorsWhoseForecastCrossesTheTransition()
    {
        // Errors from 2015 one year ahead and 2012 two years ahead both grow through the transition: nothing is left.
        (int, int, double)[] reform = [(2015, 1, 0.10), (2015, 1, -0.10), (2012, 2, 0.3), (2012, 2, -0.2)];
        var national = Enumerable.Range(2009, 12).ToDictionary(y => y, y => 1000 * Math.Exp(0.1 * (y - 2009)));

        Assert.Null(CohortIntervals.Calibrate(reform, national, 2020));
        // With the regime's errors beside them, only those set the width.
        var intervals = CohortIntervals.Calibrate([.. reform, .. Errors], national, 2020)!;
        Assert.Equal(0.024, intervals.LogBounds(1).High, 9);
    }

    [Theory]
    [InlineData(2012, 1, false)]
    [InlineData(2013, 1, true)]
    [InlineData(2012, 2, true)]
    [InlineData(2016, 1, true)]
    [InlineData(2017, 1, false)]
    [InlineData(2015, 3, true)]
    [InlineData(2010, 3, false)]
    public void CrossesTransition_WhenAYearOfGrowthEndsInJanuary2015To2018(int origin, int horizon, bool crosses) =>
        Assert.Equal(crosses, CohortIntervals.CrossesTransition(origin, horizon));

    [Fact]
    public void Calibrate_IgnoresErrorsWhoseOutcomeIsAfterTheCalibrationYear() =>
        Assert.Null(CohortIntervals.Calibrate(Errors, new Dictionary<int, double>(), 2018));
}
