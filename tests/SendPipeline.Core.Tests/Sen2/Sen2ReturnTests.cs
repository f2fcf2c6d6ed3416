using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Returns.Sen2;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Sen2;

/// <summary>
/// The sen2 return end to end: a clean extract in both forms is accepted with only the queries a live
/// register should have; each rule fires at the module, row and column of a planted defect; hostile
/// uploads get a clear file-level error and never an exception.
/// </summary>
public class Sen2ReturnTests
{
    private static readonly ValidationContext Leicestershire = ValidationContext.For("855", "la");

    private static Sen2Result Validate(Stream upload, string name = "Blade-Export_15-01-2026.zip", Stream? canonical = null) =>
        Sen2Return.Validate(upload, name, Leicestershire, canonical);

    private static Sen2Result ValidateZip(Sen2Fixture fixture) => Validate(fixture.Zip());

    private static string Describe(Sen2Result result) =>
        string.Join("\n", result.Issues.Select(i => $"{i.RuleId} {i.Part} {i.Row} {i.Column} {i.Message}"));

    private static Issue Single(Sen2Result result, string ruleId)
    {
        var found = result.Issues.Where(i => i.RuleId == ruleId).ToList();
        Assert.True(found.Count == 1, $"Expected one {ruleId}, found {found.Count}:\n{Describe(result)}");
        return found[0];
    }

    private static void AssertAt(Sen2Result result, string ruleId, string part, int? row, string? column)
    {
        // Every placeholder of every message is filled.
        Assert.All(result.Issues, i => Assert.DoesNotContain("{", i.Message));
        Assert.True(result.Issues.Any(i => (i.RuleId, i.Part, i.Row, i.Column) == (ruleId, part, row, column)),
            $"Expected {ruleId} at {part} row {row} column {column}:\n{Describe(result)}");
    }

    [Fact]
    public void CleanBladeZip_IsAccepted_WithOnlyTheBlankOutcomeQuery_AndItsRegister()
    {
        var canonical = new MemoryStream();
        var result = Validate(Sen2Fixture.Clean().Zip(), canonical: canonical);

        Assert.True(result.Accepted, Describe(result));
        Assert.Equal(0, result.Errors);
        AssertAt(result, "S2-0310", "requests", 4, "requestoutcome");
        Assert.Equal(1, result.Queries);
        Assert.Equal(new DateOnly(2026, 1, 15), result.ReferenceDate);
        Assert.Equal("2026-01-15", result.Period);
        Assert.Equal(3, result.RowsRead["person"]);
        Assert.Equal(2, result.RowsRead["senneed"]);
        Assert.Equal("zip", result.Format);

        var register = result.Register!;
        Assert.Equal(("855", new DateOnly(2026, 1, 15), 3), (register.LaCode, register.ReferenceDate, register.People.Count));
        var first = register.People.Single(p => p.PersonId == "11");
        Assert.Equal((Sen2Fixture.Upn1, 2), (first.Upn, first.Row));
        var request = Assert.Single(first.Requests);
        Assert.Equal((new DateOnly(2024, 1, 10), "A", "1"), (request.ReceivedDate, request.Outcome, request.RequestSource));
        var plan = Assert.Single(Assert.Single(request.Assessments).Plans);
        Assert.Equal(new DateOnly(2024, 5, 30), plan.IssuedDate);
        Assert.Equal("120001", Assert.Single(plan.Settings).Urn);
        var active = Assert.Single(request.ActivePlans);
        Assert.Equal(["ASD", "SLCN"], active.Needs.OrderBy(n => n.Rank).Select(n => n.SenType));
        Assert.True(Assert.Single(active.Placements).CurrentOn(register.ReferenceDate));
        var ceased = register.People.Single(p => p.PersonId == "12").Requests[0].Assessments[0];
        Assert.Equal((true, "5"), (ceased.Week20Exception!.Value, ceased.Plans[0].CeaseReason));

        // The canonical form: one CSV per module, spec columns in spec order, ISO dates, names kept.
        canonical.Position = 0;
        using var zip = new ZipArchive(canonical, ZipArchiveMode.Read);
        Assert.Equal(Sen2Fixture.Modules.Select(m => m.Part + ".csv").Order(), zip.Entries.Select(e => e.FullName).Order());
        using var person = new StreamReader(zip.GetEntry("person.csv")!.Open());
        var lines = person.ReadToEnd().Split('\n');
        Assert.Equal(string.Join(',', Sen2Fixture.Modules[1].Columns) + ",SourceRow", lines[0]);
        Assert.StartsWith("11,1,Smith,Zoë,2015-03-04,M,WBRI,", lines[1]);
    }

