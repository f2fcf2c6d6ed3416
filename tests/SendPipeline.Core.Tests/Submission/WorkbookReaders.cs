using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;

namespace SendPipeline.Core.Tests.Submission;

/// <summary>A cell as an independent reader sees it: its reference, whether it is numeric, its stored value, its font.</summary>
internal sealed record ReadCell(string Reference, bool IsNumber, string Value, bool Bold, string? NumberFormat);

/// <summary>A worksheet as the OpenXml SDK finds it in the package.</summary>
internal sealed record ReadSheet(
    string Name, List<ReadCell> Cells, int? FrozenRows, string? AutoFilter, List<double> ColumnWidths)
{
    public ReadCell this[string reference] => Cells.Single(c => c.Reference == reference);
}

/// <summary>
/// Reads workbooks back with readers that share no code with the writer: the OpenXml SDK (streaming,
/// so a 100,000-row sheet reads quickly) and ExcelDataReader, the reader uploads go through.
/// </summary>
internal static class WorkbookReaders
{
    static WorkbookReaders() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static List<ReadSheet> OpenXml(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var styles = workbookPart.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        var customFormats = styles.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];

        var sheets = new List<ReadSheet>();
        foreach (var sheet in workbookPart.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            var cells = new List<ReadCell>();
            int? frozen = null;
            string? filter = null;
            var widths = new List<double>();
            string? reference = null, type = null, value = null;
            var style = 0;
            // The SDK resolves the part; System.Xml reads its cells, which for 1,000,000 cells is several
            // times faster than the SDK's element objects and shares no code with the writer either.
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read));
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.LocalName == "c") cells.Add(ToReadCell(reference!, style, type, value!));
                    continue;
                }
                if (xml.NodeType != XmlNodeType.Element) continue;
                switch (xml.LocalName)
                {
                    case "c":
                        reference = xml.GetAttribute("r");
                        style = int.Parse(xml.GetAttribute("s") ?? "0", CultureInfo.InvariantCulture);
                        type = xml.GetAttribute("t");
                        value = null;
                        break;
                    case "v" or "t":
                        value = ExcelUnescape(xml.ReadElementContentAsString());
                        // ReadElementContentAsString leaves the reader on the next node, which may be the cell's end.
                        if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "c") cells.Add(ToReadCell(reference!, style, type, value));
                        break;
                    case "f":
                        Assert.Fail($"Cell {reference} has a formula.");
                        break;
                    case "pane" when xml.GetAttribute("state") == "frozen":
                        frozen = int.Parse(xml.GetAttribute("ySplit")!, CultureInfo.InvariantCulture);
                        break;
                    case "col":
                        widths.Add(double.Parse(xml.GetAttribute("width")!, CultureInfo.InvariantCulture));
                        break;
                    case "autoFilter":
                        filter = xml.GetAttribute("ref");
                        break;
                }
            }
            sheets.Add(new ReadSheet(sheet.Name!.Value!, cells, frozen, filter, widths));
        }
        return sheets;

        ReadCell ToReadCell(string reference, int style, string? type, string value)
        {
            var format = formats[style];
            var bold = fonts[(int)(format.FontId?.Value ?? 0)].Bold is not null;
            var isNumber = type is null or "n";
            if (!isNumber) Assert.Equal("inlineStr", type);
            var formatId = format.NumberFormatId?.Value ?? 0;
            var numberFormat = customFormats.TryGetValue(formatId, out var code) ? code : formatId switch { 0 => "General", 1 => "0", 3 => "#,##0", 49 => "@", _ => $"#{formatId}" };
            return new ReadCell(reference, isNumber, value, bold, numberFormat);
        }
    }

    /// <summary>Decodes ECMA-376 ST_Xstring escapes (_x000D_ a carriage return, _x005F_ an underscore) as Excel does.</summary>
    private static string ExcelUnescape(string text) =>
        !text.Contains("_x", StringComparison.Ordinal) ? text
            : System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_",
                m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                    .ToString());

    /// <summary>The schema errors the OpenXml SDK finds; Excel refuses or "repairs" a file that has any.</summary>
    public static List<string> SchemaErrors(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Each sheet's name and rows as ExcelDataReader gives them: strings, doubles, or null for a blank.</summary>
    public static List<(string Name, List<object?[]> Rows)> ExcelDataReader(byte[] workbook)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(workbook));
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)).ToArray());
            sheets.Add((reader.Name, rows));
        } while (reader.NextResult());
        return sheets;
    }
}
