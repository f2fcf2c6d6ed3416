using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

public sealed class CohortBacktestTests
{
    private static readonly Lazy<CohortBacktestResult> Result = new(() => CohortBacktest.Run(Tables.Dfe.Value));

    [Fact]
    public void Run_RollsOriginsFrom2010_AndScoresEveryMethodOnTheSameCases()
    {
        var result = Result.Value;

        Assert.Equal(Enumerable.Range(2010, 12), result.Origins);
        foreach (var group in result.Summaries.GroupBy(s => (s.Breakdown, s.Horizon)))
        {
            Assert.Equal(6, group.Count());
            Assert.Single(group.Select(s => s.Outcomes).Distinct());
        }
        var breakdowns = result.Summaries.Select(s => s.Breakdown).Distinct().ToList();
        Assert.Contains(PlacementGroups.AllPlans, breakdowns);
        Assert.All(PlacementGroups.All, g => Assert.Contains(g.Breakdown, breakdowns));
        Assert.Contains("mainstream_total", breakdowns);
        Assert.Contains("special_total", breakdowns);
        Assert.Contains("special_independent", breakdowns);
        Assert.All(result.Outcomes, o => Assert.True(o.Origin + o.Horizon <= 2022));
    }

    [Fact]
    public void Run_JudgesEachIntervalOnlyByEarlierOutcomes()
    {
        var result = Result.Value;

        // The first origin has no earlier errors, so no interval to judge.
        Assert.All(result.Outcomes.Where(o => o.Origin == 2010), o => Assert.Null(o.Inside));
        Assert.Contains(result.Outcomes, o => o.Origin == 2011 && o.Horizon == 1 && o.Inside is not null);
    }

    /// <summary>
    /// Strictly out of sample: every caseload, placement, new-plan and age figure after 2020/21 is raised by half, and
    /// every forecast and interval made at an origin up to 2020/21 stays exactly as it was (only whether the later
    /// outcome falls inside may change).
    /// </summary>
    [Fact]
    public void Run_ForecastsAndIntervalsAtAnOrigin_DoNotMove_WhenLaterYearsAreAltered()
    {
        const int through = 2020;
        var altered = CohortBacktest.Truncate(Tables.Dfe.Value, int.MaxValue);
        static void Raise<T>(Dictionary<string, Dictionary<int, T>> table, Func<T, T> raise)
        {
            foreach (var byYear in table.Values)
                foreach (var year in byYear.Keys.Where(y => y > through).ToList()) byYear[year] = raise(byYear[year]);
        }
        Raise(altered.Totals, v => v * 1.5);
        Raise(altered.NewPlans, v => v * 1.5);
        Raise(altered.AgeBands, v => [.. v.Select(b => b * 1.5)]);
        Raise(altered.Placements, v => v.ToDictionary(g => g.Key, g => g.Value * 1.5));
        Raise(altered.NewPlansByGroup, v => v.ToDictionary(g => g.Key, g => g.Value * 1.5));

        var before = Result.Value.Outcomes.Where(o => o.Origin <= through)
            .ToDictionary(o => (o.Breakdown, o.Method, o.Origin, o.Horizon, o.Code));
        var after = CohortBacktest.Run(altered).Outcomes.Where(o => o.Origin <= through).ToList();

        Assert.Equal(before.Count, after.Count);
        foreach (var o in after)
        {
            var was = before[(o.Breakdown, o.Method, o.Origin, o.Horizon, o.Code)];
            Assert.Equal(was.Forecast, o.Forecast);
            Assert.Equal(was.Lower, o.Lower);
            Assert.Equal(was.Upper, o.Upper);
        }
        // The comparison covers intervals at the last unaltered origin, for totals and placement groups alike.
        Assert.Contains(after, o => o.Origin == through && o.Breakdown == PlacementGroups.AllPlans && o.Lower != null);
        Assert.Contains(after, o => o.Origin == through && o.Breakdown == PlacementGroups.Mainstream.Breakdown
            && o.Lower != null);
        Assert.Contains(after, o => o.Origin == through && o.Horizon == 1 && o.Actual > 1.4 * o.Forecast);
    }

