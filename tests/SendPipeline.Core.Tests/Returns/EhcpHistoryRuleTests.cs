using System.Text;
using SendPipeline.Core.Tests.Validation;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

public class EhcpHistoryRuleTests
{
    // A cut of the DfE header, with columns the return ignores (time_identifier, country_code, the _pc percentages).
    private static readonly string[] Header =
    [
        "time_period", "time_identifier", "geographic_level", "country_code", "region_code", "region_name", "new_la_code",
        "old_la_code", "la_name", "breakdown_topic", "breakdown", "ehcplans", "mainstream_total", "special_independent",
        "special_total", "AP_PRU_total_pc", "fe_total",
    ];

    /// <summary>Rows 2–5: England, the East Midlands, Leicestershire, Leicester.</summary>
    private static List<Dictionary<string, string>> CleanRows() =>
    [
        Row("National", "", "", "", "", "", "353995"),
        Row("Regional", "E12000004", "East Midlands", "", "", "", "30000"),
        Row("Local authority", "E12000004", "East Midlands", "E10000018", "855", "Leicestershire", "4222"),
        Row("Local authority", "E12000004", "East Midlands", "E06000016", "856", "Leicester", "x"),
    ];

    private static Dictionary<string, string> Row(string level, string regionCode, string regionName, string newCode, string oldCode, string name, string plans) => new()
    {
        ["time_period"] = "201819", ["time_identifier"] = "Academic year", ["geographic_level"] = level, ["country_code"] = "E92000001",
        ["region_code"] = regionCode, ["region_name"] = regionName, ["new_la_code"] = newCode, ["old_la_code"] = oldCode, ["la_name"] = name,
        ["breakdown_topic"] = "All EHC plans", ["breakdown"] = "All EHC plans", ["ehcplans"] = plans, ["mainstream_total"] = "1715",
        ["special_independent"] = "362", ["special_total"] = "z", ["AP_PRU_total_pc"] = "0.4", ["fe_total"] = "low",
    };

    private static ValidationReport Validate(IEnumerable<Dictionary<string, string>> rows, TextWriter? canonical = null)
    {
        var (report, text) = ReturnFiles.ValidateZipped("ehcp-history",
            new UTF8Encoding(false).GetBytes(ReturnFiles.Csv(Header, rows)), "caseload.csv");
        canonical?.Write(text);
        return report;
    }

    public static TheoryData<string, int, string, Severity, string> PlantedDefects() => new()
    {
        // rule id, row, column, severity, name of the plant
        { "EH1000", 4, "time_period", Severity.Error, "period-slashes" },
        { "EH1000", 4, "time_period", Severity.Error, "period-not-consecutive" },
        { "EH1100", 3, "geographic_level", Severity.Error, "level-country" },
        { "EH1200", 5, "old_la_code", Severity.Error, "la-999" },
        { "EH1210", 3, "old_la_code", Severity.Error, "la-on-region" },
        { "EH1300", 4, "ehcplans", Severity.Error, "plans-decimal" },
        { "EH1300", 4, "special_independent", Severity.Error, "placement-negative" },
        { "EH1310", 4, "ehcplans", Severity.Error, "la-total-blank" },
        { "EH1400", 6, "breakdown", Severity.Error, "la-twice" },
        { "EH1400", 6, "breakdown", Severity.Error, "region-twice" },
        { "VAL-001", 4, "old_la_code", Severity.Error, "la-code-blank" },
        { "VAL-001", 5, "la_name", Severity.Error, "la-name-blank" },
    };

