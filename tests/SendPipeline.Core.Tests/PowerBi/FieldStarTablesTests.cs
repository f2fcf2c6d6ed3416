using SendPipeline.Core.Field;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Picture;
using SendPipeline.Core.PowerBi;
using SendPipeline.Core.Tests.Field;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.PowerBi;

/// <summary>The LA in its field as star tables, on the hand-made field of <see cref="FieldTables"/>.</summary>
public sealed class FieldStarTablesTests
{
    private static StarSchema Build(LaField? field)
    {
        var picture = new LaPicture();
        return StarSchemaBuilder.Build(picture, null, null, WorkforceCapacity.Build(picture, SplitRules.Defaults),
            DataQualityReport.Build(picture, "855"), new StarSchemaOptions(new byte[32]), field);
    }

    private static object?[] Row(StarTable table, params object?[] leading) =>
        table.Rows.Single(r => leading.Select((v, i) => Equals(r[i], v)).All(b => b));

    [Fact]
    public void Build_GivesEachAreaAKeyInShownOrder_WithRankClosenessAndWhyItsFiguresAreAnotherCouncils()
    {
        var area = Build(FieldTables.Leicestershire())[FieldStarTables.AreaTable];

        Assert.Equal("FieldAreaKey", area.Key);
        Assert.Equal(
            ["Unknown", "Leicestershire", "Gloucestershire", "Somerset", "Cumberland", "East Midlands", "England"],
            area.Rows.Select(r => r[area.IndexOf("Area")]));
        Assert.Equal([0L, 1L, 2L, 3L, 4L, 5L, 6L], area.Rows.Select(r => r[0]));
        var somerset = area.Rows[3];
        Assert.Equal([3L, "Somerset", FieldRoles.Neighbour, 2L, "Very close", "933", "E06000066", "South West", 3L,
            "Somerset (E06000066) replaced Somerset (LA 933) in April 2023; its figures to January 2023 are that " +
            "council's"], somerset);
        Assert.Equal([1L, "Leicestershire", FieldRoles.Home, null, null, "855", "E10000018", "East Midlands", 1L, null],
            area.Rows[1]);
    }

    [Fact]
    public void Build_FactsHoldEachAreasPlansGrowthPlacementGroupsAndTwentyWeekFigures_EveryKeyResolving()
    {
        var schema = Build(FieldTables.Leicestershire());
        var (caseload, placement, timeliness) =
            (schema["fact_field_caseload"], schema["fact_field_placement"], schema["fact_field_timeliness"]);

        // Leicestershire (key 1): 1,000 in January 2022, 1,100 in January 2023 (census day 19 January), +10%.
        Assert.Equal([1L, "202122", 20220120L, 1000L, null], Row(caseload, 1L, "202122"));
        Assert.Equal([1L, "202223", 20230119L, 1100L, 10m], Row(caseload, 1L, "202223"));
        Assert.Equal(-20m, Row(caseload, 4L, "202223")[4]); // Cumberland: Cumbria's 100 to 80
        Assert.Equal(12, caseload.Rows.Count); // six areas, two Januaries
        // Seven groups for each of the six areas' one January; Leicestershire's add up to its plans.
        Assert.Equal(6 * PlacementGroups.All.Count, placement.Rows.Count);
        Assert.Equal(1100L, placement.Rows.Where(r => (long)r[0]! == 1).Sum(r => (long)r[6]!));
        Assert.Equal(550L, Row(placement, 1L, "202223", 20230119L, PlacementGroups.Mainstream.Breakdown)[6]);
        Assert.Equal([6L, 2022L, 1000L, 500L, 900L, 500L], Row(timeliness, 6L));
        Assert.Equal(6, timeliness.Rows.Count);

        var keys = schema[FieldStarTables.AreaTable].Rows.Select(r => (long)r[0]!).ToHashSet();
        foreach (var fact in new[] { caseload, placement, timeliness })
        {
            Assert.All(fact.Rows, r => Assert.Contains((long)r[0]!, keys));
            Assert.Contains(schema.Relationships, r => r.Fact == fact.Name && r.Column == "FieldAreaKey"
                && r.Dimension == FieldStarTables.AreaTable);
            Assert.DoesNotContain(fact.Columns, c => c.Name == "PupilKey");
        }
        var dates = schema["dim_date"].Rows.Select(r => (long)r[0]!).ToHashSet();
        Assert.All(caseload.Rows.Concat(placement.Rows), r => Assert.Contains((long)r[2]!, dates));
    }

    [Fact]
    public void Build_WithNoDfeTablesInForce_WritesTheSameTablesEmpty_ButForTheUnknownArea()
    {
        var schema = Build(null);

        Assert.Equal([0L], schema[FieldStarTables.AreaTable].Rows.Select(r => r[0]));
        Assert.Empty(schema["fact_field_caseload"].Rows);
        Assert.Empty(schema["fact_field_placement"].Rows);
        Assert.Empty(schema["fact_field_timeliness"].Rows);
        Assert.Contains(StarSchemaShape.All().Tables, t => t.Name == "fact_field_timeliness");
    }

    [Fact]
    public void TheHandWrittenMeasures_NameOnlyColumnsTheFieldTablesHave()
    {
        var measures = File.ReadAllText(Repo.File(
            "docs/powerbi/SendPipeline.SemanticModel/definition/tables/Measures.tmdl"));
        var schema = StarSchemaShape.All();

        var used = System.Text.RegularExpressions.Regex.Matches(measures, @"(fact_field_\w+)\[(\w+)\]")
            .Select(m => (Table: m.Groups[1].Value, Column: m.Groups[2].Value)).Distinct().ToList();

        Assert.Equal(12, used.Count);
        Assert.All(used, u => Assert.True(schema[u.Table].IndexOf(u.Column) >= 0, $"{u.Table}[{u.Column}]"));
    }
}