    /// <summary>
    /// What docs/forecasting.md reports for the intervals, held: over the latest four origins the cohort model's 80%
    /// intervals for LA totals contain the outcome 75–85% of the time one and two years ahead, each calibrated only
    /// on errors known at its origin (the statutory transition's years left out).
    /// </summary>
    [Fact]
    public void Cohort_IntervalsForLaTotals_Cover75To85Percent_OverTheLatestOrigins()
    {
        var latest = Result.Value.Origins.TakeLast(4).ToHashSet();
        var summaries = CohortBacktest.Summarise(Result.Value.Outcomes.Where(o => latest.Contains(o.Origin)
            && o.Breakdown == PlacementGroups.AllPlans && o.Method == CohortBacktest.Method));

        foreach (var horizon in new[] { 1, 2 })
        {
            var coverage = summaries.Single(s => s.Horizon == horizon).Coverage!.Value;
            Assert.InRange(coverage, 0.75, 0.85);
        }
    }

    /// <summary>
    /// What docs/forecasting.md reports, held: on the latest four origins (2018/19 on, after the 2014 reforms had
    /// worked through) the cohort model's LA totals beat the best simple method by at least 10% one and two years
    /// ahead. A later file that breaks this is news about the model, to report rather than patch.
    /// </summary>
    [Fact]
    public void Cohort_BeatsTheBestSimpleMethodOnLaTotals_OverTheLatestOrigins()
    {
        var latest = Result.Value.Origins.TakeLast(4).ToHashSet();
        var summaries = CohortBacktest.Summarise(Result.Value.Outcomes.Where(o => latest.Contains(o.Origin)
            && o.Breakdown == PlacementGroups.AllPlans));

        foreach (var horizon in new[] { 1, 2 })
        {
            var cohort = summaries.Single(s => s.Horizon == horizon && s.Method == CohortBacktest.Method).MedianApe;
            var best = summaries.Where(s => s.Horizon == horizon
                && s.Method != CohortBacktest.Method).Min(s => s.MedianApe);
            Assert.True(cohort <= 0.9 * best, $"horizon {horizon}: cohort {cohort:P2} against {best:P2}");
        }
    }

    [Fact]
    public void Forecast_WritesEnglandAndEachLa_ByPlacement_WithIntervalsAroundThePoint()
    {
        var result = CohortForecast.Run(Tables.Dfe.Value, 2022, 2, byPlacement: true);

        var leicestershire = result.Rows.Where(r => r.Area.OldLaCode == "855").ToList();
        Assert.Equal(2 * (1 + PlacementGroups.Breakdowns.Count), leicestershire.Count);
        Assert.All(result.Rows, r => Assert.True(r.Lower <= r.Plans && r.Plans <= r.Upper));
        foreach (var year in new[] { 2023, 2024 })
        {
            var mine = leicestershire.Where(r => r.Year == year).ToDictionary(r => r.Breakdown, r => r.Plans);
            Assert.Equal(mine[PlacementGroups.AllPlans], PlacementGroups.All.Sum(g => mine[g.Breakdown]), 6);
            // special_independent keeps its 2022/23 share of independent and non-maintained special.
            Assert.True(mine["special_independent"] <= mine[PlacementGroups.IndependentSpecial.Breakdown]);
            Assert.Equal(mine["mainstream_total"],
                mine[PlacementGroups.Mainstream.Breakdown] + mine[PlacementGroups.ResourcedAndUnits.Breakdown], 6);
        }
        Assert.Contains(result.Rows, r => r.Area.IsNational && r.Breakdown == PlacementGroups.AllPlans
            && r.Year == 2023);
        Assert.Equal(["835", "836", "837", "928"], result.Skipped.Select(s => s.Area.OldLaCode).Order());
    }
}
