using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Dashboard;

public class DashboardModelTests
{
    private readonly DashboardSample _sample = DashboardSample.Build();

    [Fact]
    public void Build_Ehcp_IsThePublishedHistoryThenTheForecastToTheEndYearWithItsInterval()
    {
        var ehcp = _sample.Model.Ehcp;
        var path = CaseloadGrowth.Caseload(_sample.Picture, DashboardSample.La, _sample.Assumptions)!;

        Assert.Null(ehcp.Missing);
        Assert.Equal("Leicestershire", _sample.Model.LaName);
        Assert.Equal([4222, 4751, 5288, 5813, 6201], ehcp.Points.Where(p => !p.IsForecast).Select(p => p.Plans));
        // January 2023 is the last known; the forecast runs to the assumptions' end year, 2027-28 (January 2028).
        Assert.Equal([2023, 2024, 2025, 2026, 2027], ehcp.Points.Where(p => p.IsForecast).Select(p => p.Year));
        Assert.Equal(path.Forecast.Select(r => (r.Plans, r.Lower, r.Upper)), ehcp.Points.Where(p => p.IsForecast).Select(p => (p.Plans, p.Lower!.Value, p.Upper!.Value)));
        Assert.All(ehcp.Points.Where(p => p.IsForecast), p => Assert.True(p.Lower <= p.Plans && p.Plans <= p.Upper && p.Lower < p.Upper, $"{p.Label}: {p.Lower} {p.Plans} {p.Upper}"));
        Assert.Equal("2027/28", ehcp.Points[^1].Label);
    }

    [Fact]
    public void Build_Hnb_EachYearsSegmentsAddUpToTheForecastTotal()
    {
        var hnb = _sample.Model.Hnb;
        var forecast = _sample.Hnb.Forecast!;

        Assert.Null(hnb.Missing);
        Assert.Equal(["2024-25", "2025-26", "2026-27", "2027-28"], hnb.Years);
        foreach (var year in hnb.Years)
            foreach (var scenario in HnbAssumptions.Scenarios)
                Assert.Equal(forecast.Total(year, scenario), hnb.Total(year, scenario));
        // 1.1.1, and 1.2.3 with no placement of ours on it, are forecast as whole lines: other lines.
        Assert.Equal(2_900_000m, hnb.Amount("2024-25", "baseline", HnbPanel.OtherLines));
        Assert.Equal(HnbPanel.OtherLines, hnb.Categories[^1]);
        // The sample's one placement is in a maintained special school, which the reform levers only ever move
        // placements into (ReformLeverTests): its reform is its baseline.
        Assert.Equal(hnb.Total("2027-28", "baseline"), hnb.Total("2027-28", "reform"));
    }

    [Fact]
    public void Build_Workforce_SumsEachDisciplinesRoles()
    {
        var discipline = Assert.Single(_sample.Model.Workforce.Disciplines);

        Assert.Equal("2025-26 Q3", _sample.Model.Workforce.Quarter);
        Assert.Equal(("EP", 1.5m, 0m, 0m), (discipline.Discipline, discipline.Filled, discipline.Vacant, discipline.Agency));
    }

    [Fact]
    public void Build_SettingDays_BandsEachOpenSettingAgainstItsTargetToDate()
    {
        var settings = _sample.Model.Settings.Settings.ToDictionary(s => s.LaEstab);

        // Q3, and only Q3's activity was returned: a quarter of a primary's 40 days, 10; 4.5 days is under half of it.
        Assert.Equal([3], _sample.Model.Settings.QuartersReturned);
        Assert.Equal([1, 2], _sample.Model.Settings.QuartersMissing);
        Assert.Equal((4.5m, 10m, SettingDaysPanel.UnderHalf), (settings["8552001"].Days, settings["8552001"].Target!.Value, settings["8552001"].Band));
        Assert.Equal(SettingDaysPanel.None, settings["8552003"].Band);
        Assert.Equal(SettingDaysPanel.None, settings["8557001"].Band);
        Assert.Equal(2, _sample.Model.Settings.Count("Primary", SettingDaysPanel.None) + _sample.Model.Settings.Count("Primary", SettingDaysPanel.UnderHalf));
    }

