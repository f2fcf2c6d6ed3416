using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

public class PlacementsRuleTests
{
    public static TheoryData<string, string, string?, Severity, string> PlantedDefects() => new()
    {
        // rule id, column, row (null = file level), severity, name of the plant
        { "PL1000", "ProviderId", "3", Severity.Error, "provider-7-digits" },
        { "PL1000", "ProviderId", "3", Severity.Error, "ukprn-not-starting-1" },
        { "PL1001", "ProviderId", null, Severity.Error, "provider-other" },
        { "PL1100", "ReturnDate", "3", Severity.Error, "return-date-differs" },
        { "PL1101", "ReturnDate", "2", Severity.Error, "every-return-date-not-quarter-end" },
        { "PL1200", "UPN", "3", Severity.Error, "no-identifier-aged-11" },
        { "PL1500", "UPN", "3", Severity.Error, "upn-12-chars" },
        { "PL1510", "UPN", "3", Severity.Error, "upn-check-letter" },
        { "PL1530", "UPN", "3", Severity.Error, "upn-la-code" },
        { "PL1540", "UPN", "3", Severity.Error, "upn-not-numeric" },
        { "PL1550", "UPN", "3", Severity.Error, "upn-last-char" },
        { "PL1560", "UPN", "3", Severity.Query, "upn-temporary" },
        { "PL1600", "ULN", "3", Severity.Error, "uln-9-digits" },
        { "PL1600", "ULN", "3", Severity.Error, "uln-leading-zero" },
        { "PL1600", "ULN", "3", Severity.Error, "uln-excel-exponent" },
        { "PL1610", "ULN", "3", Severity.Error, "uln-check-digit" },
        { "PL1620", "ULN", "3", Severity.Error, "no-identifier-aged-17" },
        { "PL1700", "DOB", "3", Severity.Error, "age-26" },
        { "PL1710", "DOB", "3", Severity.Error, "dob-after-return-date" },
        { "PL1800", "PlacementCategory", "3", Severity.Error, "category-unknown" },
        { "PL1900", "PlacementStart", "3", Severity.Error, "start-after-return-date" },
        { "PL1910", "PlacementEnd", "3", Severity.Error, "end-before-start" },
        { "PL1920", "PlacementStart", "3", Severity.Error, "start-before-birth" },
        { "PL1930", "UPN", "3", Severity.Error, "same-upn-overlapping" },
        { "PL1930", "UPN", "3", Severity.Error, "same-upn-same-start" },
        { "PL2000", "AnnualCost", "3", Severity.Error, "cost-zero" },
        { "PL2000", "AnnualCost", "3", Severity.Error, "cost-negative" },
        { "PL2010", "AnnualCost", "3", Severity.Query, "cost-250k-and-a-penny" },
        { "PL2010", "AnnualCost", "3", Severity.Query, "cost-1m-exactly" },
        { "PL2020", "AnnualCost", "3", Severity.Error, "cost-1m-and-a-penny" },
        { "PL2100", "FundingElement", "3", Severity.Error, "funding-element-3" },
        { "PL2110", "FundingElement", "3", Severity.Query, "full-fee-for-mss" },
        { "PL2200", "PrimaryNeed", "3", Severity.Error, "need-unknown" },
        { "PL2210", "PrimaryNeed", "3", Severity.Error, "need-nsa" },
        { "PL2220", "PrimaryNeed", "3", Severity.Error, "need-ds-in-2024" },
        { "PL2300", "EHCP", "3", Severity.Error, "no-ehcp-inmss" },
        { "PL2300", "EHCP", "3", Severity.Error, "no-ehcp-spi" },
        { "PL2310", "EHCP", "3", Severity.Query, "no-ehcp-mss" },
        { "PL2400", "HomeLA", "3", Severity.Error, "home-la-unknown" },
        { "PL2400", "HomeLA", "3", Severity.Error, "home-la-2-digits" },
        { "PL2410", "HomeLA", "3", Severity.Query, "home-la-leicester-city" },
        { "VAL-001", "EHCP", "3", Severity.Error, "ehcp-blank" },
        { "VAL-001", "AnnualCost", "3", Severity.Error, "cost-blank" },
        { "VAL-002", "PlacementEnd", "3", Severity.Error, "end-us-order" },
        { "VAL-003", "Residential", "3", Severity.Error, "residential-maybe" },
        { "VAL-003", "EHCP", "3", Severity.Error, "ehcp-maybe" },
        { "VAL-004", "AnnualCost", "3", Severity.Error, "cost-bad-commas" },
    };