    [Fact]
    public void CleanWorkbook_WithoutAHeaderSheet_IsAccepted_ItsReferenceDateFromTheFileName()
    {
        var result = Validate(Sen2Fixture.Clean().Workbook(extraSheet: "Notes"), "sen2-pre-submission-15-01-2026.xlsx");

        Assert.True(result.Accepted, Describe(result));
        Assert.Equal("xlsx", result.Format);
        Assert.Equal(new DateOnly(2026, 1, 15), result.ReferenceDate);
        AssertAt(result, "S2-0009", "sen2", null, null);
        Assert.Contains("taken as 2026-01-15, the date in the file's name", Single(result, "S2-0009").Message);
        Assert.Equal("Notes", Single(result, "S2-0007").Value);
        Assert.Equal(3, result.Register!.People.Count);
        Assert.Equal("855", result.Register.LaCode);
    }

    [Fact]
    public void AWorkbookWithoutAHeaderSheet_NeedNotCarryThePersonsLinkToIt()
    {
        var result = Validate(Sen2Fixture.Clean().Workbook(drop: ["sen2tableid"]), "sen2 2026-01-15.xlsx");

        Assert.True(result.Accepted, Describe(result));
        Assert.Equal(new DateOnly(2026, 1, 15), result.ReferenceDate);
        Assert.Equal(3, result.Register!.People.Count);
    }

    [Fact]
    public void TheExportsOwnSpellingOfRequestSource_IsTheSpecsColumn()
    {
        var fixture = Sen2Fixture.Clean();
        var csv = fixture.ModuleCsv("requests").Replace(",requestsource,", ",rquestsource,");
        var result = Validate(fixture.Zip(entries: new() { ["Blade-Export_15-01-2026_requests.csv"] = Encoding.UTF8.GetBytes(csv) }));

        Assert.True(result.Accepted, Describe(result));
        Assert.DoesNotContain(result.Issues, i => i.RuleId == "FILE-008");
        Assert.Equal("1", result.Register!.People.Single(p => p.PersonId == "11").Requests[0].RequestSource);
    }

    [Fact]
    public void CeasedPlanMessages_NameTheDateAndTheReason()
    {
        var noReason = ValidateZip(Sen2Fixture.Clean().Set("namedplan", 1, "ceasereason", ""));
        Assert.Contains("ceased on 2025-09-01", Single(noReason, "S2-0500").Message);
        var noDate = ValidateZip(Sen2Fixture.Clean().Set("namedplan", 0, "ceasereason", "2"));
        Assert.Contains("ceasereason 2 but", Single(noDate, "S2-0510").Message);
    }

    [Fact]
    public void CleanWorkbook_WithAHeaderSheet_TakesItsReferenceDate()
    {
        var result = Validate(Sen2Fixture.Clean().Workbook(headerSheet: true), "return.xlsx");

        Assert.True(result.Accepted, Describe(result));
        Assert.DoesNotContain(result.Issues, i => i.RuleId == "S2-0009");
        Assert.Equal(new DateOnly(2026, 1, 15), result.ReferenceDate);
        Assert.Equal(2, result.Register!.People.Single(p => p.PersonId == "11").Requests[0].ActivePlans[0].Needs.Count);
    }

