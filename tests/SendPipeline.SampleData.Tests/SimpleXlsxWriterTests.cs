using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.SampleData.Tests;

public sealed class SimpleXlsxWriterTests
{
    private static readonly string[] Header = ["Name", "When", "Count", "Flag"];

    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        SimpleXlsxWriter.Write(stream, Header, [["St Mary's, £1,234", new DateOnly(2026, 1, 15), 42, true], [null, new DateTime(2025, 10, 2), 1.5, false]]);
        return stream.ToArray();
    }

    [Fact]
    public void Dates_are_excel_date_cells_holding_the_serial()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == "B2");

        Assert.Equal("46037", cell.CellValue!.Text);
        Assert.Equal(46037, SimpleXlsxWriter.SerialOf(new DateOnly(2026, 1, 15)));
        Assert.Null(cell.DataType);
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.Equal(14u, format.NumberFormatId!.Value);
        Assert.Equal("45932", sheet.Descendants<Cell>().Single(c => c.CellReference == "B3").CellValue!.Text);
    }

    [Fact]
    public void Numbers_are_numeric_and_text_is_shared()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var workbook = document.WorkbookPart!;
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();

        Assert.Equal("42", cells["C2"].CellValue!.Text);
        Assert.Null(cells["C2"].DataType);
        Assert.Equal(CellValues.SharedString, cells["A2"].DataType!.Value);
        Assert.Equal("St Mary's, £1,234", strings[int.Parse(cells["A2"].CellValue!.Text)]);
        Assert.Equal(CellValues.Boolean, cells["D2"].DataType!.Value);
        Assert.False(cells.ContainsKey("A3"));
        Assert.Equal("Name", strings[int.Parse(cells["A1"].CellValue!.Text)]);
    }

    [Fact]
    public void The_same_content_gives_the_same_bytes()
    {
        var first = Workbook();
        Thread.Sleep(2_100); // zip times have a two-second resolution
        Assert.Equal(first, Workbook());
    }
}

/// <summary>The pipeline reads XLSX with ExcelDataReader, so the generated workbooks must suit it, not only the SDK that wrote them.</summary>
[Collection(GeneratedLaCollection.Name)]
public sealed class GeneratedXlsxTests(GeneratedLa la)
{
    [Fact]
    public void Excel_data_reader_sees_dates_as_dates_and_years_as_numbers()
    {
        // ExcelDataReader asks for code page 1252 as its fallback even for XLSX.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var file = la.Result.Files.First(f => f.File.EndsWith(".xlsx", StringComparison.Ordinal));
        using var stream = File.OpenRead(Path.Combine(la.Root, file.File));
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);

        Assert.True(reader.Read());
        Assert.Equal("LAEstab", reader.GetString(0));
        Assert.True(reader.Read());
        Assert.Equal(new DateTime(2026, 1, 15), reader.GetValue(1));
        Assert.IsType<DateTime>(reader.GetValue(3));
        Assert.Equal(double.Parse(file.LaEstab), reader.GetValue(0));
        var rows = 1;
        while (reader.Read()) rows++;
        Assert.Equal(file.Rows, rows);
    }
}
