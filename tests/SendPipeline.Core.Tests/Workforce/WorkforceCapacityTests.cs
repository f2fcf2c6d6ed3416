using System.Text;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Workforce;

public class WorkforceCapacityTests
{
    private static LaPicture Picture(params string[] posts)
    {
        var picture = new LaPicture();
        void Add(string type, string header, IEnumerable<string> rows) =>
            picture.Add(type, type, $"uploads/x/{type}/f.csv", "x", new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n")));
        Add("workforce", "ServiceCode,Quarter,PostId,Discipline,Role,FTE,Status,AnnualCost,FundingSource,TimeLimitedUntil,SourceRow", posts);
        Add("eah-activity", "ServiceCode,Quarter,LAEstab,Discipline,DaysDelivered,ActivityType,SourceRow",
            ["svc-eps,2025-26 Q3,8552001,EP,6,Consultation,2", "svc-salt,2025-26 Q3,8552001,SALT,5.5,DirectWork,3", "svc-eps,2025-26 Q2,8554001,EP,9,Assessment,4",
             "svc-eps,2024-25 Q4,8557001,EP,7,Training,5"]);
        Add("establishments", "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name),LAEstab,SourceRow",
            ["100001,855,2001,Ash Primary,Community school,Primary,200,Open,8552001,2", "100002,855,4001,Beech High,Academy converter,Secondary,900,Open,8554001,3",
             "100003,855,7001,Oak Special,Community special school,Not applicable,90,Open,8557001,4", "100004,855,2002,Elm Primary,Community school,Primary,0,Closed,8552002,5"]);
        return picture;
    }

    /// <summary>Spec 4.7's 80%, caps of 10%, outreach funded 2025-26 to 2027-28: written out, so a change to the shipped defaults cannot move these tests.</summary>
    private static readonly SplitRules Rules = new(0.80m, 0.10m, 0.10m, new FinancialYear(2025), new FinancialYear(2027));

    private static readonly string[] Posts =
    [
        "svc-eps,2025-26 Q3,EP1,EP,FrontLine,1,Filled,68000.00,EAH,,2",
        "svc-eps,2025-26 Q3,EP2,EP,FrontLine,0.5,Vacant,34000.00,EAH,,3",
        "svc-salt,2025-26 Q3,SL1,SALT,FrontLine,0.8,Agency,50000.00,EAH,,4",
        "svc-eps,2025-26 Q3,AD1,OTHER,Enabling,1,Filled,15000.00,EAH,,5",
        "svc-eps,2025-26 Q3,TR1,EP,Transformation,0.2,Secondment,12000.00,EAH,2027-03-31,6",
        "svc-ot,2025-26 Q3,OT1,OT,FrontLine,1,Filled,40000.00,ICB,,7",
        "svc-eps,2025-26 Q2,EP9,EP,FrontLine,1,Filled,99999.00,EAH,,8",
    ];

    [Fact]
    public void Build_LatestQuarter_SumsFteByDisciplineRoleAndStatus()
    {
        var capacity = WorkforceCapacity.Build(Picture(Posts), Rules);

        Assert.Equal("2025-26 Q3", capacity.Quarter);
        var ep = Assert.Single(capacity.Fte, r => r.Discipline == "EP" && r.Role == "FrontLine");
        Assert.Equal((1m, 0.5m, 0m, 0m, 2), (ep.Filled, ep.Vacant, ep.Agency, ep.Secondment, ep.Posts));
        Assert.Equal(0.8m, Assert.Single(capacity.Fte, r => r.Discipline == "SALT").Agency);
        Assert.Equal(40000m, Assert.Single(capacity.Cost, r => r.Role == "FrontLine" && r.FundingSource == "ICB").AnnualCost);
        Assert.Equal(152000m, Assert.Single(capacity.Cost, r => r.Role == "FrontLine" && r.FundingSource == "EAH").AnnualCost);
    }

    [Fact]
    public void Build_GrantSplit_IsMeasuredOnTheExpertsAtHandCostOnly()
    {
        // EAH cost 179,000: front line 152,000 (84.9%), enabling 15,000 (8.4%), transformation 12,000 (6.7%).
        var split = WorkforceCapacity.Build(Picture(Posts), Rules).Split;

        Assert.Equal([("FrontLine", 0.8492m, true), ("Enabling", 0.0838m, true), ("Transformation", 0.0670m, true)], split.Select(r => (r.Role, r.Share, r.Meets)));
    }

    [Fact]
    public void Build_TooLittleFrontLine_BreaksTheSplit()
    {
        var posts = Posts.Append("svc-eps,2025-26 Q3,AD2,OTHER,Enabling,1,Filled,30000.00,EAH,,9").ToArray();

        var split = WorkforceCapacity.Build(Picture(posts), Rules).Split;

        Assert.False(split.Single(r => r.Role == "FrontLine").Meets);
        Assert.False(split.Single(r => r.Role == "Enabling").Meets);
    }

    [Fact]
    public void Build_SettingDays_AgainstThePhaseTargetAndSettingsWithNoSupport()
    {
        var days = WorkforceCapacity.Build(Picture(Posts), Rules).SettingDays;

        // Open settings only; last quarter's days at Beech High do not count for this one.
        Assert.Equal(["8552001", "8554001", "8557001"], days.Select(d => d.LaEstab));
        Assert.Equal((11.5m, (decimal?)10m, false), (days[0].DaysDelivered, days[0].Target, days[0].NoSupport));
        Assert.Equal((0m, (decimal?)40m, true), (days[1].DaysDelivered, days[1].Target, days[1].NoSupport));
        Assert.Null(days[2].Target);
    }

    [Fact]
    public void Build_SettingDaysYearToDate_CountsEarlierQuartersOfTheFinancialYearOnly()
    {
        var days = WorkforceCapacity.Build(Picture(Posts), Rules).SettingDays;

        // Activity was returned for Q2 and Q3 only, so two quarters' share: 40 × 2/4 = 20 for a primary, 160 × 2/4 = 80 for a secondary.
        Assert.Equal([2, 3], WorkforceCapacity.Build(Picture(Posts), Rules).ActivityQuarters);
        Assert.Equal((11.5m, (decimal?)20m, false), (days[0].YearToDateDays, days[0].YearToDateTarget, days[0].NoSupportThisYear));
        // Beech High had its days in Q2: none this quarter, but supported this year.
        Assert.Equal((9m, (decimal?)80m, true, false), (days[1].YearToDateDays, days[1].YearToDateTarget, days[1].NoSupport, days[1].NoSupportThisYear));
        // Oak Special's days were in the last financial year, so none count for this one.
        Assert.Equal((0m, (decimal?)null, true), (days[2].YearToDateDays, days[2].YearToDateTarget, days[2].NoSupportThisYear));
    }

    [Fact]
    public void Build_TighterCapFromTheRules_BreaksTheSplitAndSaysSo()
    {
        var split = WorkforceCapacity.Build(Picture(Posts), Rules with { MaxEnablingShare = 0.05m, MinFrontLineShare = 0.855m }).Split;

        Assert.Equal([("FrontLine", "at least 85.5%", false), ("Enabling", "at most 5%", false), ("Transformation", "at most 10%", true)],
            split.Select(r => (r.Role, r.Rule, r.Meets)));
    }

    private static readonly string[] OutreachPosts =
    [
        "svc-oakfield,2025-26 Q3,OAK1,APO,FrontLine,1,Filled,40000.00,EAH,,10",
        "svc-oakfield,2025-26 Q3,OAK2,APO,FrontLine,0.5,Vacant,20000.00,EAH,,11",
        "svc-oakfield,2025-26 Q3,OAK3,APO,FrontLine,0.6,Filled,24000.00,HNB,,12",
    ];

    [Fact]
    public void Build_OutreachInsideItsWindow_IsMeasuredWithNoFinding()
    {
        var capacity = WorkforceCapacity.Build(Picture([.. Posts, .. OutreachPosts]), Rules);

        Assert.Equal(new OutreachRow("2025-26 Q3", "2025-26", "2025-26", "2027-28", true, 2, 1.5m, 60000m, 0.6m), capacity.Outreach);
        Assert.DoesNotContain(capacity.Checks, c => c.Check.StartsWith("outreach", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GrantFundedOutreachOutsideItsWindow_IsAFindingForTheService()
    {
        var capacity = WorkforceCapacity.Build(Picture([.. Posts, .. OutreachPosts]), Rules with { OutreachFrom = new FinancialYear(2026) });

        Assert.False(capacity.Outreach!.InWindow);
        var finding = Assert.Single(capacity.Checks, c => c.Check == WorkforceChecks.OutreachOutsideWindow);
        Assert.Equal(("svc-oakfield", (string?)null), (finding.ServiceCode, finding.PostId));
        Assert.Equal("2 posts of AP outreach (1.5 FTE, £60,000 a year) funded from Experts at Hand in 2025-26 Q3, but the grant funds the Oakfield outreach only from 2026-27 to 2027-28.", finding.Finding);
    }

    [Fact]
    public void Build_NoGrantFundedOutreachInsideItsWindow_IsAFindingForTheLa()
    {
        var capacity = WorkforceCapacity.Build(Picture([.. Posts, OutreachPosts[2]]), Rules);

        Assert.Equal((0, 0m, 0.6m), (capacity.Outreach!.EahPosts, capacity.Outreach.EahFte, capacity.Outreach.OtherFundedFte));
        var finding = Assert.Single(capacity.Checks, c => c.Check == WorkforceChecks.OutreachMissing);
        Assert.Null(finding.ServiceCode);
        Assert.Contains("(0.6 FTE of AP outreach is returned under other funding)", finding.Finding);
    }

    [Fact]
    public void Build_NoOutreachOutsideItsWindow_IsNoFinding()
    {
        var capacity = WorkforceCapacity.Build(Picture(Posts), Rules with { OutreachUntil = new FinancialYear(2024), OutreachFrom = new FinancialYear(2024) });

        Assert.False(capacity.Outreach!.InWindow);
        Assert.Empty(capacity.Checks);
    }

    [Fact]
    public void Build_TransformationPostEndedBeforeTheQuarter_IsAFindingAndOneEndingOnItsFirstDayIsNot()
    {
        // Q3 starts on 1 October 2025.
        string[] posts =
        [
            .. Posts, .. OutreachPosts,
            "svc-salt,2025-26 Q3,TR2,SALT,Transformation,0.4,Filled,26000.00,EAH,2025-09-30,13",
            "svc-eps,2025-26 Q3,TR3,EP,Transformation,1,Filled,60000.00,EAH,2025-10-01,14",
        ];

        var checks = WorkforceCapacity.Build(Picture(posts), Rules).Checks;

        var finding = Assert.Single(checks);
        Assert.Equal((WorkforceChecks.TransformationPastEnd, "svc-salt", "TR2"), (finding.Check, finding.ServiceCode, finding.PostId));
        Assert.Equal("Transformation post TR2 (SALT, 0.4 FTE, £26,000 a year, EAH) was time-limited until 2025-09-30, before 2025-26 Q3 began on 2025-10-01.", finding.Finding);
    }
}
