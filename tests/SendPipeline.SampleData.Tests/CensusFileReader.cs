using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendPipeline.SampleData.Tests;

/// <summary>
/// Reads generated census files back for the tests: just enough CSV (the generator never quotes)
/// and XLSX, with dates normalised to yyyy-MM-dd so tests see one shape whatever the school wrote.
/// </summary>
internal static class CensusFileReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    public static (string[] Header, List<string[]> Rows) Read(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(path) : ReadCsv(path);

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static (string[], List<string[]>) ReadCsv(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true)).TrimStart('\uFEFF');
        Assert.DoesNotContain('"', text);
        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]);
        return (lines[0].Split(','), lines[1..^1].Select(l => l.Split(',')).ToList());
    }

    private static (string[], List<string[]>) ReadXlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var dateStyles = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is 14 or (>= 164 and <= 200)).ToArray();
        var sheetId = workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!;
        var sheet = ((WorksheetPart)workbook.GetPartById(sheetId)).Worksheet;
        var rows = new List<string[]>();
        foreach (var row in sheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column) cells.Add("");
                cells.Add(CellText(cell, strings, dateStyles));
            }
            rows.Add([.. cells]);
        }
        var width = rows[0].Length;
        return (rows[0], rows.Skip(1).Select(r => r.Concat(Enumerable.Repeat("", width - r.Length)).ToArray()).ToList());
    }

    private static string CellText(Cell cell, string[] strings, bool[] dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString) return strings[int.Parse(raw, CultureInfo.InvariantCulture)];
        if (cell.StyleIndex is { } style && dateStyles[style.Value])
        {
            var serial = (int)double.Parse(raw, CultureInfo.InvariantCulture);
            return new DateOnly(1899, 12, 30).AddDays(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }
}
