using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Tests.Rows;

namespace SendPipeline.Core.Tests.Returns;

public class SchoolCensusRuleTests
{
    public static TheoryData<string, string, string?, Severity, string> PlantedDefects() => new()
    {
        // rule id, column, row (null = file level), severity, name of the plant
        { "SC1000", "LAEstab", "3", Severity.Error, "laestab-6-digits" },
        { "SC1001", "LAEstab", null, Severity.Error, "laestab-other-school" },
        { "SC1002", "LAEstab", null, Severity.Error, "laestab-other-la" },
        { "SC1100", "CensusDate", "3", Severity.Error, "census-date-differs" },
        { "SC1500", "UPN", "3", Severity.Error, "upn-12-chars" },
        { "SC1510", "UPN", "3", Severity.Error, "upn-check-letter" },
        { "SC1520", "UPN", "3", Severity.Error, "upn-duplicate" },
        { "SC1530", "UPN", "3", Severity.Error, "upn-la-code" },
        { "SC1540", "UPN", "3", Severity.Error, "upn-not-numeric" },
        { "SC1550", "UPN", "3", Severity.Error, "upn-last-char" },
        { "SC1560", "UPN", "3", Severity.Query, "upn-temporary" },
        { "SC1600", "DOB", "3", Severity.Error, "age-1" },
        { "SC1600", "DOB", "3", Severity.Error, "age-26" },
        { "SC1700", "Sex", "3", Severity.Error, "sex-x" },
        { "SC1800", "NCYearActual", "3", Severity.Error, "ncyear-15" },
        { "SC1810", "NCYearActual", "3", Severity.Query, "ncyear-9-aged-9" },
        { "SC1900", "SENProvision", "3", Severity.Error, "provision-s" },
        { "SC2000", "SENType1", "3", Severity.Error, "type1-blank-with-e" },
        { "SC2010", "SENType1", "3", Severity.Error, "type1-unknown" },
        { "SC2020", "SENType1", "3", Severity.Error, "type1-with-n" },
        { "SC2020", "SENType2", "3", Severity.Error, "type2-with-n" },
        { "SC2030", "SENType1", "3", Severity.Error, "nsa-with-e" },
        { "SC2100", "SENType2", "3", Severity.Error, "type2-unknown" },
        { "SC2110", "SENType2", "3", Severity.Error, "type2-nsa" },
        { "SC2120", "SENType2", "3", Severity.Error, "type2-same" },
        { "SC2200", "ResourcedProvisionIndicator", "3", Severity.Error, "unit-and-rp" },
        { "SC2300", "TopUpFunding", "3", Severity.Error, "topup-with-n" },
        { "SC2400", "EntryDate", "3", Severity.Error, "entry-after-census" },
        { "VAL-001", "DOB", "3", Severity.Error, "dob-blank" },
        { "VAL-002", "DOB", "3", Severity.Error, "dob-us-order" },
        { "VAL-002", "CensusDate", "3", Severity.Error, "census-date-slashes-iso" },
        { "VAL-003", "TopUpFunding", "3", Severity.Error, "topup-maybe" },
    };

