using System.Text;
using SendPipeline.Core.Field;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Tests.Forecasting.Cohort;
using static SendPipeline.Core.Tests.Field.FieldTables;

namespace SendPipeline.Core.Tests.Field;

public sealed class LaFieldTests
{
    private const string Lead =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
        "new_la_code,old_la_code,la_name,breakdown_topic,breakdown,";

    private static Func<string, Stream?> Files(Dictionary<string, string> files) =>
        name => files.TryGetValue(name, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null;

    private static string Settings => string.Join(",", PlacementGroups.Columns);

    private static string Values(int mainstream, int special) => string.Join(",", PlacementGroups.Columns.Select(c =>
        c == "mainstream_la_maintained" ? mainstream : c == "special_la_maintained" ? special : 0));

    [Fact]
    public void Read_TakesTwentyWeekFiguresWithAndWithoutExceptions_RegionsApart_AndAnXAsAGap()
    {
        string Row(int year, string level, string region, string code, string name, string issued, string within) =>
            $"{year},Calendar year,{level},E92000001,England,R,{region},E10000018,{code},{name},All EHC plans issued," +
            $"All EHC plans issued,{issued},{issued},{within},{within}\n";
        var files = new Dictionary<string, string>
        {
            [EhcpTables.CaseloadFile] = Lead + "ehcplans," + Settings + "\n",
            [EhcpTables.TimelinessFile] = Lead + "plans_issued_den,plans_issued_den_ex,plans_issued_within_20_weeks," +
                "plans_issued_20_weeks_ex\n" +
                Row(2022, "Local authority", "East Midlands", "855", "Leicestershire", "605", "23") +
                Row(2021, "Local authority", "East Midlands", "855", "Leicestershire", "x", "x") +
                Row(2022, "Regional", "East Midlands", "", "", "4530", "1440") +
                "2022,Calendar year,National,E92000001,England,,,,,,All EHC plans issued,All EHC plans issued," +
                "66000,60000,33000,31000\n",
        };

        var tables = EhcpTables.Read(Files(files));

        var leicestershire = tables.Timeliness["855"][2022];
        Assert.Equal(23, leicestershire.Within);
        Assert.Equal(605, leicestershire.Issued);
        Assert.Equal(23.0 / 605 * 100, leicestershire.Rate);
        Assert.False(tables.Timeliness["855"].ContainsKey(2021));
        Assert.Equal(1440, tables.RegionTimeliness["East Midlands"][2022].Within);
        Assert.Equal(["", "855"], tables.Timeliness.Keys.Order(StringComparer.Ordinal));
        var england = tables.Timeliness[""][2022];
        Assert.Equal(50.0, england.Rate);
        Assert.Equal(31000.0 / 60000 * 100, england.RateExcludingExceptions);
    }

    [Fact]
    public void Read_KeepsRegionalCaseloadsApartFromTheLas_WithEachLasRegionAndEveryOnsCodeItHadBeen()
    {
        string Row(string period, string level, string region, string ons, string code, string name, int plans) =>
            $"{period},Academic year,{level},E92000001,England,R,{region},{ons},{code},{name},All EHC plans," +
            $"All EHC plans,{plans}," + Values(plans / 2, plans / 4) + "\n";
        var files = new Dictionary<string, string>
        {
            [EhcpTables.CaseloadFile] = Lead + "ehcplans," + Settings + "\n" +
                Row("201920", "Local authority", "South East", "E10000002", "825", "Buckinghamshire", 400) +
                Row("202021", "Local authority", "South East", "E06000060", "825", "Buckinghamshire", 440) +
                Row("202021", "Regional", "South East", "", "", "", 8000) +
                Row("202021", "National", "", "", "", "", 100000),
        };

        var tables = EhcpTables.Read(Files(files));

        Assert.Equal(["", "825"], tables.Totals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(8000, tables.RegionTotals["South East"][2020]);
        Assert.Equal(4000, tables.RegionPlacements["South East"][2020][PlacementGroups.Mainstream.Breakdown]);
        Assert.Equal("South East", tables.RegionOf["825"]);
        Assert.Equal("825", tables.CodeOfNewCode["E10000002"]);
        Assert.Equal("825", tables.CodeOfNewCode["E06000060"]);
        Assert.Equal(["825"], tables.LaCodes);
    }

    [Fact]
    public void Build_ShowsTheLaItsNeighboursByRankRegionAndEngland_WithGrowthSharesRatesAndTheNeighboursMeanAndMedian()
    {
        IReadOnlyList<StatisticalNeighbour> list =
        [
            N("E10000018", 2, "E06000066", "Somerset", "Very close"), N("E10000018", 1, "E10000013", "Gloucestershire"),
            N("E10000018", 3, "E06000063", "Cumberland"), N("E10000018", 4, "E06000064", "Westmorland and Furness"),
            N("E10000018", 5, "E09000099", "Nowhere"), N("E10000013", 1, "E10000018", "Leicestershire"),
        ];

        var field = LaField.Build(HandMade(), "855", list);

        Assert.Null(field.Missing);
        Assert.Equal(["Leicestershire", "Gloucestershire", "Somerset", "Cumberland", "East Midlands", "England"],
            field.Areas.Select(a => a.Area.Name));
        Assert.Equal([FieldRoles.Home, FieldRoles.Neighbour, FieldRoles.Neighbour, FieldRoles.Neighbour,
            FieldRoles.Region, FieldRoles.England], field.Areas.Select(a => a.Area.Role));
        Assert.Equal("E10000018", field.Home!.Area.OnsCode);
        Assert.Equal("East Midlands", field.Home.Area.Region);
        // Somerset E06000066 is shown with the county's figures (933), said in its note.
        var somerset = field.Neighbours[1];
        Assert.Equal(("933", 2, "Very close"), (somerset.Area.LaCode, somerset.Area.Rank, somerset.Area.Proximity));
        Assert.Equal("Somerset (E06000066) replaced Somerset (LA 933) in April 2023; its figures to January 2023 " +
            "are that council's", somerset.Area.Note);
        Assert.Equal("909", field.Neighbours[2].Area.LaCode);
        Assert.Contains(field.Notes, n => n.StartsWith(
            "Westmorland and Furness, neighbour 4, has no figures of its own", StringComparison.Ordinal)
            && n.Contains("as neighbour 3 (Cumberland)", StringComparison.Ordinal));
        Assert.Contains("Nowhere (E09000099), neighbour 5, is not in the DfE EHC plan tables: left out.", field.Notes);

        // 1,000 to 1,100 plans is 10% growth; mainstream 550 of 1,100 is 50%; 50 of 100 within 20 weeks, 50 of 80 ex.
        Assert.Equal(10, field.Home.Growth(2022)!.Value, 9);
        Assert.Equal(50, field.Home.Share(2022, PlacementGroups.Mainstream.Breakdown)!.Value, 9);
        Assert.Equal(25, field.Home.Share(2022, PlacementGroups.Other.Breakdown)!.Value, 9);
        Assert.Equal(50, field.Home.Rate(2022));
        Assert.Equal(62.5, field.Home.RateExcludingExceptions(2022));
        Assert.Equal(10, field.Region!.Growth(2022)!.Value, 9);
        Assert.Equal(25, field.Region.Rate(2022));
        Assert.Equal(20, field.England!.Growth(2022)!.Value, 9);
        // Neighbours' growth: Gloucestershire 50%, Somerset 0%, Cumbria -20%: mean 10, median 0.
        var growth = field.AmongNeighbours(a => a.Growth(2022));
        Assert.Equal(3, growth.Count);
        Assert.Equal(10, growth.Mean!.Value, 9);
        Assert.Equal(0, growth.Median!.Value, 9);
        // Rates 60, 20, 90: median 60; plans 300, 400, 80: mean 260.
        Assert.Equal(60, field.AmongNeighbours(a => a.Rate(2022)).Median);
        Assert.Equal(260, field.AmongNeighbours(a => a.PlansIn(2022)).Mean!.Value, 9);
        Assert.Equal([2021, 2022], field.Years);
        Assert.Equal([2022], field.TimelinessYears);
    }

    [Fact]
    public void Build_FindsTheListOfAnLaTheTablesKnowByItsCountyCode_AndNoneForCumbriaWhichWasSplit()
    {
        IReadOnlyList<StatisticalNeighbour> list =
        [
            N("E06000065", 1, "E10000018", "Leicestershire"), N("E06000063", 1, "E10000013", "Gloucestershire"),
            N("E06000064", 1, "E10000027", "Somerset"),
        ];

        var northYorkshire = LaField.Build(HandMade(), "815", list);
        var cumbria = LaField.Build(HandMade(), "909", list);

        Assert.Equal("855", Assert.Single(northYorkshire.Neighbours).Area.LaCode);
        Assert.Empty(cumbria.Neighbours);
        Assert.Contains("Cumbria was split in April 2023 (E06000063 and E06000064); the LAIT 2025 list has " +
            "neighbours for each part and none for Cumbria.", cumbria.Notes);
        Assert.Null(cumbria.Missing);
    }

    [Fact]
    public void Build_SaysWhyThereIsNoField_ForAnLaTheTablesDoNotHave()
    {
        var field = LaField.Build(HandMade(), "999", []);

        Assert.Equal("the DfE EHC plan tables have no figures for LA 999", field.Missing);
        Assert.Null(field.Home);
    }

    [Fact]
    public void Build_OnTheDfeFolder_GivesLeicestershireItsTenLaitNeighbours_EastMidlandsAndEngland()
    {
        var field = LaField.Build(Tables.Dfe.Value, "855");

        Assert.Equal(["916", "803", "937", "802", "850", "865", "933", "938", "811", "891"],
            field.Neighbours.Select(n => n.Area.LaCode));
        Assert.Equal(Enumerable.Range(1, 10), field.Neighbours.Select(n => n.Area.Rank!.Value));
        Assert.All(field.Neighbours, n => Assert.Equal("Very close", n.Area.Proximity));
        Assert.NotNull(field.Neighbours[6].Area.Note); // Somerset: the county's figures
        Assert.Equal("East Midlands", field.Region!.Area.Name);
        Assert.Equal(6201, field.Home!.PlansIn(2022));
        Assert.Equal(36950, field.Region.PlansIn(2022));
        Assert.Equal(517048, field.England!.PlansIn(2022));
        Assert.Equal(23, field.Home.Timeliness[2022].Within);
        Assert.Equal(1440, field.Region.Timeliness[2022].Within);
        Assert.Equal([2019, 2020, 2021, 2022], field.TimelinessYears);
        Assert.Equal(100, PlacementGroups.All.Sum(g => field.Home.Share(2022, g.Breakdown)!.Value), 9);
        Assert.Empty(field.Notes);
    }

    [Fact]
    public void TheShippedList_HasTenNeighboursForEach_Of153Las_AndTrimsTheProximity()
    {
        var all = StatisticalNeighbours.All;

        Assert.Equal(1530, all.Count);
        Assert.Equal(153, all.Select(n => n.LaCode).Distinct().Count());
        Assert.All(all.GroupBy(n => n.LaCode),
            g => Assert.Equal(Enumerable.Range(1, 10), g.Select(n => n.Rank).Order()));
        Assert.Equal(["Close", "Extremely close", "Not close", "Somewhat close", "Very close"],
            all.Select(n => n.Proximity).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("Gloucestershire", StatisticalNeighbours.Of("E10000018")[0].NeighbourName);
    }

    [Fact]
    public void Read_NamesTheRowAndColumn_OfABadRank()
    {
        var text = new StringReader("la_code,la_name,SN,SN_code,SN_name,SN_prox\nE1,A,eleven,E2,B,Close\n");

        var error = Assert.Throws<InvalidDataException>(() => StatisticalNeighbours.Read(text, "sn.csv"));

        Assert.Equal("sn.csv row 2, column SN: 'eleven' is not a rank from 1 to 10.", error.Message);
    }
}
