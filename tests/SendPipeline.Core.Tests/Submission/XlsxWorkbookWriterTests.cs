using System.Collections;
using System.Globalization;
using SendPipeline.Core.Submission.Workbook;

namespace SendPipeline.Core.Tests.Submission;

/// <summary>
/// The workbook writer over the OpenXml SDK, read back by readers that share no code with it. Memory is
/// no longer asserted flat: the SDK's packaging on .NET holds each part uncompressed until it is saved
/// (dotnet/Open-XML-SDK#807); the return's sheets are a few thousand rows.
/// </summary>
public class XlsxWorkbookWriterTests
{
    private static byte[] Write(params WorkbookSheet[] sheets)
    {
        using var output = new MemoryStream();
        XlsxWorkbookWriter.Write(sheets, output);
        return output.ToArray();
    }

    private static WorkbookSheet Sheet(string name, params WorkbookCell[][] rows) => new(name, rows);

    /// <summary>A cover sheet and a table like those of a submission, with the values most likely to go wrong.</summary>
    private static WorkbookSheet[] Submission() =>
    [
        new("Cover",
        [
            ["LA".AsCell().AsBold(), "855"],
            ["Quarter".AsCell().AsBold(), "2026-Q1"],
            ["Rows".AsCell().AsBold(), 3],
        ], HeaderRows: 0),
        Sheet("Placements",
            ["LA code", "Cost", "Share", "Note"],
            ["0855", 131200000.00m, 0.1m, "=1+2"],
            ["00123", -5m, 0m, " padded "],
            ["TRUE", 12345678901234567.89m, 0.000001m, "line1\r\nline2 £ é 漢字 😀"]),
    ];

    [Fact]
    public void Write_Submission_OpenXmlReadsEverySheetCellValueAndType()
    {
        var sheets = WorkbookReaders.OpenXml(Write(Submission()));

        Assert.Equal(["Cover", "Placements"], sheets.Select(s => s.Name));
        var cover = sheets[0];
        Assert.Equal(
            ["A1 text LA bold", "B1 text 855", "A2 text Quarter bold", "B2 text 2026-Q1", "A3 text Rows bold", "B3 number 3"],
            cover.Cells.Select(Describe));
        var table = sheets[1];
        Assert.Equal(
        [
            "A1 text LA code bold", "B1 text Cost bold", "C1 text Share bold", "D1 text Note bold",
            "A2 text 0855", "B2 number 131200000.00", "C2 number 0.1", "D2 text =1+2",
            "A3 text 00123", "B3 number -5", "C3 number 0", "D3 text  padded ",
            "A4 text TRUE", "B4 number 12345678901234567.89", "C4 number 0.000001", "D4 text line1\r\nline2 £ é 漢字 😀",
        ], table.Cells.Select(Describe));
    }

    private static string Describe(ReadCell c) => $"{c.Reference} {(c.IsNumber ? "number" : "text")} {c.Value}{(c.Bold ? " bold" : "")}";

    [Fact]
    public void Write_Submission_ExcelDataReaderReadsTheSameSheetsAndValues()
    {
        var sheets = WorkbookReaders.ExcelDataReader(Write(Submission()));

        Assert.Equal(["Cover", "Placements"], sheets.Select(s => s.Name));
        Assert.Equal(["LA|855", "Quarter|2026-Q1", "Rows|3"], sheets[0].Rows.Select(Join));
        Assert.Equal(
        [
            "LA code|Cost|Share|Note",
            "0855|131200000|0.1|=1+2",
            "00123|-5|0| padded ",
            "TRUE|12345678901234568|1E-06|line1\r\nline2 £ é 漢字 😀",
        ], sheets[1].Rows.Select(Join));
        // Text stays a string and numbers are numbers, not text that looks like one.
        Assert.IsType<string>(sheets[1].Rows[1][0]);
        Assert.IsType<double>(sheets[1].Rows[1][1]);
    }

    private static string Join(object?[] row) =>
        string.Join('|', row.Select(v => v is double d ? d.ToString(CultureInfo.InvariantCulture) : v?.ToString()));

    [Fact]
    public void Write_Submission_IsValidAgainstTheOpenXmlSchema()
    {
        Assert.Empty(WorkbookReaders.SchemaErrors(Write(Submission())));
    }

    [Fact]
    public void Write_Numbers_ShowAsManyDecimalPlacesAsTheDecimalCarries()
    {
        var table = WorkbookReaders.OpenXml(Write(Submission()))[1];

        Assert.Equal("#,##0.00", table["B2"].NumberFormat);
        Assert.Equal("#,##0.0", table["C2"].NumberFormat);
        Assert.Equal("#,##0", table["B3"].NumberFormat);
        Assert.Equal("#,##0.000000", table["C4"].NumberFormat);
        // Text cells carry the Text format, so editing "0855" in Excel keeps it text.
        Assert.Equal("@", table["A2"].NumberFormat);
    }