    [Fact]
    public void Build_DataQuality_CountsEachSubmittersIssuesByRule()
    {
        var panel = _sample.Model.DataQuality;

        Assert.NotEmpty(_sample.Quality.Issues);
        Assert.Equal(_sample.Quality.Issues.Count, panel.Issues);
        foreach (var group in _sample.Quality.Issues.GroupBy(i => i.Submitter))
        {
            var row = Assert.Single(panel.Submitters, s => s.Submitter == group.Key);
            Assert.Equal(group.Count(), row.Issues);
            Assert.Equal(group.GroupBy(i => i.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())), row.ByRule);
        }
        Assert.Equal(panel.Submitters.OrderByDescending(s => s.Issues).Select(s => s.Issues), panel.Submitters.Select(s => s.Issues));
    }

    [Fact]
    public void Build_Workforce_ShowsEveryPostStatusSecondmentIncluded()
    {
        var b = DashboardSample.Builder();
        b.Posts.AddRange(["svc-eps,2025-26 Q3,EP2,EP,FrontLine,0.4,Secondment,20000.00,EAH,,4", "svc-eps,2025-26 Q3,EP3,EP,FrontLine,0.6,Agency,30000.00,EAH,,5",
            "svc-eps,2025-26 Q3,EP4,EP,FrontLine,0.8,Vacant,40000.00,EAH,,6"]);

        var discipline = Assert.Single(Model(b.Build()).Workforce.Disciplines);

        Assert.Equal((1.5m, 0.4m, 0.6m, 0.8m, 3.3m), (discipline.Filled, discipline.Secondment, discipline.Agency, discipline.Vacant, discipline.Total));
    }

    [Fact]
    public void Build_AsAt_IsTheCensusTheQuarterAndTheLatestReceiptInForceNeverTheClock()
    {
        var picture = DashboardSample.Builder().Build();
        picture.Uploads.Add(new Core.Picture.UploadStatusRow("8552001", "school-census", "uploads/8552001/school-census/a.csv", "u1", "accepted",
            "2026-01-15", new DateTimeOffset(2026, 2, 3, 9, 15, 0, TimeSpan.Zero), 0, 0, InForce: true));
        // A later upload that is not in force (rejected) is not what the page was built from.
        picture.Uploads.Add(new Core.Picture.UploadStatusRow("la", "establishments", "uploads/la/establishments/x.csv", "u2", "rejected",
            null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 2, 0, InForce: false));

        var asAt = Model(picture).AsAt;

        Assert.Equal((new DateOnly(2026, 1, 15), "2025-26 Q3"), (asAt.CensusDate!.Value, asAt.Quarter!.Value.ToString()));
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 15, 0, TimeSpan.Zero), asAt.LatestReceipt);
        Assert.Equal("Data as at the school census of 2026-01-15 and quarter 2025-26 Q3 (1 October 2025 to 31 December 2025). " +
            "Built from the returns in force, the latest received 2026-02-03 09:15 UTC.", asAt.Sentence());
    }

    [Fact]
    public void Build_OwnCensus_IsTheJanuaryCensusCountOfEhcPlansBesideThatJanuarysForecast()
    {
        var own = _sample.Model.Ehcp.OwnCensus!;

        // Ash Primary's ASD pupil and Oak Special's SLD pupil have plans; the SLCN pupil is on SEN support.
        Assert.Equal((new DateOnly(2026, 1, 15), 2, 2025), (own.CensusDate, own.EhcPlans, own.AcademicYear));
        Assert.Contains(_sample.Model.Ehcp.Points, p => p.Year == own.AcademicYear && p.IsForecast);
    }

    [Fact]
    public void Build_Census_CountsEhcPlansAndSenSupportByNeedAndByPhase()
    {
        var census = _sample.Model.Census!;

        Assert.Equal(new DateOnly(2026, 1, 15), census.CensusDate);
        Assert.Equal(2, census.Schools);
        Assert.Equal([("ASD Autistic spectrum disorder", 1, 0), ("SLCN Speech, language and communication needs", 0, 1), ("SLD Severe learning difficulty", 1, 0)],
            census.ByNeed.Select(g => (g.Group, g.EhcPlans, g.SenSupport)).OrderBy(g => g.Group, StringComparer.Ordinal));
        Assert.Equal([("Primary", 1, 1), ("Not applicable", 1, 0)], census.ByPhase.Select(g => (g.Group, g.EhcPlans, g.SenSupport)));
    }

    [Fact]
    public void Build_Counts_AreTheSubmissionsCountsForTheDashboardsQuarter()
    {
        var picture = DashboardSample.Builder().Build();
        picture.Uploads.Add(new Core.Picture.UploadStatusRow("654321", "placements", "uploads/654321/placements/q3.csv", "p1", "rejected",
            "2025-12-31", DateTimeOffset.UnixEpoch, 2, 0, InForce: false));

        var model = Model(picture);

        Assert.Equal(Core.Picture.ReturnCounts.For(picture, DashboardSample.La, new Core.Reference.FinancialQuarter(new Core.Reference.FinancialYear(2025), 3)).Rows(),
            model.Counts!.Rows());
        Assert.Equal(["654321"], model.Counts.Providers.Missing);
        Assert.Same(model.Counts, model.DataQuality.Counts);
    }

    private static DashboardModel Model(Core.Picture.LaPicture picture)
    {
        var assumptions = HnbAssumptions.From(picture.Assumptions);
        var capacity = Core.Workforce.WorkforceCapacity.Build(picture, Core.Workforce.SplitRules.From(picture.Assumptions));
        return DashboardModel.Build(picture, DashboardSample.La, assumptions, HnbForecastOutcome.For(picture, DashboardSample.La, assumptions), capacity,
            Core.Picture.DataQualityReport.Build(picture, DashboardSample.La),
            Core.Picture.CrossReturnChecks.ForecastCaseload(picture, DashboardSample.La));
    }
}
