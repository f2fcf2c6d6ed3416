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
        Assert.True(hnb.Total("2027-28", "reform") < hnb.Total("2027-28", "baseline"));
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

        // Q3: three quarters of a primary's 40 days, 30; 4.5 days is under half of it.
        Assert.Equal((4.5m, 30m, SettingDaysPanel.UnderHalf), (settings["8552001"].Days, settings["8552001"].Target!.Value, settings["8552001"].Band));
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
}