    [Fact]
    public void Write_HeaderRows_AreBoldFrozenAndFiltered()
    {
        var sheets = WorkbookReaders.OpenXml(Write(
            Sheet("One header", ["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]),
            new WorkbookSheet("Two headers", [["Title"], ["x", "y"], ["1", "2"]], HeaderRows: 2),
            new WorkbookSheet("No header", [["x", "y"]], HeaderRows: 0)));

        Assert.Equal((1, "A1:C3"), (sheets[0].FrozenRows, sheets[0].AutoFilter));
        Assert.Equal((2, "A2:B3"), (sheets[1].FrozenRows, sheets[1].AutoFilter));
        Assert.Equal(((int?)null, (string?)null), (sheets[2].FrozenRows, sheets[2].AutoFilter));
        Assert.Equal([true, true, true, false, false], sheets[1].Cells.Select(c => c.Bold));
        Assert.All(sheets[2].Cells, c => Assert.False(c.Bold));
    }

    [Fact]
    public void Write_SameSheetsTwice_GivesIdenticalBytes()
    {
        var first = Write(Submission());
        var second = Write(Submission());
        var changed = Submission();
        changed[1] = Sheet("Placements", ["LA code"], ["0856"]);

        Assert.Equal(first, second);
        Assert.NotEqual(first, Write(changed));
    }

    [Fact]
    public void Write_TextThatLooksLikeAFormulaNumberOrBoolean_StaysText()
    {
        string[] tricky = ["0855", "=SUM(A1:A2)", "+44 1234", "-1", "1/2", "1E5", "TRUE", "00123", "@cmd", "2026-01-15"];

        var table = WorkbookReaders.OpenXml(Write(Sheet("Tricky", [.. tricky.Select(t => WorkbookCell.Of(t))])))[0];

        Assert.Equal(tricky, table.Cells.Select(c => c.Value));
        Assert.All(table.Cells, c => Assert.False(c.IsNumber));
    }

    [Fact]
    public void Write_CharactersIllegalInXml_AreDroppedAndLoneSurrogatesReplaced()
    {
        var bytes = Write(Sheet("Odd", ["a\u0001b\u0000c\u001Fd", "tab\tkept", "lone\uD800high", "bad\uFFFEend", "\u0002"]));

        var cells = WorkbookReaders.OpenXml(bytes)[0].Cells;

        Assert.Equal(["abcd", "tab\tkept", "lone\uFFFDhigh", "badend"], cells.Select(c => c.Value));
        // A cell left empty by the clean-up is blank, not an empty string.
        Assert.Equal(["A1", "B1", "C1", "D1"], cells.Select(c => c.Reference));
    }

    [Fact]
    public void Write_TextContainingExcelEscapeRuns_ReadsBackUnchanged()
    {
        string[] values = ["_x0041_", "a_x0041_x0042_b", "_X0041_ stays"];

        var read = WorkbookReaders.ExcelDataReader(Write(Sheet("Escapes", [.. values.Select(v => WorkbookCell.Of(v))])));

        Assert.Equal(values, read[0].Rows[0].Cast<string>());
    }

    [Fact]
    public void Write_BlankCells_AreLeftOutAndTheOthersKeepTheirColumns()
    {
        var cells = WorkbookReaders.OpenXml(Write(Sheet("Gaps", ["a", "", "c"], ["", ""], ["", "b"])))[0].Cells;

        Assert.Equal(["A1 a", "C1 c", "B3 b"], cells.Select(c => $"{c.Reference} {c.Value}"));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("A name that is thirty-two chars", null)]
    [InlineData("A name that is thirty-two chars!", "at most 31")]
    [InlineData("Q1/Q2", "'/'")]
    [InlineData("Table [1]", "'['")]
    [InlineData("Why?", "'?'")]
    [InlineData("'Quoted'", "apostrophe")]
    [InlineData("history", "reserved")]
    [InlineData("Tab\tname", "control character")]
    public void Write_SheetName_IsCheckedAgainstExcelsRules(string name, string? problem)
    {
        var sheet = Sheet(name, ["x"]);

        if (problem is null)
        {
            Assert.NotEmpty(Write(sheet));
            return;
        }
        var error = Assert.Throws<ArgumentException>(() => Write(sheet));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Write_SheetNamesDifferingOnlyInCase_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Write(Sheet("Cover", ["x"]), Sheet("COVER", ["y"])));

        Assert.Contains("'COVER' is used twice", error.Message);
    }

    [Fact]
    public void Write_NoSheets_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Write());
    }

    [Fact]
    public void Write_MoreRowsThanExcelAllows_IsRefusedBeforeWritingAnything()
    {
        var output = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() =>
            XlsxWorkbookWriter.Write([new WorkbookSheet("Huge", new GeneratedRows(1_048_577, _ => ["x"]))], output));

        Assert.Contains("at most 1048576", error.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Write_TextLongerThanExcelAllowsInACell_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Write(Sheet("Long", ["h"], [new string('x', 32_768)])));

        Assert.Contains("Cell A2 of sheet 'Long'", error.Message);
    }

    [Fact]
    public void Write_HundredThousandRowsByTenColumns_RoundTripsThroughOpenXml()
    {
        const int rows = 100_000;
        var sheet = new WorkbookSheet("Big", new GeneratedRows(rows + 1, BigRow));

        var read = WorkbookReaders.OpenXml(Write(sheet))[0];

        Assert.Equal((rows + 1) * 10, read.Cells.Count);
        for (var i = 0; i <= rows; i++)
        {
            var expected = BigRow(i);
            for (var column = 0; column < 10; column++)
            {
                var cell = read.Cells[i * 10 + column];
                var want = expected[column];
                if (cell.Value != (want.Number?.ToString(CultureInfo.InvariantCulture) ?? want.Text) || cell.IsNumber != want.Number.HasValue)
                    Assert.Fail($"{cell.Reference}: expected {want}, read {cell}");
            }
        }
        Assert.Equal(["J100001 number 1000000.00", "A50001 text 050000"], [Describe(read.Cells[^1]), Describe(read.Cells[50_000 * 10])]);
    }

    [Fact]
    public void Write_MoneyPercentAndDates_AreNumbersWithTheirFormats()
    {
        var sheet = Sheet("Kinds", ["amount (£)", "share (%)", "date", "at"],
            [
                WorkbookCell.Money(-9_812_345.67m), WorkbookCell.Percent(82.5m), WorkbookCell.Date(new DateOnly(2026, 1, 15)),
                WorkbookCell.DateTime(new DateTime(2026, 4, 15, 7, 30, 15, DateTimeKind.Utc)),
            ]);

        var table = WorkbookReaders.OpenXml(Write(sheet))[0];

        Assert.Equal(["A2 number -9812345.67", "B2 number 82.5", "C2 number 46037", "D2 number 46127.3126736111"],
            table.Cells.Skip(4).Select(Describe));
        Assert.Equal("\"£\"#,##0;\\-\"£\"#,##0", table["A2"].NumberFormat);
        Assert.Equal("0.0", table["B2"].NumberFormat);
        Assert.Equal("yyyy\\-mm\\-dd", table["C2"].NumberFormat);
        Assert.Equal("yyyy\\-mm\\-dd\\ hh:mm:ss", table["D2"].NumberFormat);
        // ExcelDataReader turns a date-formatted serial into the date itself.
        var read = WorkbookReaders.ExcelDataReader(Write(sheet))[0].Rows[1];
        Assert.Equal(new DateTime(2026, 1, 15), read[2]);
        Assert.Equal(new DateTime(2026, 4, 15, 7, 30, 15), read[3]);
    }

    [Fact]
    public void Write_EverySheet_HasColumnWidthsWideEnoughForItsValues()
    {
        var sheets = WorkbookReaders.OpenXml(Write(
            Sheet("Money", ["amount (£)", "note"], [WorkbookCell.Money(-214_012_345.55m), "x"]),
            new WorkbookSheet("Cover", [["Title"], ["A label", new string('w', 100)]], HeaderRows: 1, Filter: false)));

        // "-£214,012,346" is 13 characters: the column is wider, so Excel shows it rather than ###.
        Assert.Equal(2, sheets[0].ColumnWidths.Count);
        Assert.InRange(sheets[0].ColumnWidths[0], 14, 20);
        // Long text is capped, not given a column the width of the screen.
        Assert.Equal(60, sheets[1].ColumnWidths[1]);
        Assert.Equal((1, (string?)null), (sheets[1].FrozenRows, sheets[1].AutoFilter));
    }

    private static WorkbookCell[] BigRow(int i) => i == 0
        ? [.. Enumerable.Range(1, 10).Select(c => WorkbookCell.Of($"Column {c}"))]
        : [$"{i:000000}", $"school {i % 97}", i, i * 0.5m, "Y", $"note {i}", -i, 0.01m * i, "N", i * 10m + 0.00m];

    /// <summary>Rows made on demand, as a large table would supply them: nothing is held.</summary>
    private sealed class GeneratedRows(int count, Func<int, IReadOnlyList<WorkbookCell>> make) : IReadOnlyList<IReadOnlyList<WorkbookCell>>
    {
        public int Served { get; private set; }

        public int Count => count;

        public IReadOnlyList<WorkbookCell> this[int index] => make(index);

        public IEnumerator<IReadOnlyList<WorkbookCell>> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                Served++;
                yield return make(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

internal static class CellTextExtensions
{
    public static WorkbookCell AsCell(this string text) => WorkbookCell.Of(text);
}
