using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Tests;
using SendPipeline.Core.Validation;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Issue 9's bad-input corpus (tests/corpus, made by make_corpus.py; expectations in cases.csv), run through
/// `sendpipeline validate` as an uploader's file would be: the right exit code, the expected rule, a message
/// and a fix on every issue, no stack trace anywhere, formulas neutralised in the CSV report and markup
/// escaped in the HTML one. The huge files are made here, not committed.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string CorpusFolder => Repo.File(Path.Combine("tests", "corpus"));

    public static TheoryData<string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string>();
        using var reader = new CsvTabularReader(new StreamReader(Path.Combine(CorpusFolder, "cases.csv")));
        while (reader.Read())
            data.Add(reader[0].ToString(), reader[1].ToString(), reader[2].ToString(), reader[3].ToString(), reader[4].ToString());
        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastSixtyFiles_AndEveryFileHasACase()
    {
        var files = Directory.GetFiles(Path.Combine(CorpusFolder, "files")).Select(Path.GetFileName).Order().ToList();

        Assert.True(files.Count >= 60, $"{files.Count} corpus files");
        Assert.Equal(files, Cases().Select(c => (string)c[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validate_CorpusFile_IsExplainedWithTheRightOutcome(string file, string returnType, string submitter, string expect, string ruleId)
    {
        var report = await ValidateAsync(Path.Combine(CorpusFolder, "files", file), returnType, submitter, expect, ruleId);

        if (file.StartsWith("formula", StringComparison.Ordinal))
            Assert.Contains(report.Issues, i => i.Value is { } v && v.Length > 0 && "=+-@".Contains(v[0]));
    }

    [Fact]
    public async Task Validate_FileOverOneHundredMegabytes_IsRefusedAsTooLarge()
    {
        var path = Path.Combine(_dir, "huge.csv");
        await using (var file = File.Create(path))
        {
            var row = Encoding.UTF8.GetBytes("8552001,2026-01-15,E855200125644,2020-11-09,F,R,K,OTH,,N,N,N,2025-09-02\r\n");
            file.Write(Encoding.UTF8.GetBytes("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator,ResourcedProvisionIndicator,TopUpFunding,EntryDate\r\n"));
            while (file.Length <= Limits.MaxFileBytes + 1024) file.Write(row);
        }

        await ValidateAsync(path, "school-census", "8552001", "rejected", "FILE-003");
    }

    [Fact]
    public async Task Validate_AMillionColumns_IsRefusedWithoutReadingThemAll()
    {
        var path = Path.Combine(_dir, "wide.csv");
        await File.WriteAllTextAsync(path, string.Join(',', Enumerable.Range(0, 1_000_000).Select(i => "C" + i)) + "\r\n1\r\n");

        await ValidateAsync(path, "school-census", "8552001", "rejected", "FILE-017");
    }

    [Fact]
    public async Task Validate_ZipBombDisguisedAsXlsx_IsRefusedBeforeItExpands()
    {
        // One worksheet that inflates to 400 MB from under half a megabyte.
        var path = Path.Combine(_dir, "bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Write(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            await using var stream = sheet.Open();
            stream.Write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 400; i++) stream.Write(spaces);
            stream.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }
        Assert.True(new FileInfo(path).Length < 5 * 1024 * 1024);

        var report = await ValidateAsync(path, "school-census", "8552001", "rejected", "FILE-018");

        Assert.Contains("expand", report.Issues.Single().Message);
    }

    /// <summary>
    /// Issue 15: shared strings that inflate past the 128 MB cap at a ratio real text has, so only the cap
    /// on the text table (which ExcelDataReader once loaded whole, unbounded) stops them.
    /// </summary>
    [Fact]
    public async Task Validate_WorkbookWhoseTextTableExpandsPastTheCap_IsAFileLevelErrorWithAFix()
    {
        var path = Path.Combine(_dir, "strings.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            Write(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Write(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
            var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest);
            await using var stream = strings.Open();
            stream.Write("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"u8);
            // Numbered UPN-like text compresses about ten times, as real text does: the ratio guard lets it by.
            var written = 0L;
            for (var i = 0; written < Limits.MaxSharedStringsBytes + (1 << 20); i++)
            {
                var item = Encoding.UTF8.GetBytes($"<si><t>A{i:D12}</t></si>");
                stream.Write(item);
                written += item.Length;
            }
            stream.Write("</sst>"u8);
        }

        var report = await ValidateAsync(path, "school-census", "8552001", "rejected", "FILE-018");

        var issue = report.Issues.Single();
        Assert.Equal("The workbook's text table expands to more than 128 MB, far beyond any real return.", issue.Message);
        Assert.Contains("CSV", issue.Fix);
    }

    /// <summary>
    /// Issue 15: 5,000 rows whose Sex and DOB are 5,000-character bad values (50 MB of them). Before, each
    /// report repeated every value whole and was larger than the upload; now each is under 2 MB.
    /// </summary>
    [Fact]
    public async Task Validate_CensusOfLongBadValues_GivesReportsOfBoundedSizeWithExactCounts()
    {
        var path = Path.Combine(_dir, "upload", "long-values.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var (sex, dob) = (new string('Q', 5_000), new string('D', 5_000));
        await using (var file = new StreamWriter(path))
        {
            await file.WriteAsync("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,"
                + "SENUnitIndicator,ResourcedProvisionIndicator,TopUpFunding,EntryDate\r\n");
            for (var row = 0; row < 5_000; row++)
                await file.WriteAsync($"8552001,2026-01-15,{Core.Reference.Upn.Create($"855200{row:D6}")},{dob},{sex},4,K,SLCN,,N,N,N,2021-09-01\r\n");
        }

        var report = await ValidateAsync(path, "school-census", "8552001", "rejected", "SC1700");

        Assert.Equal((5_000, 5_000), (report.CountsByRule["SC1700"], report.CountsByRule["VAL-002"]));
        Assert.Equal((1_000, 8_000), (report.Issues.Count(i => i.RuleId == "SC1700"), report.IssuesOmitted));
        Assert.All(report.Issues, i => Assert.True(i.Value!.Length <= IssueText.MaxChars, i.Value));
        foreach (var extension in new[] { ".json", ".csv", ".html" })
        {
            var size = new FileInfo(Path.Combine(_dir, "long-values" + extension)).Length;
            Assert.True(size < 2 * 1024 * 1024, $"{extension}: {size:N0} bytes");
        }
        Assert.Contains("4,000 more issues of this rule are counted but not listed.", await File.ReadAllTextAsync(Path.Combine(_dir, "long-values.csv")));
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private async Task<ValidationReport> ValidateAsync(string path, string returnType, string submitter, string expect, string ruleId)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var (json, html, csv) = (Path.Combine(_dir, name + ".json"), Path.Combine(_dir, name + ".html"), Path.Combine(_dir, name + ".csv"));

        var (exit, output, error) = await CliRunner.Run("validate", path, "--type", returnType, "--submitter", submitter, "--json", json, "--html", html, "--csv", csv);

        Assert.True(exit == (expect == "accepted" ? 0 : 1), $"{name}: exit {exit}\n{output}{error}");
        ValidationReport report;
        await using (var stream = File.OpenRead(json)) report = ReportJson.Read(stream);
        Assert.Equal(expect, report.Status);
        if (ruleId.Length > 0) Assert.True(report.Issues.Any(i => i.RuleId == ruleId), $"{name}: expected {ruleId}, got {string.Join(' ', report.Issues.Select(i => i.RuleId).Distinct())}");
        if (expect == "rejected") Assert.Contains(report.Issues, i => i.Severity.ToString() == "Error");
        Assert.All(report.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message) || string.IsNullOrWhiteSpace(i.Fix), $"{name}: {i.RuleId} without a message or a fix"));
        var everything = output + error + await File.ReadAllTextAsync(json) + await File.ReadAllTextAsync(html) + await File.ReadAllTextAsync(csv);
        foreach (var trace in new[] { "   at ", "Exception", "System.", "Stack" })
            Assert.False(everything.Contains(trace, StringComparison.Ordinal), $"{name}: '{trace}' shown to the uploader");
        Assert.DoesNotContain("<script>", await File.ReadAllTextAsync(html), StringComparison.OrdinalIgnoreCase);
        AssertNoFormulaCells(csv);
        return report;
    }

    /// <summary>A cell that starts with =, +, - or @ would run as a formula in Excel; a number may start with -.</summary>
    private static void AssertNoFormulaCells(string csvPath)
    {
        using var reader = new CsvTabularReader(new StreamReader(csvPath));
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var cell = reader[i].ToString();
                if (cell.Length == 0 || !"=+-@".Contains(cell[0])) continue;
                Assert.True(cell[0] == '-' && decimal.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _), $"{csvPath}: formula-like cell '{cell}'");
            }
    }
}