    private static void Plant(string name, Dictionary<string, string> row)
    {
        switch (name)
        {
            case "provider-7-digits": row["ProviderId"] = "1234567"; break;
            case "ukprn-not-starting-1": row["ProviderId"] = "20012345"; break;
            case "provider-other": row["ProviderId"] = "654321"; break;
            case "return-date-differs": row["ReturnDate"] = "2025-12-31"; break;
            case "every-return-date-not-quarter-end": break;
            case "no-identifier-aged-11": row["UPN"] = ""; break;
            case "upn-12-chars": row["UPN"] = row["UPN"][..12]; break;
            case "upn-check-letter": row["UPN"] = (row["UPN"][0] == 'A' ? "B" : "A") + row["UPN"][1..]; break;
            case "upn-la-code": row["UPN"] = Upn.Create("999200125002"); break;
            case "upn-not-numeric": row["UPN"] = "A8552001X5002"; break;
            case "upn-last-char": row["UPN"] = "A85520012500I"; break;
            case "upn-temporary": row["UPN"] = Upn.Create("85520012500A"); break;
            case "uln-9-digits": row["ULN"] = PlacementFiles.ValidUln(1)[..9]; break;
            case "uln-leading-zero": row["ULN"] = "0123456789"; break;
            case "uln-excel-exponent": row["ULN"] = "1.23457E+09"; break;
            case "uln-check-digit": row["ULN"] = WrongLastDigit(PlacementFiles.ValidUln(1)); break;
            case "no-identifier-aged-17": row["UPN"] = ""; row["DOB"] = "2008-06-01"; row["PlacementCategory"] = "FE"; break;
            case "age-26": row["DOB"] = "2000-01-01"; row["PlacementCategory"] = "SPI"; break;
            case "dob-after-return-date": row["DOB"] = "2026-04-01"; break;
            case "category-unknown": row["PlacementCategory"] = "RES"; break;
            case "start-after-return-date": row["PlacementStart"] = "2026-04-01"; break;
            case "end-before-start": row["PlacementEnd"] = "2024-08-31"; break;
            case "start-before-birth": row["PlacementStart"] = "2014-04-30"; break;
            case "same-upn-overlapping": row["UPN"] = PlacementFiles.ValidUpn(1); row["PlacementStart"] = "2025-01-06"; break;
            case "same-upn-same-start": row["UPN"] = PlacementFiles.ValidUpn(1); row["PlacementEnd"] = "2024-09-01"; break;
            case "cost-zero": row["AnnualCost"] = "0"; break;
            case "cost-negative": row["AnnualCost"] = "-£1,200.00"; break;
            case "cost-250k-and-a-penny": row["AnnualCost"] = "£250,000.01"; break;
            case "cost-1m-exactly": row["AnnualCost"] = "1000000"; break;
            case "cost-1m-and-a-penny": row["AnnualCost"] = "1,000,000.01"; break;
            case "funding-element-3": row["FundingElement"] = "E3"; break;
            case "full-fee-for-mss": row["FundingElement"] = "FULL"; break;
            case "need-unknown": row["PrimaryNeed"] = "ADHD"; break;
            case "need-nsa": row["PrimaryNeed"] = "NSA"; break;
            case "need-ds-in-2024": row["PrimaryNeed"] = "DS"; break;
            case "no-ehcp-inmss": row["PlacementCategory"] = "INMSS"; row["FundingElement"] = "FULL"; row["EHCP"] = "N"; break;
            case "no-ehcp-spi": row["PlacementCategory"] = "SPI"; row["DOB"] = "2007-01-01"; row["EHCP"] = "no"; break;
            case "no-ehcp-mss": row["EHCP"] = "N"; break;
            case "home-la-unknown": row["HomeLA"] = "999"; break;
            case "home-la-2-digits": row["HomeLA"] = "85"; break;
            case "home-la-leicester-city": row["HomeLA"] = "856"; break;
            case "ehcp-blank": row["EHCP"] = ""; break;
            case "cost-blank": row["AnnualCost"] = ""; break;
            case "end-us-order": row["PlacementEnd"] = "12/31/2025"; break;
            case "residential-maybe": row["Residential"] = "maybe"; break;
            case "ehcp-maybe": row["EHCP"] = "maybe"; break;
            case "cost-bad-commas": row["AnnualCost"] = "18,50"; break;
            default: throw new ArgumentException(name);
        }
    }

