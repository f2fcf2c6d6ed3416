using System.Text;
using SendPipeline.Core.Picture;
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
            ["svc-eps,2025-26 Q3,8552001,EP,6,Consultation,2", "svc-salt,2025-26 Q3,8552001,SALT,5.5,DirectWork,3", "svc-eps,2025-26 Q2,8554001,EP,9,Assessment,4"]);
        Add("establishments", "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name),LAEstab,SourceRow",
            ["100001,855,2001,Ash Primary,Community school,Primary,200,Open,8552001,2", "100002,855,4001,Beech High,Academy converter,Secondary,900,Open,8554001,3",
             "100003,855,7001,Oak Special,Community special school,Not applicable,90,Open,8557001,4", "100004,855,2002,Elm Primary,Community school,Primary,0,Closed,8552002,5"]);
        return picture;
    }

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
        var capacity = WorkforceCapacity.Build(Picture(Posts), new SplitRules());

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
        var split = WorkforceCapacity.Build(Picture(Posts), new SplitRules()).Split;

        Assert.Equal([("FrontLine", 0.8492m, true), ("Enabling", 0.0838m, true), ("Transformation", 0.0670m, true)], split.Select(r => (r.Role, r.Share, r.Meets)));
    }

    [Fact]
    public void Build_TooLittleFrontLine_BreaksTheSplit()
    {
        var posts = Posts.Append("svc-eps,2025-26 Q3,AD2,OTHER,Enabling,1,Filled,30000.00,EAH,,9").ToArray();

        var split = WorkforceCapacity.Build(Picture(posts), new SplitRules()).Split;

        Assert.False(split.Single(r => r.Role == "FrontLine").Meets);
        Assert.False(split.Single(r => r.Role == "Enabling").Meets);
    }

    [Fact]
    public void Build_SettingDays_AgainstThePhaseTargetAndSettingsWithNoSupport()
    {
        var days = WorkforceCapacity.Build(Picture(Posts), new SplitRules()).SettingDays;

        // Open settings only; last quarter's days at Beech High do not count for this one.
        Assert.Equal(["8552001", "8554001", "8557001"], days.Select(d => d.LaEstab));
        Assert.Equal((11.5m, (decimal?)10m, false), (days[0].DaysDelivered, days[0].Target, days[0].NoSupport));
        Assert.Equal((0m, (decimal?)40m, true), (days[1].DaysDelivered, days[1].Target, days[1].NoSupport));
        Assert.Null(days[2].Target);
    }
}
