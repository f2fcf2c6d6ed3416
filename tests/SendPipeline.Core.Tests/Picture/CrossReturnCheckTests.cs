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
    private static readonly string UpnA = Upn.Create("855200125001");
    private static readonly string UpnB = Upn.Create("855200125002");
    private static readonly string UpnC = Upn.Create("855700125003");

    private sealed class Builder
    {
        public List<string> Census1 = [$"8552001,2026-01-15,{UpnA},2016-10-01,M,4,E,ASD,,N,N,Y,,2", $"8552001,2026-01-15,{UpnB},2016-10-01,F,4,K,SLCN,,N,N,N,,3"];
        public List<string> Census2 = [$"8557001,2026-01-15,{UpnC},2012-01-01,M,8,E,SLD,,N,N,Y,,2"];
        public List<string> Placements = [$"123456,2025-12-31,{UpnC},,2012-01-01,MSS,2021-09-01,,N,25000.00,TOPUP,SLD,Y,855,2"];
        public List<string> Register =
        [
            "100001,855,2001,Ash Primary School,Community school,Primary,210,Open,8552001,2",
            "123456,855,7001,Oak Special School,Community special school,Not applicable,120,Open,8557001,3",
        ];
        public List<string> Posts = ["svc-eps,2025-26 Q3,EP1,EP,FrontLine,1,Filled,65000.00,EAH,,2", "svc-eps,2025-26 Q3,T1,EP,Transformation,0.5,Filled,30000.00,EAH,2026-03-31,3"];
        public List<string> Activity = ["svc-eps,2025-26 Q3,8552001,EP,4.5,Consultation,2"];
        public List<string> History = ["202223,Local authority,855,E10000018,Leicestershire,All EHC plans,All EHC plans,2,2"];

        public (IReadOnlyList<DataQualityIssue> Issues, EhcpReconciliation Reconciliation) Run()
        {
            var picture = new LaPicture();
            const string census = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator,ResourcedProvisionIndicator,TopUpFunding,EntryDate,SourceRow";
            Add(picture, "school-census", "uploads/8552001/school-census/a.csv", "8552001", census, Census1);
            Add(picture, "school-census", "uploads/8557001/school-census/b.csv", "8557001", census, Census2);
            Add(picture, "placements", "uploads/123456/placements/q3.csv", "123456",
                "ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart,PlacementEnd,Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA,SourceRow", Placements);
            Add(picture, "establishments", "uploads/la/establishments/gias.csv", "la",
                "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name),LAEstab,SourceRow", Register);
            Add(picture, "workforce", "uploads/svc-eps/workforce/q3.csv", "svc-eps",
                "ServiceCode,Quarter,PostId,Discipline,Role,FTE,Status,AnnualCost,FundingSource,TimeLimitedUntil,SourceRow", Posts);
            Add(picture, "eah-activity", "uploads/svc-eps/eah-activity/q3.csv", "svc-eps",
                "ServiceCode,Quarter,LAEstab,Discipline,DaysDelivered,ActivityType,SourceRow", Activity);
            Add(picture, "ehcp-history", "uploads/la/ehcp-history/caseload.csv", "la",
                "time_period,geographic_level,old_la_code,new_la_code,la_name,breakdown_topic,breakdown,ehcplans,SourceRow", History);
            return CrossReturnChecks.Run(picture, "855");
        }

        private static void Add(LaPicture picture, string type, string path, string submitter, string header, List<string> rows) =>
            picture.Add(type, path.GetHashCode().ToString("x"), path, submitter, new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n")));
    }

    [Fact]
    public void Run_ConsistentPicture_RaisesNothingAndReconciles()
    {
        var (issues, reconciliation) = new Builder().Run();

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
        var b = new Builder();
        switch (plant)
        {
            case "child-in-two-censuses": b.Census2.Add($"8557001,2026-01-15,{UpnA},2016-10-01,M,4,E,ASD,,N,N,Y,,3"); break;
            case "census-and-placement-elsewhere": b.Placements.Add($"123456,2025-12-31,{UpnB},,2016-10-01,MSS,2025-09-01,,N,20000.00,TOPUP,SLCN,Y,855,3"); break;
            case "inmss-without-plan": b.Placements.Add($"123456,2025-12-31,{UpnB},,2016-10-01,INMSS,2024-09-01,,Y,70000.00,FULL,ASD,Y,855,3"); break;
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
        Assert.DoesNotContain(UpnA, issue.Message);
        Assert.DoesNotContain(UpnB, issue.Message);
    }

    [Fact]
    public void Run_SpecialistPlacementOfAChildOnNoCensus_IsNotAQuery()
    {
        // Independent special schools make no school census: absence from every census proves nothing.
        var b = new Builder();
        b.Placements.Add($"123456,2025-12-31,{Upn.Create("855200125099")},,2010-01-01,INMSS,2024-09-01,,Y,70000.00,FULL,ASD,Y,855,3");
        b.History[0] = b.History[0].Replace(",2,2", ",3,2");

        Assert.Empty(b.Run().Issues);
    }

    [Fact]
    public void Run_MainstreamTopUpAtThePupilsOwnSchool_IsNotASecondSetting()
    {
        var b = new Builder();
        b.Placements.Add($"100001,2025-12-31,{UpnA},,2016-10-01,MMS,2024-09-01,,N,8000.00,TOPUP,ASD,Y,855,3");

        Assert.Empty(b.Run().Issues);
    }

    [Fact]
    public void Run_TransformationPostEndingDuringTheQuarter_HasNotExpired()
    {
        var b = new Builder();
        b.Posts[1] = b.Posts[1].Replace("2026-03-31", "2025-10-01");

        Assert.Empty(b.Run().Issues);
    }
}
