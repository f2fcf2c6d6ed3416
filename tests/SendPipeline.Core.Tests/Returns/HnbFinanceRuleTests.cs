using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

public class HnbFinanceRuleTests
{
    private static readonly string[] Header = ["FinancialYear", "S251Line", "Basis", "Amount", "Note"];

    private static Dictionary<string, string> Row(string year, string line, string basis, string amount, string note = "") => new()
    {
        ["FinancialYear"] = year, ["S251Line"] = line, ["Basis"] = basis, ["Amount"] = amount, ["Note"] = note,
    };

    private static ValidationReport Validate(params Dictionary<string, string>[] rows) =>
        ReturnFiles.Validate("hnb-finance", ReturnFiles.Csv(Header, rows));

    /// <summary>A clean row 2, then the row under test at row 3.</summary>
    private static ValidationReport ValidateWith(Action<Dictionary<string, string>> plant)
    {
        var row = Row("2024-25", "1.2.2", "Actual", "1000");
        plant(row);
        return Validate(Row("2024-25", "1.2.3", "Actual", "£12,345,678.90"), row);
    }

    public static TheoryData<string, string, Severity, string, string> PlantedDefects() => new()
    {
        // rule id, column, severity, column planted, value planted
        { "HF1000", "FinancialYear", Severity.Error, "FinancialYear", "2024/25" },
        { "HF1000", "FinancialYear", Severity.Error, "FinancialYear", "2024-26" },
        { "HF1100", "S251Line", Severity.Error, "S251Line", "1.2.12" },
        { "HF1200", "Basis", Severity.Error, "Basis", "Outturn" },
        { "HF1300", "Amount", Severity.Error, "Amount", "-£500.00" },
        { "HF1400", "S251Line", Severity.Error, "S251Line", "1.2.3" },
        { "VAL-001", "Basis", Severity.Error, "Basis", "" },
        { "VAL-004", "Amount", Severity.Error, "Amount", "12k" },
    };

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, string column, Severity severity, string planted, string value)
    {
        var report = ValidateWith(r => r[planted] = value);

        ReturnFiles.Single(report, ruleId, 3, column, severity);
    }

    [Fact]
    public void Validate_DuplicateLine_NamesTheFirstRow()
    {
        var report = ValidateWith(r => r["S251Line"] = "1.2.3");

        Assert.Contains("row 2", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void Validate_CleanFile_IsAcceptedWithNoIssuesAndItsSpanOfYearsAsPeriod()
    {
        var report = Validate(
            Row("2023-24", "1.0.2", "Actual", "-4,200,000", "Place-funding deductions, academies"),
            Row("2024-25", "1.2.3", "Actual", "£21,500,000.50"),
            Row("2024-25", "1.2.3", "Budget", "20000000"),
            Row("2025-26", "1.2.3", "Forecast", "0"),
            Row("2024-25", "1.2.13", "actual", "350000"));

        Assert.Equal(("accepted", 5), (report.Status, report.RowsRead));
        Assert.Empty(report.Issues);
        Assert.Equal("2023-24_to_2025-26", report.Period);
    }

    [Fact]
    public void Validate_OneYear_IsThePeriod() =>
        Assert.Equal("2024-25", Validate(Row("2024-25", "1.2.1", "Budget", "1")).Period);

    [Fact]
    public void Canonical_HasSpecColumnsAndMoneyAsInvariantDecimalsWithTwoPlaces()
    {
        var canonical = new StringWriter();
        ReturnFiles.Validate("hnb-finance", ReturnFiles.Csv(Header, [Row("2024-25", "1.0.2", "forecast", "-£1,234.5", "a, b")]), canonical: canonical);

        Assert.Equal("FinancialYear,S251Line,Basis,Amount,Note,SourceRow\n2024-25,1.0.2,Forecast,-1234.50,\"a, b\",2\n", canonical.ToString());
    }

    [Theory]
    [InlineData("8552001", "rejected")]
    [InlineData("la", "accepted")]
    public void Upload_OnlyTheLaMaySendHnbFinance(string submitter, string status)
    {
        var report = ReturnFiles.Validate("hnb-finance", ReturnFiles.Csv(Header, [Row("2024-25", "1.2.1", "Actual", "1")]), submitter);

        Assert.Equal(status, report.Status);
        if (status == "rejected") ReturnFiles.Single(report, "FILE-010", null, null, Severity.Error);
        else Assert.Empty(report.Issues);
    }
}
