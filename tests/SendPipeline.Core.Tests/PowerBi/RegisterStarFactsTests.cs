using SendPipeline.Core.Picture;
using SendPipeline.Core.PowerBi;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Register;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.PowerBi;

/// <summary>The register's facts in the star: one row each, keyed by pupil key only, with the figures' own measures.</summary>
public class RegisterStarFactsTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly DateOnly Reference = new(2026, 2, 1);

    // PictureBuilder's pupil A: a request on 10 Jan 2025 decided in 41 days, a plan 140 days after the request (within
    // 20 weeks) at URN 100001 (Ash Primary, 8552001), reviewed on 15 Jan 2026, 13 months after the last review (late).
    private static Sen2Register Register() => new(Reference, "855",
    [
        new Sen2Person("9001", PictureBuilder.UpnA, null, new DateOnly(2016, 10, 1), "M", 2,
        [
            new Sen2Request("7001", new DateOnly(2025, 1, 10), "1", false, new DateOnly(2025, 2, 20), "A", false, false, 2,
                [new Sen2Assessment("5001", "Y", new DateOnly(2025, 5, 1), false, false, false, 2,
                    [new Sen2NamedPlan("3001", new DateOnly(2025, 5, 30), null, null, 2,
                        [new Sen2Setting("100001", null, null, 1, false, false, null, null, 2)])])],
                [new Sen2ActivePlan("1001", null, new DateOnly(2026, 1, 15), "M", new DateOnly(2024, 12, 1), null, 2,
                    [new Sen2Setting("100001", null, null, 1, false, false, new DateOnly(2025, 6, 1), null, 2)],
                    [new Sen2Need("ASD", 1, 2)])]),
        ]),
    ]);

    private static StarSchema Build(Sen2Register? register)
    {
        var picture = new PictureBuilder().Build();
        if (register is not null) picture.AddRegister(register, "uploads/la/sen2/extract.zip");
        return StarSchemaBuilder.Build(picture, null, null, WorkforceCapacity.Build(picture, SplitRules.From(picture.Assumptions)),
            DataQualityReport.Build(picture, "855"), new StarSchemaOptions(Secret, null));
    }

    private static object? Cell(StarTable table, int row, string column) => table.Rows[row][table.IndexOf(column)];

    [Fact]
    public void Build_WithARegister_HasARowPerRequestAssessmentPlanAndActivePlan_KeyedByPupilKey()
    {
        var schema = Build(Register());
        using var keys = new PupilKeys(Secret).Open();
        var pupil = keys.Of(PictureBuilder.UpnA).ToString();

        foreach (var name in new[] { "fact_ehc_request", "fact_ehc_assessment", "fact_ehc_plan", "fact_ehc_active_plan" })
            Assert.Equal(pupil, Cell(Assert.Single(schema.Tables, t => t.Name == name), 0, "PupilKey"));
        var plan = schema["fact_ehc_plan"];
        Assert.Equal((140L, true), (Cell(plan, 0, "DaysFromRequest"), Cell(plan, 0, "IssuedWithinTwentyWeeks")));
        Assert.Equal(20250530L, Cell(plan, 0, "IssuedDateKey"));
        Assert.NotEqual(Dimension.Unknown, Cell(plan, 0, "SettingKey"));
        Assert.Equal(true, Cell(schema["fact_ehc_request"], 0, "DecidedWithinSixWeeks"));
        Assert.Equal(false, Cell(schema["fact_ehc_active_plan"], 0, "ReviewInTime"));
    }

    [Fact]
    public void Build_HoldsNoIdentifierOfTheRegister()
    {
        var schema = Build(Register());
        var cells = schema.Tables.SelectMany(t => t.Rows).SelectMany(r => r).OfType<string>().ToHashSet();

        // The UPN, and the case-management system's own ids, which an officer could look the child up by.
        string[] identifiers = [PictureBuilder.UpnA, "9001", "7001", "5001", "3001", "1001"];
        Assert.All(identifiers, id => Assert.DoesNotContain(id, cells));
    }

    [Fact]
    public void Build_WithoutARegister_WritesTheSameTablesEmpty()
    {
        var schema = Build(null);

        Assert.All(new[] { "fact_ehc_request", "fact_ehc_assessment", "fact_ehc_plan", "fact_ehc_active_plan" },
            name => Assert.Empty(schema[name].Rows));
    }
}