    /// <summary>Changes that must be the same on every row of a return (its date), made before the plant.</summary>
    private static Action<Dictionary<string, string>>? EveryRow(string name) => name switch
    {
        "every-return-date-not-quarter-end" => r => r["ReturnDate"] = "2026-03-30",
        "need-ds-in-2024" => r => r["ReturnDate"] = "2024-12-31",
        _ => null,
    };

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, string column, string? row, Severity severity, string plant)
    {
        var report = PlacementFiles.ValidateWith(r => Plant(plant, r), EveryRow(plant));

        ReturnFiles.Single(report, ruleId, row is null ? null : int.Parse(row), column, severity);
        if (severity == Severity.Query) Assert.Equal(0, report.Errors);
    }

    [Fact]
    public void PlantedDefects_CoverEveryPlacementsRule()
    {
        var planted = PlantedDefects().Select(d => (string)d[0]).ToHashSet();

        Assert.All(PlacementsRulesIds(), id => Assert.Contains(id, planted));
    }

    [Fact]
    public void Validate_CleanFile_IsAcceptedWithNoIssues()
    {
        var report = PlacementFiles.Validate(PlacementFiles.Csv(Enumerable.Range(1, 30).Select(i => (IReadOnlyDictionary<string, string>)PlacementFiles.CleanRow(i))));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
        Assert.Equal(30, report.RowsRead);
        Assert.Equal(("2026-03-31", "123456"), (report.Period, report.Subject));
    }

    [Theory]
    [InlineData("uk-dates")]
    [InlineData("money-with-pound-and-commas")]
    [InlineData("cost-250k-exactly")]
    [InlineData("uln-only-aged-17")]
    [InlineData("uln-and-upn")]
    [InlineData("uln-only-aged-15")]
    [InlineData("ended-placement")]
    [InlineData("lower-case-codes")]
    [InlineData("blank-residential")]
    [InlineData("full-fee-inmss")]
    [InlineData("place-funding-ass")]
    [InlineData("aged-0")]
    [InlineData("aged-25")]
    [InlineData("ds-from-2025")]
    [InlineData("same-child-after-handover")]
    public void Validate_ValidVariationsOfACleanRow_RaiseNothing(string variation)
    {
        var first = PlacementFiles.CleanRow(1);
        var row = PlacementFiles.CleanRow(2);
        switch (variation)
        {
            case "uk-dates": row["ReturnDate"] = "31/03/2026"; row["DOB"] = "1/5/2014"; row["PlacementStart"] = "01/09/2024"; row["PlacementEnd"] = "31/03/2026"; break;
            case "money-with-pound-and-commas": row["AnnualCost"] = "£18,500.50"; break;
            case "cost-250k-exactly": row["AnnualCost"] = "£250,000"; row["PlacementCategory"] = "INMSS"; row["FundingElement"] = "FULL"; break;
            case "uln-only-aged-17": row["UPN"] = ""; row["ULN"] = PlacementFiles.ValidUln(2); row["DOB"] = "2008-06-01"; row["PlacementCategory"] = "FE"; break;
            case "uln-and-upn": row["ULN"] = PlacementFiles.ValidUln(2); break;
            case "uln-only-aged-15": row["UPN"] = ""; row["ULN"] = PlacementFiles.ValidUln(2); row["DOB"] = "2010-06-01"; break;
            case "ended-placement": row["PlacementEnd"] = "2025-07-18"; break;
            case "lower-case-codes": row["PlacementCategory"] = "mss"; row["FundingElement"] = "TopUp"; row["PrimaryNeed"] = "semh"; row["UPN"] = row["UPN"].ToLowerInvariant(); break;
            case "blank-residential": row["Residential"] = ""; break;
            case "full-fee-inmss": row["PlacementCategory"] = "INMSS"; row["FundingElement"] = "full"; row["Residential"] = "Yes"; row["EHCP"] = "true"; break;
            case "place-funding-ass": row["PlacementCategory"] = "ASS"; row["FundingElement"] = "PLACE"; break;
            case "aged-0": row["DOB"] = "2025-06-01"; row["PlacementStart"] = "2026-01-05"; row["PlacementCategory"] = "OTH"; row["PrimaryNeed"] = "HI"; break;
            case "aged-25": row["DOB"] = "2000-04-01"; row["PlacementCategory"] = "SPI"; row["UPN"] = ""; row["ULN"] = PlacementFiles.ValidUln(2); break;
            case "ds-from-2025": row["PrimaryNeed"] = "DS"; break;
            case "same-child-after-handover":
                first["PlacementEnd"] = "2025-01-06";
                row["UPN"] = first["UPN"];
                row["PlacementStart"] = "2025-01-06";
                row["PlacementCategory"] = "INMSS";
                break;
            default: throw new ArgumentException(variation);
        }

        var report = PlacementFiles.Validate(PlacementFiles.Csv(first, row));

        Assert.Empty(report.Issues);
        Assert.Equal("accepted", report.Status);
    }

    [Fact]
    public void Validate_UkprnProvider_IsAccepted()
    {
        var report = PlacementFiles.ValidateWith(_ => { }, r => r["ProviderId"] = "10012345", submitter: "10012345");

        Assert.Empty(report.Issues);
        Assert.Equal("10012345", report.Subject);
    }

    [Fact]
    public void Validate_FileWithoutAUpnColumn_IsAcceptedWhenEveryRowHasAUln()
    {
        var header = PlacementFiles.Header.Where(h => h != "UPN").ToArray();
        var rows = Enumerable.Range(1, 3).Select(i =>
        {
            var r = PlacementFiles.CleanRow(i);
            r["ULN"] = PlacementFiles.ValidUln(i);
            return (IReadOnlyDictionary<string, string>)r;
        });

        var report = PlacementFiles.Validate(PlacementFiles.Csv(rows, header));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_SameChildByUlnOnRowsThatDoNotBothHaveAUpn_IsAnOverlapNamingTheUln()
    {
        var uln = PlacementFiles.ValidUln(7);
        var first = PlacementFiles.CleanRow(1);
        first["ULN"] = uln;
        var second = PlacementFiles.CleanRow(2);
        second["UPN"] = "";
        second["ULN"] = uln;

        var report = PlacementFiles.Validate(PlacementFiles.Csv(first, second));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("PL1930", 3, "ULN"), (issue.RuleId, issue.Row!.Value, issue.Column));
        Assert.Contains("row 2", issue.Message);
        Assert.Contains("the same ULN", issue.Message);
        Assert.DoesNotContain(uln, issue.Message); // the row names the child; the message need not
    }

    [Fact]
    public void Validate_ThreeOverlappingPlacements_EachLaterOneNamesTheEarliest()
    {
        var rows = Enumerable.Range(1, 3).Select(i =>
        {
            var r = PlacementFiles.CleanRow(1);
            r["PlacementStart"] = $"2025-0{i}-01";
            return (IReadOnlyDictionary<string, string>)r;
        });

        var report = PlacementFiles.Validate(PlacementFiles.Csv(rows));

        Assert.Equal(new[] { 3, 4 }, report.Issues.Select(i => i.Row!.Value));
        Assert.All(report.Issues, i => Assert.Equal("PL1930", i.RuleId));
        Assert.All(report.Issues, i => Assert.Contains("on row 2.", i.Message));
    }

    [Fact]
    public void Validate_LaUploadingOnBehalfOfAProvider_IsAcceptedAndKeyedToTheProvider()
    {
        var report = PlacementFiles.Validate(PlacementFiles.Csv(PlacementFiles.CleanRow(1), PlacementFiles.CleanRow(2)), submitter: "la");

        Assert.Equal(("accepted", PlacementFiles.Provider), (report.Status, report.Subject));
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_LaUploadNamingTwoProviders_IsAFileLevelErrorNamingTheFirst()
    {
        var report = PlacementFiles.ValidateWith(r => r["ProviderId"] = "10012345", submitter: "la");

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("PL1001", (int?)null, "rejected"), (issue.RuleId, issue.Row, report.Status));
        Assert.Contains("10012345 (first on row 3)", issue.Message);
        Assert.Contains($"the provider on the first row ({PlacementFiles.Provider})", issue.Message);
    }

    [Fact]
    public void Validate_ProviderIdOtherThanTheSubmitterOnEveryRow_IsReportedOnce()
    {
        var rows = Enumerable.Range(1, 5).Select(i => { var r = PlacementFiles.CleanRow(i); r["ProviderId"] = "654321"; return (IReadOnlyDictionary<string, string>)r; });

        var report = PlacementFiles.Validate(PlacementFiles.Csv(rows));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("PL1001", (int?)null), (issue.RuleId, issue.Row));
        Assert.Contains("uploaded by 123456", issue.Message);
    }

    [Fact]
    public void Validate_PlacementsUploadedByASchool_IsRefusedWithFile010()
    {
        var report = PlacementFiles.Validate(PlacementFiles.Csv(PlacementFiles.CleanRow()), submitter: "8552001");

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("FILE-010", (int?)null, "rejected"), (issue.RuleId, issue.Row, report.Status));
    }

    [Fact]
    public void Validate_CanonicalForm_NormalisesDatesMoneyBooleansAndCodes()
    {
        var row = PlacementFiles.CleanRow();
        row["ReturnDate"] = "31/03/2026";
        row["UPN"] = row["UPN"].ToLowerInvariant();
        row["DOB"] = "1/5/2014";
        row["PlacementCategory"] = "inmss";
        row["PlacementEnd"] = "";
        row["Residential"] = "yes";
        row["AnnualCost"] = "£61,234.5";
        row["FundingElement"] = "full";
        row["PrimaryNeed"] = "semh";
        row["EHCP"] = "TRUE";
        var canonical = new StringWriter();

        var report = PlacementFiles.Validate(PlacementFiles.Csv(row), canonical: canonical);

        Assert.Equal("accepted", report.Status);
        var lines = canonical.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', PlacementFiles.Header) + ",SourceRow", lines[0]);
        Assert.Equal($"123456,2026-03-31,{PlacementFiles.ValidUpn(1)},,2014-05-01,INMSS,2024-09-01,,Y,61234.50,FULL,SEMH,Y,855,2", lines[1]);
    }

    private static IEnumerable<string> PlacementsRulesIds() => Core.Returns.Placements.PlacementsRules.All.Select(r => r.Id);

    private static string WrongLastDigit(string uln)
    {
        var last = uln[9] == '9' ? '0' : (char)(uln[9] + 1);
        return uln[..9] + last;
    }
}