    private static void Plant(string name, List<Dictionary<string, string>> rows)
    {
        switch (name)
        {
            case "period-slashes": rows[2]["time_period"] = "2018/19"; break;
            case "period-not-consecutive": rows[2]["time_period"] = "201820"; break;
            case "level-country": rows[1]["geographic_level"] = "Country"; break;
            case "la-999": rows[3]["old_la_code"] = "999"; break;
            case "la-on-region": rows[1]["old_la_code"] = "855"; break;
            case "plans-decimal": rows[2]["ehcplans"] = "4222.5"; break;
            case "placement-negative": rows[2]["special_independent"] = "-3"; break;
            case "la-total-blank": rows[2]["ehcplans"] = ""; break;
            case "la-twice": rows.Add(new(rows[2])); break;
            case "region-twice": rows.Add(new(rows[1])); break;
            case "la-code-blank": rows[2]["old_la_code"] = ""; break;
            case "la-name-blank": rows[3]["la_name"] = ""; break;
            default: throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, int row, string column, Severity severity, string plant)
    {
        var rows = CleanRows();
        Plant(plant, rows);

        ReturnFiles.Single(Validate(rows), ruleId, row, column, severity);
    }

    [Fact]
    public void Validate_DuplicateRow_NamesTheFirstRow() =>
        Assert.Contains("row 4", Assert.Single(Validate([.. CleanRows(), CleanRows()[2]]).Issues).Message);

    [Fact]
    public void Validate_CleanFile_IsAcceptedWithNoIssuesAndTheLatestYearAsPeriod()
    {
        var later = CleanRows().Select(r => new Dictionary<string, string>(r) { ["time_period"] = "202223" });

        var report = Validate([.. CleanRows(), .. later]);

        Assert.Equal(("accepted", 8), (report.Status, report.RowsRead));
        Assert.Empty(report.Issues);
        Assert.Equal("202223", report.Period);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("z")]
    [InlineData("c")]
    [InlineData("low")]
    [InlineData("u")]
    [InlineData("0")]
    public void Validate_DfeSymbolsAndZero_AreAcceptedCounts(string count)
    {
        var rows = CleanRows();
        rows[2]["ehcplans"] = count;
        rows[2]["fe_total"] = count;

        Assert.Empty(Validate(rows).Issues);
    }

    [Fact]
    public void Validate_BlankCountsOutsideALocalAuthorityTotal_AreAllowed()
    {
        var rows = CleanRows();
        rows[0]["ehcplans"] = "";
        rows[2]["mainstream_total"] = "";

        Assert.Empty(Validate(rows).Issues);
    }

    [Fact]
    public void Canonical_KeepsOnlyTheColumnsTheForecastsUseWithSymbolsAsWritten()
    {
        var canonical = new StringWriter();
        Validate(CleanRows().Take(3).Skip(2), canonical);

        var lines = canonical.ToString().Split('\n');
        Assert.Equal(
            "time_period,geographic_level,region_code,region_name,old_la_code,new_la_code,la_name,breakdown_topic,breakdown,ehcplans," +
            "mainstream_total,special_la_maintained,special_academy_free,special_independent,special_non_maintained,special_total," +
            "ap_pru_total,general_fe_tertiary_colleges,specialist_post_16_institutions,fe_total,other_arrangements_la," +
            "mainstream_la_maintained,mainstream_academy,mainstream_free_school,mainstream_independent," +
            "mainstream_la_maintained_resourced_provision,mainstream_la_maintained_senunit," +
            "mainstream_academy_resourced_provision,mainstream_academy_senunit," +
            "mainstream_free_school_resourced_provision,mainstream_free_school_senunit,SourceRow", lines[0]);
        Assert.Equal("201819,Local authority,E12000004,East Midlands,855,E10000018,Leicestershire,All EHC plans,All EHC plans," +
            "4222,1715,,,362,,z,,,,low,,,,,,,,,,,,2", lines[1]);
    }

    [Fact]
    public void Validate_TheDfeFileAsPublished_IsAcceptedWithNoIssues()
    {
        var bytes = File.ReadAllBytes(Repo.Shared("data/dfe-ehcp-caseload-201819-202223.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var (report, canonical) = ReturnFiles.ValidateZipped("ehcp-history", bytes, "caseload.csv");

        Assert.Empty(report.Issues);
        Assert.Equal(("accepted", 808, "202223"), (report.Status, report.RowsRead, report.Period));
        // Spec 4.7: Leicestershire had 6,201 EHC plans in January 2023.
        Assert.Contains(canonical.Split('\n'), l => l.StartsWith("202223,Local authority,") && l.Contains(",855,") && l.Contains(",6201,"));
    }

    [Fact]
    public void Upload_ASchoolMayNotSendEhcpHistory()
    {
        var report = ReturnFiles.Validate("ehcp-history", Encoding.UTF8.GetBytes(ReturnFiles.Csv(Header, CleanRows())), "8552001");

        ReturnFiles.Single(report, "FILE-010", null, null, Severity.Error);
    }
}
