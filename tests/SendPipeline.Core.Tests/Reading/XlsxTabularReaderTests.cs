using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Reading;

/// <summary>
/// The streaming XLSX reader: what Excel and other writers put in a sheet, read as a CSV export would
/// hold it, and every way a hostile workbook could make it hold too much refused as a file-level error.
/// </summary>
public class XlsxTabularReaderTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static MemoryStream Workbook(string sheetData, string? sharedStrings = null, string? styles = null, string workbookPr = "",
        Action<ZipArchive>? extra = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" " +
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>");
            Part(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                $"{workbookPr}<sheets><sheet name=\"Return\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
            var rels = "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
            if (sharedStrings is not null)
            {
                rels += "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
                Part(zip, "xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\">{sharedStrings}</sst>");
            }
            if (styles is not null)
            {
                rels += "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
                Part(zip, "xl/styles.xml", $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>");
            }
            Part(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
            Part(zip, "xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>");
            extra?.Invoke(zip);
        }
        stream.Position = 0;
        return stream;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static List<string[]> ReadAll(XlsxTabularReader reader)
    {
        var rows = new List<string[]> { reader.Header.ToArray() };
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString()).Prepend(reader.RowNumber.ToString()).ToArray());
        return rows;
    }

    [Fact]
    public void Read_SharedRichInlineNumberDateAndBooleanCells_AsACsvExportWouldHoldThem()
    {
        var strings = "<si><t>UPN</t></si><si><r><t>Date of </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">birth</t></r><rPh><t>ignored</t></rPh></si>" +
                      "<si><t>A &amp; B</t></si>";
        var styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0 &quot;days&quot;\"/></numFmts>" +
                     "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"22\"/></cellXfs>";
        var sheet = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>Note</t></is></c></row>" +
                    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" s=\"1\"><v>42644</v></c><c r=\"C3\" s=\"2\"><v>42644</v></c>" +
                    "<c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\" s=\"3\"><v>46037.5</v></c><c r=\"F3\"><v>0.1</v></c><c r=\"G3\" t=\"str\"><f>A1</f><v>x</v></c></row>";

        using var reader = new XlsxTabularReader(Workbook(sheet, strings, styles));
        var rows = ReadAll(reader);

        Assert.Equal(["UPN", "Date of birth", "", "Note"], rows[0]);
        Assert.Equal(["3", "A & B", "2016-10-01", "42644", "true", "2026-01-15T12:00:00", "0.1", "x"], rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Read_Date1904Workbook_CountsFromNineteenOhFour()
    {
        var styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";

        using var reader = new XlsxTabularReader(Workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>D</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c></row>",
            styles: styles, workbookPr: "<workbookPr date1904=\"1\"/>"));

        Assert.Equal("1904-01-01", ReadAll(reader)[1][1]);
    }

    [Fact]
    public void Open_FirstRowIsNotRowOne_HasAnEmptyHeaderAndReadsThatRowAsData()
    {
        using var reader = new XlsxTabularReader(Workbook("<row r=\"4\"><c r=\"A4\"><v>7</v></c></row>"));

        Assert.Equal([[], ["4", "7"]], ReadAll(reader));
    }

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("h:mm AM/PM", true)]
    [InlineData("General", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("#,##0 \"days\"", false)]
    [InlineData("[Red]#,##0.00;[Blue]dd", false)]
    [InlineData("_-£* #,##0.00_-", false)]
    public void IsDateFormat_JudgesTheFirstSectionOutsideQuotesAndBrackets(string code, bool date) =>
        Assert.Equal(date, XlsxTabularReader.IsDateFormat(code));

    private static TabularFormatException Refused(MemoryStream workbook) => Assert.Throws<TabularFormatException>(() =>
    {
        using var reader = new XlsxTabularReader(workbook);
        while (reader.Read()) { }
    });

    [Fact]
    public void Open_ValueLongerThanTheTokenLimit_IsRefusedBeforeTheXmlReaderHoldsIt()
    {
        var e = Refused(Workbook($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', Limits.MaxXmlTokenBytes + 1)}</t></is></c></row>"));

        Assert.Equal(TabularProblem.WorkbookTooLarge, e.Problem);
        Assert.Contains("single value or tag longer than 4 MB", e.Message);
    }

    [Fact]
    public void Validate_WorkbookOverABound_IsTheFileLevelErrorFile018WithAFix()
    {
        var workbook = Workbook($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', Limits.MaxXmlTokenBytes + 1)}</t></is></c></row>");

        var report = ReturnValidator.Validate(workbook,
            new ValidationRequest("uploads/8552001/school-census/f.xlsx", "school-census", "8552001", "855"));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("FILE-018", null, Severity.Error, "rejected"), (issue.RuleId, issue.Row, issue.Severity, report.Status));
        Assert.StartsWith("Save the sheet as \"CSV UTF-8", issue.Fix);
    }

    [Fact]
    public void Open_ZipOfMorePartsThanAnyWorkbook_IsRefusedBeforeItsDirectoryIsRead()
    {
        var e = Refused(Workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", extra: zip =>
        {
            for (var i = 0; i < Limits.MaxWorkbookParts; i++) zip.CreateEntry("a");
        }));

        Assert.Equal(TabularProblem.WorkbookTooLarge, e.Problem);
        Assert.Equal("The workbook has more than 10,000 parts, far beyond any real return.", e.Message);
    }

    [Fact]
    public void Open_CommentLongerThanTheTokenLimit_IsRefusedEvenWithMarkupInside()
    {
        var comment = "<!--" + string.Concat(Enumerable.Repeat("<c r=\"A1\"><v>1</v></c>" + new string(' ', 1000), Limits.MaxXmlTokenBytes / 1000)) + "-->";

        var e = Refused(Workbook($"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>{comment}"));

        Assert.Equal(TabularProblem.WorkbookTooLarge, e.Problem);
    }

    [Fact]
    public void Read_RowLongerThanTheRowLimit_IsRowTooLongAtThatRow()
    {
        var cells = string.Concat(Enumerable.Range(0, 300).Select(i => $"<c t=\"inlineStr\"><is><t>{new string('y', 4_000)}</t></is></c>"));

        var e = Refused(Workbook($"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">{cells}</row>"));

        Assert.Equal((TabularProblem.RowTooLong, 2), (e.Problem, e.Row));
    }

    [Fact]
    public void Read_SheetWhoseValuesAddUpToMoreThanTheLimit_IsRefusedAtTheRowThatCrossesIt()
    {
        // Ten rows of 98 characters and a comma each, plus a line end: 101 characters a row.
        var rows = string.Concat(Enumerable.Range(1, 10).Select(r => $"<row r=\"{r}\"><c t=\"inlineStr\"><is><t>{new string('v', 98)}</t></is></c></row>"));
        var e = Assert.Throws<TabularFormatException>(() =>
        {
            using var reader = new XlsxTabularReader(Workbook(rows), maxValueChars: 1_000);
            var read = 0;
            while (reader.Read()) read++;
            Assert.Fail($"{read} rows read");
        });

        Assert.Equal(TabularProblem.WorkbookTooLarge, e.Problem);
        Assert.Contains("of values", e.Message);
        using var whole = new XlsxTabularReader(Workbook(rows), maxValueChars: 1_010);
        var count = 0;
        while (whole.Read()) count++;
        Assert.Equal(9, count);
    }

    [Fact]
    public void Read_ValueInAColumnPastTheLimit_IsTooManyColumns_ButAnEmptyStyledCellThereIsNot()
    {
        using (var reader = new XlsxTabularReader(Workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" s=\"0\"/></row>")))
            Assert.Equal(["1"], reader.Header);

        var e = Refused(Workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>2</v></c></row>"));

        Assert.Equal(TabularProblem.TooManyColumns, e.Problem);
    }

    [Fact]
    public void Guard_PartThatInflatesPastItsLimit_IsStoppedWhateverTheZipDeclares()
    {
        var bytes = Encoding.UTF8.GetBytes("<a>" + string.Concat(Enumerable.Repeat("<b>1</b>", 1_000)) + "</a>");
        using var guard = new XmlPartGuardStream(new MemoryStream(bytes), 4_000, () => new InvalidOperationException("too large"), () => new InvalidOperationException("token"));

        var e = Assert.Throws<InvalidOperationException>(() => guard.CopyTo(Stream.Null));

        Assert.Equal("too large", e.Message);
    }
}

/// <summary>The compact table of shared strings: what goes in comes out, across block boundaries and in any script.</summary>
public class SharedStringTableTests
{
    [Fact]
    public void Indexer_ReturnsEveryStringAsAdded_AcrossChunksAndBlocks()
    {
        var table = new SharedStringTable();
        var added = new List<string>();
        // 70,000 entries span two entry blocks; strings of up to 300 KB fill several 4 MB chunks.
        for (var i = 0; i < 70_000; i++)
        {
            var text = i % 10_000 == 0 ? new string((char)('a' + i % 26), 300_000) : i % 7 == 0 ? "" : $"Zoë £{i} 😀";
            table.Add(text);
            added.Add(text);
        }

        Assert.Equal(added.Count, table.Count);
        for (var i = 0; i < added.Count; i++) Assert.Equal(added[i], table[i]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[added.Count]);
    }
}