    public static TheoryData<string, string, int, string, string, string, int?, string> Defects => new()
    {
        // part, column, data row (0-based), value planted → rule, part reported, spreadsheet row, column reported
        { "requests", "requeststableid", 1, "21", "S2-0100", "requests", 3, "requeststableid" },
        { "assessment", "requeststableid", 0, "999", "S2-0110", "assessment", 2, "requeststableid" },
        { "person", "upn", 0, "", "S2-1200", "person", 2, "upn" },
        { "person", "upn", 0, "B" + Sen2Fixture.Upn1[1..], "S2-1510", "person", 2, "upn" },
        { "person", "uniquelearnernumber", 1, "1234567890", "S2-1600", "person", 3, "uniquelearnernumber" },
        { "sen2", "lea", 0, "856", "S2-0200", "sen2", 2, "lea" },
        { "requests", "requestsource", 0, "Z", "S2-0300", "requests", 2, "requestsource" },
        // requestoutcome's codes are not yet confirmed against the DfE's table: an unknown one is a query.
        { "requests", "requestoutcome", 0, "Z", "S2-0301", "requests", 2, "requestoutcome" },
        { "requests", "requestsource", 1, "", "S2-0310", "requests", 3, "requestsource" },
        { "senneed", "sentype", 1, "NSA", "S2-0320", "senneed", 3, "sentype" },
        { "activeplans", "transferla", 0, "999", "S2-0330", "activeplans", 2, "transferla" },
        { "plandetail", "urn", 0, "12345", "S2-0340", "plandetail", 2, "urn" },
        { "plandetail", "sensetting", 1, "", "S2-0350", "plandetail", 3, "sensetting" },
        { "senneed", "sentyperank", 1, "two", "S2-0360", "senneed", 3, "sentyperank" },
        { "requests", "requestoutcomedate", 0, "2024-01-01", "S2-0400", "requests", 2, "requestoutcomedate" },
        { "assessment", "assessmentoutcomedate", 0, "2024-02-01", "S2-0410", "assessment", 2, "assessmentoutcomedate" },
        { "namedplan", "startdate", 0, "2024-05-01", "S2-0420", "namedplan", 2, "startdate" },
        { "namedplan", "ceasedate", 1, "2024-07-01", "S2-0430", "namedplan", 3, "ceasedate" },
        { "placementdetail", "leavingdate", 0, "2024-08-01", "S2-0440", "placementdetail", 2, "leavingdate" },
        { "namedplan", "ceasereason", 1, "", "S2-0500", "namedplan", 3, "ceasereason" },
        { "namedplan", "ceasereason", 0, "2", "S2-0510", "namedplan", 2, "ceasedate" },
        { "placementdetail", "entrydate", 0, "2026-02-01", "S2-0600", "activeplans", 2, "activeplanstableid" },
        // Two main needs: shown at the second; no main need: shown at the plan's first need (the rank to fix).
        { "senneed", "sentyperank", 1, "1", "S2-0610", "senneed", 3, "sentyperank" },
        { "senneed", "sentyperank", 0, "3", "S2-0610", "senneed", 2, "sentyperank" },
        { "requests", "receiveddate", 2, "31/02/2025", "VAL-002", "requests", 4, "receiveddate" },
        { "assessment", "week20", 1, "maybe", "VAL-003", "assessment", 3, "week20" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void PlantedDefect_IsFoundAtItsModuleRowAndColumn(string part, string column, int index, string value,
        string ruleId, string reportedPart, int? row, string reportedColumn)
    {
        foreach (var form in new[] { "zip", "xlsx" })
        {
            var fixture = Sen2Fixture.Clean().Set(part, index, column, value);
            var result = form == "zip" ? Validate(fixture.Zip()) : Validate(fixture.Workbook(headerSheet: true), "r.xlsx");
            AssertAt(result, ruleId, reportedPart, row, reportedColumn);
            Assert.Equal(RuleCatalogueSeverity(ruleId) == Severity.Error, !result.Accepted);
            Assert.Null(result.Accepted ? null : result.Register);
        }
    }

    private static Severity RuleCatalogueSeverity(string id) =>
        Sen2Rules.All.Concat(ValueRules.All).Single(r => r.Id == id).Severity;

    [Fact]
    public void TwoOpenRequestsForOnePerson_AreAQuery_AtTheSecond()
    {
        var fixture = Sen2Fixture.Clean()
            .Add("requests", "requeststableid=24", "persontableid=13", "receiveddate=2025-12-01", "requestsource=1");
        var result = ValidateZip(fixture);

        Assert.True(result.Accepted, Describe(result));
        var issue = Single(result, "S2-0700");
        Assert.Equal(("requests", 5, "persontableid"), (issue.Part!, issue.Row, issue.Column));
        Assert.Contains("row 4", issue.Message);
    }

    [Fact]
    public void AnActivePlanWithNoNeedAtAll_HasNoRankOneNeed()
    {
        var fixture = Sen2Fixture.Clean();
        fixture.Rows["senneed"].Clear();
        AssertAt(ValidateZip(fixture), "S2-0610", "activeplans", 2, "activeplanstableid");
    }

    [Fact]
    public void ExportColumns_AreNotRequired_AndAnUnknownColumnIsAQuery()
    {
        var fixture = Sen2Fixture.Clean();
        var csv = fixture.ModuleCsv("senneed").Replace(",NativeId,senneedorderseqcolumn,sourceid", ",NativeId,colour,sourceid");
        var result = Validate(fixture.Zip(entries: new() { ["Blade-Export_15-01-2026_senneed.csv"] = Encoding.UTF8.GetBytes(csv) }));

        Assert.True(result.Accepted, Describe(result));
        AssertAt(result, "FILE-008", "senneed", null, "colour");
    }

    [Fact]
    public void AMissingColumn_IsAFileLevelErrorOfItsModule()
    {
        var fixture = Sen2Fixture.Clean();
        var csv = fixture.ModuleCsv("requests").Replace("receiveddate,", "received,");
        var result = Validate(fixture.Zip(entries: new() { ["Blade-Export_15-01-2026_requests.csv"] = Encoding.UTF8.GetBytes(csv) }));

        AssertAt(result, "FILE-007", "requests", null, "receiveddate");
        Assert.False(result.Accepted);
    }

    [Fact]
    public void Windows1252AndBom_AreReadWithoutMojibake()
    {
        var ansi = CodePagesEncoding(1252);
        var result = Validate(Sen2Fixture.Clean().Zip(ansi), canonical: new MemoryStream());
        Assert.True(result.Accepted, Describe(result));
        Assert.Contains("Windows-1252", result.Encoding);

        var bom = Validate(Sen2Fixture.Clean().Zip(new UTF8Encoding(true)));
        Assert.True(bom.Accepted, Describe(bom));
        Assert.Contains("UTF-8 with BOM", bom.Encoding);
    }

    private static Encoding CodePagesEncoding(int codePage) =>
        CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;

    public static TheoryData<string, string?> HostileZips => new()
    {
        { "S2-0005", null },
        { "S2-0004", "Blade-Export_16-01-2026_PERSON.csv" },
        { "S2-0003", "export/Blade-Export_15-01-2026_person.csv" },
        { "S2-0002", "readme.txt" },
    };

    [Theory]
    [MemberData(nameof(HostileZips))]
    public void ABrokenZip_IsRejectedAsAWhole_WithAFileLevelError(string ruleId, string? extra)
    {
        var fixture = Sen2Fixture.Clean();
        var entries = new Dictionary<string, byte[]?>();
        if (extra is null) entries["Blade-Export_15-01-2026_senneed.csv"] = null;
        else entries[extra] = Encoding.UTF8.GetBytes(fixture.ModuleCsv("person"));
        var result = Validate(fixture.Zip(entries: entries));

        var issue = Single(result, ruleId);
        Assert.Null(issue.Row);
        Assert.False(result.Accepted);
        Assert.Null(result.Register);
        if (ruleId == "S2-0005") Assert.Equal("senneed", issue.Part);
    }

    [Fact]
    public void AnUploadReadOnceForward_IsSpooledAndValidatedTheSame()
    {
        var result = Validate(new ForwardOnly(Sen2Fixture.Clean().Zip()));
        Assert.True(result.Accepted, Describe(result));
        Assert.Equal(3, result.Register!.People.Count);
    }

    /// <summary>An upload as a store hands it over: read once, from start to end, no seeking.</summary>
    private sealed class ForwardOnly(Stream inner) : SendPipeline.Core.Reading.ForwardReadStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    }

    [Fact]
    public void WhatAMacAddsToAZip_IsIgnored()
    {
        var result = Validate(Sen2Fixture.Clean().Zip(entries: new()
        {
            ["__MACOSX/._Blade-Export_15-01-2026_person.csv"] = [0, 5, 22, 7],
            [".DS_Store"] = [0, 0, 0, 1],
        }));
        Assert.True(result.Accepted, Describe(result));
    }

    [Fact]
    public void AZipBomb_IsRefusedFromItsDirectory()
    {
        var fixture = Sen2Fixture.Clean();
        var bomb = new byte[60 * 1024 * 1024];
        var result = Validate(fixture.Zip(entries: new() { ["Blade-Export_15-01-2026_person.csv"] = bomb }));

        AssertAt(result, "S2-0006", "person", null, null);
        Assert.False(result.Accepted);
    }

    [Fact]
    public void AZipWhoseCompressedDataIsDamaged_IsRejected_WithoutAnException()
    {
        var fixture = Sen2Fixture.Clean();
        for (var i = 0; i < 3000; i++)
            fixture.Add("senneed", $"senneedtableid={1000 + i}", "activeplanstableid=61", $"sentype=X{i * 7919 % 100000}",
                "sentyperank=9");
        var bytes = fixture.Zip().ToArray();
        var senneed = new System.IO.Compression.ZipArchive(new MemoryStream(bytes)).Entries.Single(e => e.Name.Contains("senneed"));
        Assert.True(senneed.CompressedLength > 4000);
        // The module's compressed bytes follow its local header; overwrite a run in their middle.
        var header = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("Blade-Export_15-01-2026_senneed.csv"));
        Array.Fill(bytes, (byte)0xFF, header + 2000, 400);

        var result = Validate(new MemoryStream(bytes));

        Assert.False(result.Accepted);
        Assert.Contains(result.Issues, i => i.Part == "senneed");
    }

