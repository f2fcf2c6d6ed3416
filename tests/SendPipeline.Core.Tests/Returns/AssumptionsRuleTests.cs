using SendPipeline.Core.Returns.Assumptions;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

public class AssumptionsRuleTests
{
    private static readonly string[] Header = ["Section", "Key", "Scenario", "Value", "Unit", "Note"];

    /// <summary>The shipped defaults as rows (their notes have no commas, so a plain split reads them).</summary>
    private static List<Dictionary<string, string>> DefaultRows()
    {
        using var reader = new StreamReader(AssumptionsDefaults.Open());
        Assert.Equal(string.Join(',', Header), reader.ReadLine());
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            Assert.Equal(Header.Length, cells.Length);
            rows.Add(Header.Zip(cells).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }

    private static ValidationReport Validate(IEnumerable<Dictionary<string, string>> rows, TextWriter? canonical = null) =>
        ReturnFiles.Validate("assumptions", ReturnFiles.Csv(Header, rows), canonical: canonical);

    private static Dictionary<string, string> Find(List<Dictionary<string, string>> rows, string section, string key) =>
        rows.Single(r => r["Section"] == section && r["Key"] == key);

    private static int RowOf(List<Dictionary<string, string>> rows, string section, string key) =>
        rows.IndexOf(Find(rows, section, key)) + 2;

    private static int Append(List<Dictionary<string, string>> rows, string section, string key, string scenario, string value, string unit = "")
    {
        rows.Add(new() { ["Section"] = section, ["Key"] = key, ["Scenario"] = scenario, ["Value"] = value, ["Unit"] = unit, ["Note"] = "" });
        return rows.Count + 1;
    }

    private static int? Set(List<Dictionary<string, string>> rows, string section, string key, string column, string value)
    {
        Find(rows, section, key)[column] = value;
        return RowOf(rows, section, key);
    }

    public static TheoryData<string, string, Severity, string> PlantedDefects() => new()
    {
        // rule id, column, severity, name of the plant
        { "AS1000", "Key", Severity.Error, "unit-cost-missing" },
        { "AS1000", "Key", Severity.Error, "reform-start-missing" },
        { "AS1000", "Key", Severity.Error, "inflation-reform-only" },
        { "AS1100", "Section", Severity.Query, "section-misspelt" },
        { "AS1110", "Key", Severity.Query, "meta-owner" },
        { "AS1200", "Key", Severity.Error, "unit-cost-twice" },
        { "AS1300", "Value", Severity.Error, "inflation-percent" },
        { "AS1300", "Value", Severity.Error, "method-unknown" },
        { "AS1310", "Value", Severity.Error, "inflation-3.5" },
        { "AS1310", "Value", Severity.Error, "cost-zero" },
        { "AS1400", "Scenario", Severity.Error, "scenario-central" },
        { "AS1410", "Scenario", Severity.Error, "reform-effect-for-all" },
        { "AS1420", "Scenario", Severity.Error, "method-for-reform-only" },
        { "AS1110", "Key", Severity.Query, "damping-no-longer-used" },
        { "AS1500", "Unit", Severity.Error, "cost-per-week" },
        { "AS1600", "Key", Severity.Error, "growth-category-unknown" },
        { "AS1120", "Key", Severity.Query, "shift-to-unknown" },
        { "AS1120", "Key", Severity.Query, "old-new-plan-reduction" },
        { "AS1310", "Value", Severity.Error, "ap-reduction-beyond-range" },
        { "AS1500", "Unit", Severity.Error, "lever-as-percent" },
        { "AS1610", "Key", Severity.Error, "line-1.2.12" },
        { "AS1700", "Value", Severity.Error, "format-2" },
        { "AS1710", "Value", Severity.Error, "version-with-slash" },
        { "AS1800", "Value", Severity.Error, "end-before-base" },
        { "AS1810", "Value", Severity.Query, "end-2026-27" },
        { "AS1820", "Value", Severity.Query, "reform-after-end" },
        { "AS1430", "Scenario", Severity.Error, "front-line-for-reform" },
        { "AS1830", "Value", Severity.Error, "outreach-until-before-from" },
        { "AS1310", "Value", Severity.Error, "front-line-80" },
        { "AS1300", "Value", Severity.Error, "outreach-from-2025" },
        { "VAL-001", "Value", Severity.Error, "inflation-blank" },
    };

    /// <summary>Plants a defect in the defaults; returns the row it should be reported at (null: file level).</summary>
    private static int? Plant(string name, List<Dictionary<string, string>> rows)
    {
        switch (name)
        {
            case "unit-cost-missing": rows.Remove(Find(rows, "unit-cost", "INMSS")); return null;
            case "reform-start-missing": rows.Remove(Find(rows, "reform", "start-year")); return null;
            case "inflation-reform-only": Set(rows, "inflation", "all", "Scenario", "reform"); return null;
            case "section-misspelt": return Append(rows, "unitcost", "INMSS", "all", "62000");
            case "meta-owner": return Append(rows, "meta", "owner", "all", "finance");
            case "unit-cost-twice": return Append(rows, "unit-cost", "mms", "baseline", "9500");
            case "inflation-percent": return Set(rows, "inflation", "all", "Value", "3.5%");
            case "method-unknown": return Set(rows, "growth-method", "ehcp", "Value", "damped-trend");
            case "method-for-reform-only": return Set(rows, "growth-method", "ehcp", "Scenario", "reform");
            case "damping-no-longer-used": return Append(rows, "growth-method", "damping", "all", "0.8", "ratio");
            case "inflation-3.5": return Set(rows, "inflation", "all", "Value", "3.5");
            case "cost-zero": return Set(rows, "unit-cost", "OTH", "Value", "0");
            case "scenario-central": return Set(rows, "unit-cost", "FE", "Scenario", "central");
            case "reform-effect-for-all": return Set(rows, "reform", "ap-reduction", "Scenario", "");
            case "old-new-plan-reduction": return Append(rows, "reform", "new-plan-reduction", "reform", "0.1", "ratio");
            case "ap-reduction-beyond-range": return Set(rows, "reform", "ap-reduction", "Value", "0.8");
            case "lever-as-percent": return Set(rows, "reform", "phase-transfer-moved", "Unit", "%");
            case "cost-per-week": return Set(rows, "unit-cost", "INMSS", "Unit", "GBP/placement/week");
            case "growth-category-unknown": return Append(rows, "placement-growth", "INMS", "all", "0.05");
            case "shift-to-unknown": return Append(rows, "reform", "shift-INMSS-to-SEN", "reform", "0.05");
            case "line-1.2.12": return Append(rows, "line-growth", "1.2.12", "all", "0.05");
            case "format-2": return Set(rows, "meta", "format-version", "Value", "2");
            case "version-with-slash": return Set(rows, "meta", "assumptions-version", "Value", "v1/draft");
            case "end-before-base": return Set(rows, "forecast", "end-year", "Value", "2024-25");
            case "end-2026-27": return Set(rows, "forecast", "end-year", "Value", "2026-27");
            case "reform-after-end": return Set(rows, "reform", "start-year", "Value", "2028-29");
            case "inflation-blank": return Set(rows, "inflation", "all", "Value", "");
            case "front-line-for-reform": return Set(rows, "eah-split", "min-front-line", "Scenario", "reform");
            case "outreach-until-before-from": return Set(rows, "eah-split", "outreach-until", "Value", "2024-25");
            case "front-line-80": return Set(rows, "eah-split", "min-front-line", "Value", "80");
            case "outreach-from-2025": return Set(rows, "eah-split", "outreach-from", "Value", "2025");
            default: throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithItsSeverity(string ruleId, string column, Severity severity, string plant)
    {
        var rows = DefaultRows();
        var row = Plant(plant, rows);

        ReturnFiles.Single(Validate(rows), ruleId, row, column, severity);
    }

    [Theory]
    [InlineData("unit-cost-missing", "unit-cost/INMSS is missing for every scenario")]
    [InlineData("reform-start-missing", "reform/start-year is missing for the reform scenario")]
    [InlineData("inflation-reform-only", "inflation/all is missing for the baseline scenario")]
    public void Validate_MissingKey_NamesTheKeyAndTheScenario(string plant, string expected)
    {
        var rows = DefaultRows();
        Plant(plant, rows);

        Assert.Contains(expected, Assert.Single(Validate(rows).Issues, i => i.RuleId == "AS1000").Message);
    }

    [Fact]
    public void Validate_TheShippedDefaults_AreAcceptedWithNoErrorsAndNoQueries()
    {
        var report = ReturnFiles.Validate("assumptions", ReadAll(AssumptionsDefaults.Open()));

        Assert.Empty(report.Issues);
        Assert.Equal(("accepted", DefaultRows().Count, "default-2026-07"), (report.Status, report.RowsRead, report.Period));
    }

    [Fact]
    public void Validate_WithoutTheEahSplitSection_IsAcceptedBecauseTheWorkforceFallsBackToTheDefaults()
    {
        var rows = DefaultRows();
        rows.RemoveAll(r => r["Section"] == "eah-split");

        Assert.Empty(Validate(rows).Issues);
    }

    [Fact]
    public void Validate_ACategorysOwnInflation_IsAKeyOfTheInflationSection()
    {
        var rows = DefaultRows();
        Append(rows, "inflation", "SPI", "all", "0.05", "ratio/year");
        Assert.Empty(Validate(rows).Issues);

        Append(rows, "inflation", "PRU", "all", "0.05", "ratio/year");
        var issue = Assert.Single(Validate(rows).Issues);
        Assert.Equal(Severity.Query, issue.Severity);
        Assert.Contains("PRU", issue.Value);
    }

    [Fact]
    public void Validate_SeparateBaselineAndReformRows_AreNotDuplicates()
    {
        var rows = DefaultRows();
        Set(rows, "unit-cost", "INMSS", "Scenario", "baseline");
        Append(rows, "unit-cost", "INMSS", "reform", "£60,000", "GBP/placement/year");
        Append(rows, "line-growth", "1.2.7", "all", "-0.02", "ratio/year");

        Assert.Empty(Validate(rows).Issues);
    }

    [Fact]
    public void Validate_EveryEhcpForecastMethod_IsAGrowthMethodWrittenAsItsName()
    {
        foreach (var method in SendPipeline.Core.Forecasting.ForecastMethods.All)
        {
            var rows = DefaultRows();
            Set(rows, "growth-method", "ehcp", "Value", method.Name.ToUpperInvariant());
            var canonical = new StringWriter();

            Assert.Empty(Validate(rows, canonical).Issues);
            Assert.Contains($"\ngrowth-method,ehcp,all,{method.Name},,", canonical.ToString());
        }
        Assert.Equal("shrunk-growth", Find(DefaultRows(), "growth-method", "ehcp")["Value"]);
    }

    [Fact]
    public void Canonical_FillsScenarioAndUnitAndWritesMoneyAsInvariantDecimals()
    {
        var rows = DefaultRows();
        var row = Find(rows, "unit-cost", "INMSS");
        (row["Key"], row["Scenario"], row["Value"], row["Unit"]) = ("inmss", "", "£62,000", "");
        var canonical = new StringWriter();

        Assert.Empty(Validate(rows, canonical).Issues);
        Assert.Contains("\nunit-cost,INMSS,all,62000.00,GBP/placement/year,", canonical.ToString());
    }

    [Fact]
    public void Upload_OnlyTheLaMaySendAssumptions()
    {
        var report = ReturnFiles.Validate("assumptions", ReadAll(AssumptionsDefaults.Open()), "svc-eps");

        ReturnFiles.Single(report, "FILE-010", null, null, Severity.Error);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        using (stream) stream.CopyTo(memory);
        return memory.ToArray();
    }
}
