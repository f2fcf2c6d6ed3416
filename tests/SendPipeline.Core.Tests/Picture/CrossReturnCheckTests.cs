using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Picture;

/// <summary>
/// A small, consistent LA picture built from canonical returns; each test plants one problem that
/// only a check across returns can see, and the clean picture raises nothing.
/// </summary>
public class CrossReturnCheckTests
{
    [Fact]
    public void Run_ConsistentPicture_RaisesNothingAndReconciles()
    {
        var (issues, reconciliation) = new PictureBuilder().Run();

        Assert.Empty(issues);
        Assert.Equal((2, 0, 2, 2L),
            (reconciliation.FromCensus, reconciliation.FromPlacementsOnly, reconciliation.Total, reconciliation.Published!.Value));
        // One year of history (2022/23) cannot be forecast to the census's 2025/26, and is no yardstick for it.
        Assert.Equal(("202526", (string?)null, (long?)null),
            (reconciliation.ComparedPeriod, reconciliation.Basis, reconciliation.Difference));
        Assert.Contains("has not published 2025/26", reconciliation.Note);
    }

    public static TheoryData<string, string, string, int?> Plants() => new()
    {
        { "child-in-two-censuses", "XR1001", "8552001", 2 },
        { "census-and-placement-elsewhere", "XR1002", "8552001", 3 },
        { "inmss-without-plan", "XR1003", "123456", 3 },
        { "census-school-not-in-register", "XR1004", "8557001", null },
        { "census-school-closed", "XR1005", "8552001", null },
        { "activity-setting-unknown", "XR1006", "svc-eps", 2 },
        { "activity-setting-closed", "XR1007", "svc-eps", 2 },
        { "ehcp-totals-differ", "XR1008", "la", 3 },
        { "transformation-post-expired", "XR1009", "svc-eps", 3 },
        { "school-without-census", "XR1010", "8552003", null },
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public void Run_PlantedProblem_IsReportedToTheSubmitterToChaseAtItsRow(string plant, string ruleId, string submitter, int? row)
    {
        var b = new PictureBuilder();
        switch (plant)
        {
            case "child-in-two-censuses": b.Census2.Add($"8557001,2026-01-15,{PictureBuilder.UpnA},2016-10-01,M,4,E,ASD,,N,N,Y,,3"); break;
            case "census-and-placement-elsewhere": b.Placements.Add($"123456,2025-12-31,{PictureBuilder.UpnB},,2016-10-01,MSS,2025-09-01,,N,20000.00,TOPUP,SLCN,Y,855,3"); break;
            case "inmss-without-plan": b.Placements.Add($"123456,2025-12-31,{PictureBuilder.UpnB},,2016-10-01,INMSS,2024-09-01,,Y,70000.00,FULL,ASD,Y,855,3"); break;
            case "census-school-not-in-register": b.Register.RemoveAt(1); break;
            case "census-school-closed": b.Register[0] = b.Register[0].Replace(",Open,", ",Closed,"); break;
            case "activity-setting-unknown": b.Activity[0] = b.Activity[0].Replace("8552001", "8552999"); break;
            case "activity-setting-closed": b.Activity[0] = b.Activity[0].Replace("8552001", "8552004"); b.Register.Add("100004,855,2004,Elm Primary,Community school,Primary,0,Closed,8552004,4"); break;
            case "ehcp-totals-differ": b.History.Add(SameYear(plans: 40)); break;
            case "transformation-post-expired": b.Posts[1] = b.Posts[1].Replace("2026-03-31", "2025-09-30"); break;
            case "school-without-census": b.Register.Add("100003,855,2003,Birch Primary School,Academy converter,Primary,180,Open,8552003,4"); break;
        }

        var (issues, _) = b.Run();

        // Both schools of a child on two censuses are told, each about the other; every other check names one submitter.
        // (A plant may also cause a consequential issue of another rule, e.g. a closed school's activity: those are right too.)
        Assert.Equal(ruleId == "XR1001" ? 2 : 1, issues.Count(i => i.RuleId == ruleId));
        var issue = Assert.Single(issues, i => i.RuleId == ruleId && i.Submitter == submitter);
        Assert.Equal((submitter, row), (issue.Submitter, issue.Row));
        Assert.Equal(SendPipeline.Core.Validation.Severity.Query, issue.Severity);
        Assert.DoesNotContain(PictureBuilder.UpnA, issue.Message);
        Assert.DoesNotContain(PictureBuilder.UpnB, issue.Message);
    }

    [Fact]
    public void Run_SpecialistPlacementOfAChildOnNoCensus_IsNotAQuery()
    {
        // Independent special schools make no school census: absence from every census proves nothing.
        var b = new PictureBuilder();
        b.Placements.Add($"123456,2025-12-31,{Upn.Create("855200125099")},,2010-01-01,INMSS,2024-09-01,,Y,70000.00,FULL,ASD,Y,855,3");
        b.History[0] = b.History[0].Replace(",2,2", ",3,2");

        Assert.Empty(b.Run().Issues);
    }

    [Fact]
    public void Run_MainstreamTopUpAtThePupilsOwnSchool_IsNotASecondSetting()
    {
        var b = new PictureBuilder();
        b.Placements.Add($"100001,2025-12-31,{PictureBuilder.UpnA},,2016-10-01,MMS,2024-09-01,,N,8000.00,TOPUP,ASD,Y,855,3");

        Assert.Empty(b.Run().Issues);
    }

    [Fact]
    public void Run_TransformationPostEndingDuringTheQuarter_HasNotExpired()
    {
        var b = new PictureBuilder();
        b.Posts[1] = b.Posts[1].Replace("2026-03-31", "2025-10-01");

        Assert.Empty(b.Run().Issues);
    }

    private static readonly Area Leicestershire = new(Area.LocalAuthority, "855", "Leicestershire");

    /// <summary>The DfE's figure for the census's own year, 2025/26, on row 3 of the history.</summary>
    private static string SameYear(int plans) =>
        $"202526,Local authority,855,E10000018,Leicestershire,All EHC plans,All EHC plans,{plans},3";

    /// <summary>The LA's caseload as the rebuild forecasts it: 2022/23 published, 2025/26 forecast with its interval.</summary>
    private static LaCaseload Forecast(double plans, double lower, double upper) =>
        new(Leicestershire, new Dictionary<int, double> { [2022] = 1 },
            [new ForecastRow(Leicestershire, 2025, plans, lower, upper, "test")], null);

    [Fact]
    public void Run_CensusInsideTheForecastsIntervalForItsYear_IsNotAQueryHoweverFarFromAnOlderYear()
    {
        // The analyst's case: January 2026 is far above 2022/23's figure (+100% here) but near the forecast for 2025/26.
        var b = new PictureBuilder();
        b.History[0] = b.History[0].Replace(",2,2", ",1,2");

        var (issues, reconciliation) = CrossReturnChecks.Run(b.Build(), "855", Forecast(2.1, 1.6, 2.7));

        Assert.DoesNotContain(issues, i => i.RuleId == "XR1008");
        var r = reconciliation;
        Assert.Equal(("202526", EhcpReconciliation.ForecastBasis, 2L, 2L, 3L, 0L),
            (r.ComparedPeriod, r.Basis, r.Expected!.Value, r.ExpectedLower!.Value, r.ExpectedUpper!.Value, r.Difference!.Value));
    }

    [Fact]
    public void Run_CensusOutsideTheForecastsInterval_IsAQueryStatingTheForecastIntervalAndDifference()
    {
        var (issues, reconciliation) =
            CrossReturnChecks.Run(new PictureBuilder().Build(), "855", Forecast(4.2, 3.4, 5.1));

        var issue = Assert.Single(issues, i => i.RuleId == "XR1008");
        Assert.Equal("2 children with EHC plans in the 2026-01-15 census and placements against a forecast of 4 "
                     + "for 2025/26 (from the DfE statistics to 2022/23): a difference of -2 (-50.0%), outside its "
                     + "80% interval (3 to 5).", issue.Message);
        // The forecast is made from the latest published figure: that is the row to check.
        Assert.Equal(("la", 2, "ehcplans"), (issue.Submitter, issue.Row, issue.Column));
        Assert.Equal(-2L, reconciliation.Difference);
    }

    [Fact]
    public void Run_DfeFigureForTheCensusYear_IsTheYardstickRatherThanAForecast()
    {
        var b = new PictureBuilder();
        b.History.Add(SameYear(plans: 2));

        var (issues, reconciliation) = CrossReturnChecks.Run(b.Build(), "855", Forecast(40, 35, 45));

        Assert.DoesNotContain(issues, i => i.RuleId == "XR1008");
        Assert.Equal((EhcpReconciliation.PublishedBasis, 2L, 0L),
            (reconciliation.Basis, reconciliation.Expected!.Value, reconciliation.Difference!.Value));
    }

    [Fact]
    public void Run_RealDfeHistory_ForecastsTheCensusYearAndQueriesACountFarOutsideIt()
    {
        // Every LA's and England's caseload 2018/19 to 2022/23, as uploaded: the forecast the HNB forecast uses.
        var b = new PictureBuilder();
        var row = 1;
        b.History = [.. Forecasting.Series.Dfe.Value.SelectMany(s => s.Plans.OrderBy(p => p.Key).Select(p =>
            $"{AcademicYear.Format(p.Key)},{s.Area.GeographicLevel},{s.Area.OldLaCode},,\"{s.Area.LaName}\","
            + $"All EHC plans,All EHC plans,{p.Value},{++row}"))];

        var (issues, reconciliation) = CrossReturnChecks.Run(b.Build(), "855");

        // Leicestershire had 6,201 plans in January 2023; its forecast for January 2026 is higher, and 2 far below it.
        var r = reconciliation;
        Assert.Equal((EhcpReconciliation.ForecastBasis, "202223", 6201L), (r.Basis, r.PublishedPeriod, r.Published!.Value));
        Assert.InRange(r.Expected!.Value, 6201, 12000);
        Assert.True(r.ExpectedLower < r.Expected && r.Expected < r.ExpectedUpper);
        var issue = Assert.Single(issues, i => i.RuleId == "XR1008");
        Assert.Contains($"against a forecast of {r.Expected:N0} for 2025/26 (from the DfE statistics to 2022/23)", issue.Message);
        Assert.Contains($"outside its 80% interval ({r.ExpectedLower:N0} to {r.ExpectedUpper:N0})", issue.Message);
    }
}
