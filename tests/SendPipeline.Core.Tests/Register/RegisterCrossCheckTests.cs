using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Register;

namespace SendPipeline.Core.Tests.Register;

/// <summary>
/// The LA's register against the picture of <see cref="PictureBuilder"/>: pupils A (Ash Primary, URN 100001) and
/// C (Oak Special, URN 123456, also placed there) have EHC plans on the 2026-01-15 census, and the register of
/// 2026-02-01 holds exactly those two plans at those settings. Each test changes one thing.
/// </summary>
public class RegisterCrossCheckTests
{
    private static readonly DateOnly Reference = new(2026, 2, 1);
    private const string RegisterPath = "uploads/la/sen2/extract.zip";

    private static Sen2Person Person(string id, string? upn, int row, params Sen2Setting[] placements) =>
        new(id, upn, null, new DateOnly(2016, 10, 1), "M", row,
        [
            new Sen2Request("R" + id, new DateOnly(2020, 1, 10), "SC", false, new DateOnly(2020, 2, 1), "A", false, false, row,
                [new Sen2Assessment("A" + id, "I", new DateOnly(2020, 5, 1), false, false, false, row,
                    [new Sen2NamedPlan("P" + id, new DateOnly(2020, 5, 20), null, null, row, [])])],
                [new Sen2ActivePlan("AP" + id, null, null, null, null, null, row, placements, [new Sen2Need("ASD", 1, row)])]),
        ]);

    private static Sen2Setting At(string? urn, int row, string? code = null) =>
        new(urn, null, code, 1, false, false, new DateOnly(2021, 9, 1), null, row);

    private static List<Sen2Person> Consistent() =>
    [
        Person("1", PictureBuilder.UpnA, 2, At("100001", 2)),
        Person("3", PictureBuilder.UpnC, 3, At("123456", 3)),
    ];

    private static IReadOnlyList<DataQualityIssue> Run(PictureBuilder picture, List<Sen2Person> people) =>
        RegisterCrossChecks.Run(picture.Build(), new Sen2Register(Reference, "855", people), RegisterPath, "855", null);

    [Fact]
    public void Run_RegisterAgreesWithCensusAndPlacements_RaisesNothing() =>
        Assert.Empty(Run(new PictureBuilder(), Consistent()));

    [Fact]
    public void Run_ActivePlanOnNoCensusAndInNoPlacement_PointsAtTheRegistersPersonRow()
    {
        var people = Consistent();
        people.Add(Person("4", Upn.Create("855200125009"), 4, At("100001", 4)));

        var issue = Assert.Single(Run(new PictureBuilder(), people));

        Assert.Equal(("XR1011", "la", "sen2", RegisterPath, 4, "person", "upn"),
            (issue.RuleId, issue.Submitter, issue.ReturnType, issue.File, issue.Row, issue.Part, issue.Column));
        Assert.Contains("URN 100001", issue.Message);
        Assert.DoesNotContain(people[^1].Upn!, issue.Message);
    }

    [Fact]
    public void Run_SettingNoneOfWhoseChildrenIsAnywhere_IsOneFindingForTheSetting()
    {
        var people = Consistent();
        for (var i = 4; i <= 6; i++) people.Add(Person(i.ToString(), Upn.Create($"85520012500{i}"), i, At("777777", i)));

        var issue = Assert.Single(Run(new PictureBuilder(), people));

        Assert.Equal(("XR1015", "sen2", "placementdetail", (int?)null), (issue.RuleId, issue.ReturnType, issue.Part, issue.Row));
        Assert.StartsWith("3 children with active EHC plans are placed at URN 777777", issue.Message);
    }

    [Theory]
    [InlineData("EHE")]
    [InlineData("NEET")]
    public void Run_ActivePlanOutsideAnySchoolOrProvider_IsNotChased(string setting)
    {
        var people = Consistent();
        people.Add(Person("4", Upn.Create("855200125009"), 4, At(null, 4, setting)));

        Assert.Empty(Run(new PictureBuilder(), people));
    }

    [Fact]
    public void Run_CensusPlanMissingFromRegister_PointsAtTheCensusRow()
    {
        var people = Consistent();
        people.RemoveAt(0);

        var issue = Assert.Single(Run(new PictureBuilder(), people));

        Assert.Equal(("XR1012", "8552001", "school-census", 2, "SENProvision"),
            (issue.RuleId, issue.Submitter, issue.ReturnType, issue.Row, issue.Column));
        Assert.Contains("2026-02-01", issue.Message);
    }

    [Fact]
    public void Run_AnotherLasSchoolsCensusPupilWithAPlan_IsNotOursToFindInTheRegister()
    {
        // A regional store holds every LA's censuses; a pupil at Leicester's school (856) has Leicester's plan.
        var picture = new PictureBuilder();
        picture.Census2.Add($"8562001,2026-01-15,{Upn.Create("856200125004")},2012-01-01,M,8,E,SLD,,N,N,Y,,3");

        Assert.Empty(Run(picture, Consistent()));
    }

    [Fact]
    public void Run_PlanCeasedBeforeTheCensus_DoesNotCountAsInForce()
    {
        var people = Consistent();
        var a = people[0];
        var request = a.Requests[0];
        var ceased = request.Assessments[0].Plans[0] with { CeaseDate = new DateOnly(2025, 12, 1), CeaseReason = "2" };
        people[0] = a with
        {
            Requests = [request with { ActivePlans = [], Assessments = [request.Assessments[0] with { Plans = [ceased] }] }],
        };

        Assert.Contains(Run(new PictureBuilder(), people), i => i.RuleId == "XR1012" && i.Row == 2);
    }

    [Fact]
    public void Run_PlacementWithAnotherProviderThanTheRegister_PointsAtThePlacementRow()
    {
        var people = Consistent();
        people[1] = Person("3", PictureBuilder.UpnC, 3, At("654321", 7));

        var issue = Assert.Single(Run(new PictureBuilder(), people));

        Assert.Equal(("XR1013", "123456", "placements", 2, "ProviderId"),
            (issue.RuleId, issue.Submitter, issue.ReturnType, issue.Row, issue.Column));
        Assert.Contains("URN 654321 (placementdetail row 7)", issue.Message);
    }

    [Fact]
    public void Run_RegisterFarFromThePublishedCaseload_IsAQueryOnTheRegister()
    {
        var picture = new PictureBuilder();
        picture.History.Add("202526,Local authority,855,E10000018,Leicestershire,All EHC plans,All EHC plans,100,3");

        var issue = Assert.Single(Run(picture, Consistent()));

        Assert.Equal(("XR1014", "sen2", "activeplans"), (issue.RuleId, issue.ReturnType, issue.Part));
        Assert.Contains("2 active EHC plans against 100 in the DfE statistics for 2025/26", issue.Message);
    }

    [Fact]
    public void Run_RegisterWithinTheToleranceOfThePublishedCaseload_IsQuiet()
    {
        var picture = new PictureBuilder();
        picture.History.Add("202526,Local authority,855,E10000018,Leicestershire,All EHC plans,All EHC plans,2,3");

        Assert.Empty(Run(picture, Consistent()));
    }
}
