using System.Text;
using SendPipeline.Core.Returns.Establishments;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

public class EstablishmentsRuleTests
{
    public static TheoryData<string, string, Severity, string> PlantedDefects() => new()
    {
        // rule id, column, severity, name of the plant (always on row 3)
        { "ES1000", "URN", Severity.Error, "urn-5-digits" },
        { "ES1000", "URN", Severity.Error, "urn-letters" },
        { "ES1010", "URN", Severity.Error, "urn-duplicate" },
        { "ES1100", "LA (code)", Severity.Error, "la-000" },
        { "ES1100", "LA (code)", Severity.Error, "la-4-digits" },
        { "ES1200", "EstablishmentNumber", Severity.Error, "estab-5-digits" },
        { "ES1200", "EstablishmentNumber", Severity.Error, "estab-letters" },
        { "ES1210", "EstablishmentNumber", Severity.Error, "estab-leading-zero-lost" },
        { "ES1300", "NumberOfPupils", Severity.Error, "pupils-negative" },
        { "ES1300", "NumberOfPupils", Severity.Error, "pupils-fraction" },
        { "ES1400", "EstablishmentStatus (name)", Severity.Error, "status-proposed-to-close" },
        { "VAL-001", "EstablishmentName", Severity.Error, "name-blank" },
        { "VAL-001", "EstablishmentNumber", Severity.Error, "estab-blank" },
        { "VAL-001", "EstablishmentStatus (name)", Severity.Error, "status-blank" },
    };

