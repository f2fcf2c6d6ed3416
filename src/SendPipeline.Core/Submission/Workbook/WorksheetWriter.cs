using System.Globalization;
using System.Xml;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// Writes one worksheet part row by row straight into the zip entry, so memory stays flat however
/// many rows the sheet has. Strings are inline (<c>t="inlineStr"</c>): a shared string table would
/// have to hold every distinct value in memory until the last row, and inline strings read the same.
/// </summary>
internal static class WorksheetWriter
{
    /// <summary>Excel's limit on the characters in one cell; longer text makes it "repair" the file.</summary>
    public const int MaxCellText = 32_767;

    /// <summary>The header row width and every row below it, or null when the sheet has no header to filter on.</summary>
    public static string? FilterRange(WorkbookSheet sheet, bool absolute = false)
    {
        var headerRows = Math.Min(sheet.HeaderRows, sheet.Rows.Count);
        if (headerRows == 0) return null;
        var width = sheet.Rows[headerRows - 1].Count;
        if (width == 0) return null;
        var dollar = absolute ? "$" : "";
        var last = CellReference.Column(width - 1);
        return $"{dollar}A{dollar}{headerRows}:{dollar}{last}{dollar}{sheet.Rows.Count}";
    }

    public static void Write(XmlWriter xml, WorkbookSheet sheet, bool selected)
    {
        var headerRows = Math.Min(sheet.HeaderRows, sheet.Rows.Count);
        xml.WriteStartElement("worksheet", Namespaces.Main);
        WriteView(xml, headerRows, selected);

        xml.WriteStartElement("sheetData");
        var columnNames = new List<string>();
        var rowNumber = 0;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            if (row.Count > CellReference.MaxColumns)
                throw new ArgumentException($"Row {rowNumber} of sheet '{sheet.Name}' has {row.Count} cells; Excel allows at most {CellReference.MaxColumns}.", nameof(sheet));
            while (columnNames.Count < row.Count) columnNames.Add(CellReference.Column(columnNames.Count));
            WriteRow(xml, sheet.Name, row, rowNumber, isHeader: rowNumber <= headerRows, columnNames);
        }
        xml.WriteEndElement();

        var filter = FilterRange(sheet);
        if (filter is not null)
        {
            xml.WriteStartElement("autoFilter");
            xml.WriteAttributeString("ref", filter);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The header rows stay in view while scrolling (a frozen pane below them).</summary>
    private static void WriteView(XmlWriter xml, int headerRows, bool selected)
    {
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        if (selected) xml.WriteAttributeString("tabSelected", "1");
        xml.WriteAttributeString("workbookViewId", "0");
        if (headerRows > 0)
        {
            var firstBodyCell = CellReference.Of(0, headerRows + 1);
            xml.WriteStartElement("pane");
            xml.WriteAttributeString("ySplit", Invariant(headerRows));
            xml.WriteAttributeString("topLeftCell", firstBodyCell);
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteStartElement("selection");
            xml.WriteAttributeString("pane", "bottomLeft");
            xml.WriteAttributeString("activeCell", firstBodyCell);
            xml.WriteAttributeString("sqref", firstBodyCell);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, string sheetName, IReadOnlyList<WorkbookCell> row, int rowNumber, bool isHeader, List<string> columnNames)
    {
        // A row without a value is left out; the row numbers of the rest keep every row in its place.
        var started = false;
        var rowText = Invariant(rowNumber);
        for (var column = 0; column < row.Count; column++)
        {
            var cell = row[column];
            var text = cell.Number is null ? XmlText.Clean(cell.Text ?? "") : null;
            if (text is { Length: 0 }) continue;
            if (text is { Length: > MaxCellText })
                throw new ArgumentException($"Cell {columnNames[column]}{rowText} of sheet '{sheetName}' holds {text.Length} characters; Excel allows at most {MaxCellText}.", nameof(row));
            if (!started)
            {
                xml.WriteStartElement("row");
                xml.WriteAttributeString("r", rowText);
                started = true;
            }

            var bold = isHeader || cell.Bold;
            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", columnNames[column] + rowText);
            if (cell.Number is { } number)
            {
                xml.WriteAttributeString("s", Invariant(WorkbookStyles.Number(number.Scale, bold)));
                // Decimal's own invariant text: never an exponent, never through a double.
                xml.WriteElementString("v", Namespaces.Main, number.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                // An inline string is only ever text: "=1+2" is not a formula and "0855" keeps its zero.
                xml.WriteAttributeString("s", Invariant(WorkbookStyles.Text(bold)));
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is");
                xml.WriteStartElement("t");
                if (NeedsPreserve(text!)) xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlText.EscapeForExcel(text!));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        if (started) xml.WriteEndElement();
    }

    /// <summary>Without xml:space="preserve", readers may trim leading and trailing spaces and line breaks.</summary>
    private static bool NeedsPreserve(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n') || text.Contains('\r') || text.Contains('\t');

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
