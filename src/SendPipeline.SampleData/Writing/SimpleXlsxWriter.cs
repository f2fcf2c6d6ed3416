using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendPipeline.SampleData.Writing;

/// <summary>
/// A one-sheet workbook as a person would make it in Excel: dates are real date cells (a serial
/// number with a date format), numbers are numbers, text goes in the shared string table. The
/// bytes depend only on the content, so generated sample trees can be compared by hash.
/// </summary>
public static class SimpleXlsxWriter
{
    /// <summary>Built-in number format 14, the short date Excel shows in the reader's locale (dd/mm/yyyy in the UK).</summary>
    private const uint ShortDateFormatId = 14;
    private const uint DateStyleIndex = 1;
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<object?[]> rows, string sheetName = "Sheet1")
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: the SDK would otherwise make random ones.
            var workbookPart = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rId1");
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rId2");
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rId3");

            var strings = new SharedStrings();
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                uint rowNumber = 1;
                WriteRow(writer, rowNumber++, header.ToArray<object?>(), strings);
                foreach (var row in rows) WriteRow(writer, rowNumber++, row, strings);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            stringsPart.SharedStringTable = strings.ToTable();
            stylesPart.Stylesheet = Styles();
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = sheetName }));
        }
        DeterministicZip.Copy(buffer, output);
    }

    /// <summary>The Excel serial number of a date (days since 30 December 1899, Excel's leap-year bug included).</summary>
    public static double SerialOf(DateOnly date) => date.DayNumber - ExcelEpoch.DayNumber;

    private static void WriteRow(OpenXmlWriter writer, uint rowNumber, object?[] cells, SharedStrings strings)
    {
        writer.WriteStartElement(new Row { RowIndex = rowNumber });
        for (var column = 0; column < cells.Length; column++)
        {
            var cell = ToCell(cells[column], strings);
            if (cell is null) continue;
            cell.CellReference = ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell? ToCell(object? value, SharedStrings strings) => value switch
    {
        null or "" => null,
        string s => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(s)) },
        DateOnly d => DateCell(SerialOf(d)),
        DateTime t => DateCell(t.ToOADate()),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b) },
        int or long or short or byte or uint or ulong or double or float or decimal =>
            new Cell { CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        _ => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(value.ToString() ?? "")) },
    };

    private static Cell DateCell(double serial) => new()
    {
        StyleIndex = DateStyleIndex,
        CellValue = new CellValue(serial.ToString("R", CultureInfo.InvariantCulture)),
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>The smallest stylesheet Excel accepts, with a second cell format for dates.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = ShortDateFormatId, ApplyNumberFormat = true })
        { Count = 2 });

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];
        private int _references;

        public int IndexOf(string text)
        {
            _references++;
            if (_index.TryGetValue(text, out var i)) return i;
            _index[text] = _items.Count;
            _items.Add(text);
            return _items.Count - 1;
        }

        public SharedStringTable ToTable() => new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_references,
            UniqueCount = (uint)_items.Count,
        };
    }
}