    private static void Plant(string name, Dictionary<string, string> row)
    {
        switch (name)
        {
            case "urn-5-digits": row["URN"] = "12000"; break;
            case "urn-letters": row["URN"] = "12000A"; break;
            case "urn-duplicate": row["URN"] = EstablishmentFiles.CleanRow(1)["URN"]; break;
            case "la-000": row["LA (code)"] = "000"; break;
            case "la-4-digits": row["LA (code)"] = "8550"; break;
            case "estab-5-digits": row["EstablishmentNumber"] = "20011"; break;
            case "estab-letters": row["EstablishmentNumber"] = "2O01"; break;
            case "estab-leading-zero-lost": row["EstablishmentNumber"] = "999"; break;
            case "pupils-negative": row["NumberOfPupils"] = "-1"; break;
            case "pupils-fraction": row["NumberOfPupils"] = "212.5"; break;
            case "status-proposed-to-close": row["EstablishmentStatus (name)"] = "Proposed to close"; break;
            case "name-blank": row["EstablishmentName"] = ""; break;
            case "estab-blank": row["EstablishmentNumber"] = ""; break;
            case "status-blank": row["EstablishmentStatus (name)"] = ""; break;
            default: throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, string column, Severity severity, string plant)
    {
        var report = EstablishmentFiles.ValidateWith(r => Plant(plant, r));

        Assert.Single(report.Issues);
        ReturnFiles.Single(report, ruleId, 3, column, severity);
    }

    [Fact]
    public void PlantedDefects_CoverEveryEstablishmentsRule()
    {
        var planted = PlantedDefects().Select(d => (string)d[0]).ToHashSet();

        Assert.All(EstablishmentsRules.All, rule => Assert.Contains(rule.Id, planted));
    }

    [Fact]
    public void Validate_CleanExtract_IsAcceptedWithNoIssuesAndOtherGiasColumnsRaiseNoQuery()
    {
        var report = EstablishmentFiles.Validate(EstablishmentFiles.Csv(Enumerable.Range(1, 40).Select(i => (IReadOnlyDictionary<string, string>)EstablishmentFiles.CleanRow(i))));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
        Assert.Equal(("register", 40), (report.Period, report.RowsRead));
    }

    [Theory]
    [InlineData("NumberOfPupils", "")]
    [InlineData("NumberOfPupils", "0")]
    [InlineData("TypeOfEstablishment (name)", "")]
    [InlineData("PhaseOfEducation (name)", "")]
    [InlineData("EstablishmentStatus (name)", "closed")]
    [InlineData("EstablishmentStatus (name)", "OPEN, BUT PROPOSED TO CLOSE")]
    [InlineData("EstablishmentStatus (name)", "Proposed to open")]
    [InlineData("LA (code)", "856")]
    [InlineData("EstablishmentNumber", "7001")]
    public void Validate_ValidVariationsOfACleanRow_RaiseNothing(string column, string value)
    {
        var report = EstablishmentFiles.ValidateWith(r => r[column] = value);

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_HeadersInAnotherCaseAndSpacing_AreMatched()
    {
        var header = EstablishmentFiles.Header.Select(h => h switch
        {
            "LA (code)" => "la(CODE)",
            "EstablishmentNumber" => "Establishment_Number",
            "EstablishmentStatus (name)" => "establishment status (name)",
            _ => h,
        }).ToArray();
        var row = EstablishmentFiles.CleanRow();
        row["la(CODE)"] = row["LA (code)"];
        row["Establishment_Number"] = row["EstablishmentNumber"];
        row["establishment status (name)"] = row["EstablishmentStatus (name)"];

        var report = EstablishmentFiles.Validate(EstablishmentFiles.Csv([row], header));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_ExtractWithoutThePhaseColumn_IsAFileLevelErrorNamingIt()
    {
        var header = EstablishmentFiles.Header.Where(h => h != "PhaseOfEducation (name)").ToArray();

        var report = EstablishmentFiles.Validate(EstablishmentFiles.Csv([EstablishmentFiles.CleanRow()], header));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("FILE-007", "PhaseOfEducation (name)", (int?)null), (issue.RuleId, issue.Column, issue.Row));
    }

    [Fact]
    public void Validate_ExtractWithoutNumberOfPupils_IsAccepted()
    {
        var header = EstablishmentFiles.Header.Where(h => h != "NumberOfPupils").ToArray();

        var report = EstablishmentFiles.Validate(EstablishmentFiles.Csv([EstablishmentFiles.CleanRow()], header));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_LeadingZerosLost_SaysHowToRestoreThem()
    {
        var report = EstablishmentFiles.ValidateWith(r => r["EstablishmentNumber"] = "999");

        var issue = Assert.Single(report.Issues);
        Assert.Contains("3 digits", issue.Message);
        Assert.Contains("0999", issue.Fix);
    }

    [Fact]
    public void Validate_DuplicateUrn_NamesTheFirstRow()
    {
        var rows = new[] { EstablishmentFiles.CleanRow(1), EstablishmentFiles.CleanRow(2), EstablishmentFiles.CleanRow(1) };

        var issue = Assert.Single(EstablishmentFiles.Validate(EstablishmentFiles.Csv(rows)).Issues);

        Assert.Equal(("ES1010", (int?)4), (issue.RuleId, issue.Row));
        Assert.Contains("row 2", issue.Message);
    }

    [Fact]
    public void Validate_Windows1252Extract_KeepsAccentsAndApostrophesInTheCanonicalUtf8()
    {
        var first = EstablishmentFiles.CleanRow(1);
        first["EstablishmentName"] = "St Mary's C of E Primary School";
        var second = EstablishmentFiles.CleanRow(2);
        second["EstablishmentName"] = "École Sainte-Thérèse";
        var third = EstablishmentFiles.CleanRow(3);
        third["EstablishmentName"] = "St Mary’s Catholic Voluntary Academy"; // Excel's curly apostrophe, 0x92 in Windows-1252
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(EstablishmentFiles.Csv(first, second, third));
        Assert.Contains((byte)0xE9, bytes); // é as one Windows-1252 byte, so the file really is not UTF-8
        var canonical = new StringWriter();

        var report = EstablishmentFiles.Validate(bytes, canonical: canonical);

        Assert.Equal(("accepted", "Windows-1252"), (report.Status, report.Encoding));
        Assert.Empty(report.Issues);
        var text = canonical.ToString();
        Assert.Contains(",St Mary's C of E Primary School,", text);
        Assert.Contains(",École Sainte-Thérèse,", text);
        Assert.Contains(",St Mary’s Catholic Voluntary Academy,", text);
    }

    [Fact]
    public void Validate_CanonicalForm_HasTheSpecColumnsThenLaEstabAndGiasStatusSpelling()
    {
        var row = EstablishmentFiles.CleanRow();
        row["EstablishmentStatus (name)"] = "open, but proposed to close";
        row["NumberOfPupils"] = "";
        var canonical = new StringWriter();

        var report = EstablishmentFiles.Validate(EstablishmentFiles.Csv(row), canonical: canonical);

        Assert.Equal("accepted", report.Status);
        var lines = canonical.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name),UKPRN,LAEstab,SourceRow", lines[0]);
        Assert.Equal("120001,855,2001,Sample Primary School 1,Community school,Primary,,\"Open, but proposed to close\",,8552001,2", lines[1]);
    }

    [Fact]
    public void Validate_EstablishmentsUploadedByAProvider_IsRefusedWithFile010()
    {
        var report = EstablishmentFiles.Validate(EstablishmentFiles.Csv(EstablishmentFiles.CleanRow()), submitter: "123456");

        Assert.Equal("FILE-010", Assert.Single(report.Issues).RuleId);
    }
}