    [Fact]
    public void AZipOfTensOfThousandsOfEntries_IsRefusedBeforeItIsOpened()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < 20_000; i++) zip.CreateEntry($"e{i}.csv", CompressionLevel.NoCompression);
        stream.Position = 0;

        var result = Validate(stream);
        Assert.Equal("S2-0006", Assert.Single(result.Issues).RuleId);
        Assert.Contains("10,000 files", result.Issues[0].Message);
    }

    [Fact]
    public void NotAZip_EmptyAndAWorkbookMissingASheet_GetClearFileLevelErrors()
    {
        var text = Validate(new MemoryStream(Encoding.UTF8.GetBytes(Sen2Fixture.Clean().ModuleCsv("person"))), "person.csv");
        Assert.Null(Single(text, "S2-0001").Row);
        Assert.Contains("single text file", text.Issues[0].Message);

        var pdf = Validate(new MemoryStream("%PDF-1.7 not a zip"u8.ToArray()), "x.pdf");
        Assert.Contains("PDF", Single(pdf, "S2-0001").Message);

        Assert.Equal("FILE-001", Assert.Single(Validate(new MemoryStream(), "x.zip").Issues).RuleId);

        var broken = Validate(new MemoryStream("PK\u0003\u0004 truncated"u8.ToArray()), "x.zip");
        Assert.Equal("S2-0001", Assert.Single(broken.Issues).RuleId);

        var workbook = Sen2Fixture.Clean().Workbook();
        var withoutNeeds = RemoveSheet(workbook, "SEN Need");
        AssertAt(Validate(withoutNeeds, "x.xlsx"), "S2-0005", "senneed", null, null);
    }

    private static MemoryStream RemoveSheet(MemoryStream workbook, string name)
    {
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(workbook, true))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!;
            sheets.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name).Remove();
            document.WorkbookPart.Workbook.Save();
        }
        workbook.Position = 0;
        return workbook;
    }

    [Fact]
    public void NoIdentifierReachesAnExceptionMessage_TheReportAloneRepeatsValues()
    {
        var fixture = Sen2Fixture.Clean().Set("person", 0, "upn", "A123");
        var result = ValidateZip(fixture);
        var issue = Single(result, "S2-1500");
        Assert.Equal("A123", issue.Value);
        var report = result.ToReport("uploads/la/sen2/x.zip", "la");
        Assert.Equal("rejected", report.Status);
        Assert.Equal("person", report.Issues.Single(i => i.RuleId == "S2-1500").Part);
    }

    [Fact]
    public void IssuesAreOrdered_FileLevelFirst_ThenModuleByModule_ThenRow()
    {
        var fixture = Sen2Fixture.Clean().Set("senneed", 0, "sentype", "XYZ").Set("person", 2, "sex", "Q");
        var result = ValidateZip(fixture);
        var parts = result.Issues.Where(i => i.Row is not null).Select(i => i.Part).Distinct().ToList();
        Assert.Equal(["person", "requests", "senneed"], parts);
    }
}
