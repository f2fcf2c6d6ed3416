using System.Text;
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
        Assert.Equal((2, 0, 2, 2L, 0L), (reconciliation.FromCensus, reconciliation.FromPlacementsOnly, reconciliation.Total, reconciliation.Published!.Value, reconciliation.Difference!.Value));
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
        { "ehcp-totals-differ", "XR1008", "la", 2 },
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
            case "ehcp-totals-differ": b.History[0] = b.History[0].Replace(",2,2", ",40,2"); break;
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
}
