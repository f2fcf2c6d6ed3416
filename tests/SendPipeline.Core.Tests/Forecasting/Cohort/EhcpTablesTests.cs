using System.Text;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

public sealed class EhcpTablesTests
{
    private const string Lead =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
        "new_la_code,old_la_code,la_name,breakdown_topic,breakdown,";

    private static string Settings => string.Join(",", PlacementGroups.Columns);

    private static string Values(int mainstream, int special) => string.Join(",", PlacementGroups.Columns.Select(c =>
        c == "mainstream_la_maintained" ? mainstream : c == "special_la_maintained" ? special : 0));

    private static Func<string, Stream?> Files(Dictionary<string, string> files) =>
        name => files.TryGetValue(name, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null;

    [Fact]
    public void Read_SplitsThePlacementsIntoGroups_WithOtherAsTheRest_AndPrefersCaseloadTotalsToTheAgeFile()
    {
        var files = new Dictionary<string, string>
        {
            [EhcpTables.CaseloadFile] = Lead + "ehcplans," + Settings + "\n" +
                "202223,Academic year,Local authority,E92000001,England,R,East Midlands,E10000018,855,Leicestershire,All EHC plans,All EHC plans,100," + Values(60, 30) + "\n",
            [EhcpTables.AgeFile] =
                "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
                "old_la_code,new_la_code,la_name,characteristic_age,Total_all\n" +
                "2023,Calendar year,Local authority,E,England,R,East Midlands,855,E10000018,Leicestershire,Total,99\n" +
                "2023,Calendar year,Local authority,E,England,R,East Midlands,855,E10000018,Leicestershire,Under 5,9\n" +
                "2022,Calendar year,Local authority,E,England,R,East Midlands,855,E10000018,Leicestershire,Total,90\n",
        };

        var tables = EhcpTables.Read(Files(files));

        Assert.Equal(100, tables.Totals["855"][2022]);
        Assert.Equal(90, tables.Totals["855"][2021]);
        Assert.Equal([9, 0, 0, 0, 0], tables.AgeBands["855"][2022]);
        var split = tables.Placements["855"][2022];
        Assert.Equal(60, split[PlacementGroups.Mainstream.Breakdown]);
        Assert.Equal(30, split[PlacementGroups.MaintainedSpecial.Breakdown]);
        Assert.Equal(10, split[PlacementGroups.Other.Breakdown]);
    }

    [Fact]
    public void Read_TakesTheAgeRowsOfCaseloadCsv_AsAgeBands_WhenTheyAddUpToTheTotal()
    {
        string Row(string period, string topic, string breakdown, int plans) =>
            $"{period},Academic year,Local authority,E,England,R,East Midlands,E10000018,855,Leicestershire,{topic},{breakdown},{plans}," + Values(0, 0) + "\n";
        var files = new Dictionary<string, string>
        {
            [EhcpTables.CaseloadFile] = Lead + "ehcplans," + Settings + "\n" +
                Row("202324", "All EHC plans", "All EHC plans", 100) + Row("202324", "Age", "Under 5", 10) +
                Row("202324", "Age", "Age 5 to 10", 40) + Row("202324", "Age", "age 7", 7)
                    + Row("202324", "Age", "Age 20 to 25", 50) +
                Row("202425", "All EHC plans", "All EHC plans", 100) + Row("202425", "Age", "Age 5 to 10", 40),
        };

        var tables = EhcpTables.Read(Files(files));

        // The single age 7 is inside "Age 5 to 10" already; 2024/25's bands add up to 40 of 100 and are not used.
        Assert.Equal([10, 40, 0, 0, 50], tables.AgeBands["855"][2023]);
        Assert.False(tables.AgeBands["855"].ContainsKey(2024));
        Assert.Equal("caseload.csv: the age rows of Leicestershire 202425 do not add up to its total; not used.",
            Assert.Single(tables.Notes));
    }

    [Fact]
    public void Read_LeavesOutAnLaNewPlanFigureCopiedFromItsRegion_AndSaysSo()
    {
        string Row(string level, string code, string name, int total) =>
            $"2022,Calendar year,{level},E92000001,England,E12000003,Yorkshire and The Humber,,{code},{name},New EHC plans,New EHC plans,{total}," + Values(total / 2, 0) + "\n";
        var files = new Dictionary<string, string>
        {
            [EhcpTables.CaseloadFile] = Lead + "ehcplans," + Settings + "\n",
            [EhcpTables.NewPlansFile] = Lead + "new_ehc_plans," + Settings + "\n" + Row("Regional", "", "", 300) +
                Row("Local authority", "816", "York", 300) + Row("Local authority", "370", "Barnsley", 200),
        };

        var tables = EhcpTables.Read(Files(files));

        Assert.False(tables.NewPlans.GetValueOrDefault("816")?.ContainsKey(2022) ?? false);
        Assert.Equal(200, tables.NewPlans["370"][2022]);
        Assert.Equal("newplans.csv row 3: York 2022 new_ehc_plans 300 is Yorkshire and The Humber's regional figure; read as a gap.",
            Assert.Single(tables.Notes));
    }

    [Fact]
    public void Read_TheDfeFolder_JoinsTheAgeTableFrom2010ToTheCaseloadsTo2023()
    {
        var tables = Tables.Dfe.Value;

        var england = tables.Totals[""];
        Assert.Equal(228221, england[2009]); // January 2010, statements only
        Assert.Equal(353995, england[2018]); // January 2019, the same in both publications
        Assert.Equal(517048, england[2022]); // January 2023
        Assert.Equal(Enumerable.Range(2009, 14), england.Keys.Order());
        Assert.Equal(Enumerable.Range(2009, 13), tables.AgeBands["855"].Keys.Order());
        Assert.Equal(Enumerable.Range(2018, 5), tables.Placements["855"].Keys.Order());
        Assert.Equal(Enumerable.Range(2019, 4), tables.NewPlans["855"].Keys.Order());
        // All 15 Yorkshire and The Humber LAs carry the region's 2022 new plans (6,078) in the 2025 publication.
        Assert.Equal(15, tables.Notes.Count);
        Assert.All(tables.Notes, n => Assert.Contains("6078 is Yorkshire and The Humber's regional figure", n));
    }
}