    private static void Plant(string name, Dictionary<string, string> row)
    {
        switch (name)
        {
            case "laestab-6-digits": row["LAEstab"] = "855200"; break;
            case "laestab-other-school": row["LAEstab"] = "8552002"; break;
            case "laestab-other-la": row["LAEstab"] = "8562001"; break;
            case "census-date-differs": row["CensusDate"] = "2026-05-21"; break;
            case "upn-12-chars": row["UPN"] = row["UPN"][..12]; break;
            case "upn-check-letter": row["UPN"] = (row["UPN"][0] == 'A' ? "B" : "A") + row["UPN"][1..]; break;
            case "upn-duplicate": row["UPN"] = CensusFiles.ValidUpn(1); break;
            case "upn-la-code": row["UPN"] = Upn.Create("999200125002"); break;
            case "upn-not-numeric": row["UPN"] = "A8552001X5002"; break;
            case "upn-last-char": row["UPN"] = "A85520012500I"; break;
            case "upn-temporary": row["UPN"] = Upn.Create("85520012500A"); break;
            case "age-1": row["DOB"] = "2025-01-01"; row["NCYearActual"] = "N1"; break;
            case "age-26": row["DOB"] = "1999-01-01"; row["NCYearActual"] = "14"; break;
            case "sex-x": row["Sex"] = "X"; break;
            case "ncyear-15": row["NCYearActual"] = "15"; break;
            case "ncyear-9-aged-9": row["NCYearActual"] = "9"; break;
            case "provision-s": row["SENProvision"] = "S"; break;
            case "type1-blank-with-e": row["SENProvision"] = "E"; row["SENType1"] = ""; break;
            case "type1-unknown": row["SENType1"] = "ADHD"; break;
            case "type1-with-n": row["SENProvision"] = "N"; break;
            case "type2-with-n": row["SENProvision"] = "N"; row["SENType1"] = ""; row["SENType2"] = "ASD"; break;
            case "nsa-with-e": row["SENProvision"] = "E"; row["SENType1"] = "NSA"; break;
            case "type2-unknown": row["SENType2"] = "XYZ"; break;
            case "type2-nsa": row["SENType2"] = "NSA"; break;
            case "type2-same": row["SENType2"] = "SLCN"; break;
            case "unit-and-rp": row["SENUnitIndicator"] = "Y"; row["ResourcedProvisionIndicator"] = "Yes"; break;
            case "topup-with-n": row["SENProvision"] = "N"; row["SENType1"] = ""; row["TopUpFunding"] = "Y"; break;
            case "entry-after-census": row["EntryDate"] = "2026-01-16"; break;
            case "dob-blank": row["DOB"] = ""; break;
            case "dob-us-order": row["DOB"] = "10/25/2016"; break;
            case "census-date-slashes-iso": row["CensusDate"] = "2026/01/15"; break;
            case "topup-maybe": row["TopUpFunding"] = "maybe"; break;
            default: throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, string column, string? row, Severity severity, string plant)
    {
        var report = CensusFiles.ValidateWith(r => Plant(plant, r));

        ReturnFiles.Single(report, ruleId, row is null ? null : int.Parse(row), column, severity);
    }

    [Fact]
    public void Validate_CleanFile_IsAcceptedWithNoIssues()
    {
        var report = CensusFiles.Validate(CensusFiles.Csv(Enumerable.Range(1, 50).Select(i => (IReadOnlyDictionary<string, string>)CensusFiles.CleanRow(i))));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
        Assert.Equal(50, report.RowsRead);
        Assert.Equal("2026-01-15", report.Period);
    }

    [Theory]
    [InlineData("SENProvision", "E", "SENType1", "ASD")]
    [InlineData("SENProvision", "N", "SENType1", "")]
    [InlineData("NCYearActual", "X", "SENType2", "")]
    [InlineData("NCYearActual", "5", "SENType2", "SEMH")]
    [InlineData("DOB", "15/03/2016", "EntryDate", "2026-01-15")]
    [InlineData("SENUnitIndicator", "yes", "TopUpFunding", "TRUE")]
    [InlineData("UPN", "", "EntryDate", "")]
    public void Validate_ValidVariationsOfACleanRow_RaiseNothing(string column1, string value1, string column2, string value2)
    {
        var report = CensusFiles.ValidateWith(r =>
        {
            r[column1] = value1 == "" && column1 == "UPN" ? r["UPN"] : value1;
            r[column2] = value2;
        });

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_DownSyndromeBeforeJanuary2025_IsAnErrorButFromThenIsValid()
    {
        var before = CensusFiles.Validate(CensusFiles.Csv(With(CensusFiles.CleanRow(), "CensusDate", "2024-10-03", "SENType1", "DS", "DOB", "2016-01-01", "NCYearActual", "4")));
        var after = CensusFiles.Validate(CensusFiles.Csv(With(CensusFiles.CleanRow(), "SENType1", "DS")));

        Assert.Contains(before.Issues, i => i.RuleId == "SC2040" && i.Row == 2 && i.Column == "SENType1");
        Assert.Empty(after.Issues);
    }

    [Fact]
    public void Validate_DateThatIsNotACensusDay_IsAQueryOnTheFirstRowOnly()
    {
        var rows = Enumerable.Range(1, 3).Select(i => With(CensusFiles.CleanRow(i), "CensusDate", "2026-01-16")).ToArray();

        var report = CensusFiles.Validate(CensusFiles.Csv(rows));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("SC1101", 2, Severity.Query), (issue.RuleId, issue.Row!.Value, issue.Severity));
        Assert.Contains("2026-01-15", issue.Message);
        Assert.Equal("accepted", report.Status);
    }

    [Fact]
    public void Validate_NcYearQuery_UsesTheSpecsMessageWithAgeOnCensusDate()
    {
        var report = CensusFiles.ValidateWith(r => { r["DOB"] = "2018-06-01"; r["NCYearActual"] = "9"; });

        var issue = Assert.Single(report.Issues);
        Assert.Equal("National curriculum year 9 is unusual for a pupil aged 7 on the census date", issue.Message);
    }

    [Fact]
    public void Validate_LaUploadingOnBehalfOfASchool_IsAllowed()
    {
        var report = CensusFiles.Validate(CensusFiles.Csv(CensusFiles.CleanRow()), submitter: "la");

        Assert.Equal("accepted", report.Status);
    }

    [Theory]
    [InlineData("1234567", "placements")]
    [InlineData("svc-eps", "school-census")]
    [InlineData("8552001", "hnb-finance")]
    public void Validate_ReturnTypeTheSubmitterMayNotUpload_IsAFileLevelError(string submitter, string returnType)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(CensusFiles.Csv(CensusFiles.CleanRow()));

        var report = CensusFiles.Validate(bytes, submitter, returnType);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("FILE-010", (int?)null), (issue.RuleId, issue.Row));
        Assert.Equal("rejected", report.Status);
    }
}
