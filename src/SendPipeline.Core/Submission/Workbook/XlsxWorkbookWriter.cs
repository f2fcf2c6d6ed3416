using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// Writes an XLSX workbook with the OpenXml SDK: the package, parts and relationships through its
/// packaging API, each worksheet row by row through its <see cref="OpenXmlWriter"/>. Every sheet gets
/// column widths and, when it has a header, a frozen pane below it. The SDK stamps zip entries with
/// the current time, so the package is copied entry by entry with one fixed time (see
/// <see cref="FixedZipEntry"/>): the same sheets always give the same bytes on the same runtime.
/// On .NET the SDK's packaging holds each part uncompressed in memory until it is saved
/// (dotnet/Open-XML-SDK#807), which the return's tables, a few thousand rows, do not notice.
/// </summary>
public static class XlsxWorkbookWriter
{
    /// <summary>Excel's limit on the characters in one cell; longer text makes it "repair" the file.</summary>
    public const int MaxCellText = 32_767;

    /// <summary>Column widths are measured over the header and this many rows: enough to be representative.</summary>
    private const int WidthSampleRows = 2_000;

    private const double MinWidth = 8, MaxWidth = 60;

    private const string WorkbookContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>
    /// Writes the sheets, in the order given, to <paramref name="output"/> (left open). Throws
    /// <see cref="ArgumentException"/> before writing a byte when a sheet name breaks Excel's rules or a
    /// sheet has more rows than Excel allows; a row or cell over Excel's limits throws as it is reached.
    /// </summary>
    public static void Write(IReadOnlyList<WorkbookSheet> sheets, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(output);
        SheetNames.Check(sheets);
        foreach (var sheet in sheets)
        {
            if (sheet.HeaderRows < 0)
                throw new ArgumentException($"Sheet '{sheet.Name}' has {sheet.HeaderRows} header rows; use 0 or "
                    + $"more.", nameof(sheets));
            if (sheet.Rows.Count > CellReference.MaxRows)
                throw new ArgumentException($"Sheet '{sheet.Name}' has {sheet.Rows.Count} rows; Excel allows at "
                    + $"most {CellReference.MaxRows}. Split the table across sheets.", nameof(sheets));
        }

        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            // Relationship ids are given, not generated (the SDK's are random), so that they are the same on every run.
            var workbookPart = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rId1");
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = WorkbookStyles.Build();
            var sheetElements = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var id = $"rId{i + 1}";
                var part = workbookPart.AddNewPart<WorksheetPart>(id);
                WriteSheet(part, sheets[i], selected: i == 0);
                sheetElements.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
                // Excel keeps each auto-filter's range in a hidden defined name as well as on the sheet.
                if (FilterRange(sheets[i], absolute: true) is { } range)
                    definedNames.Append(new DefinedName($"'{Quoted(sheets[i].Name)}'!{range}")
                    {
                        Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
                    });
            }
            var workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0 }), sheetElements);
            if (definedNames.HasChildren) workbook.Append(definedNames);
            workbookPart.Workbook = workbook;
        }
        CopyWithFixedTimes(package, output);
    }

    private static string Quoted(string sheetName) => sheetName.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>The header row width and every row below it, or null when the sheet has no filtered header.</summary>
    private static string? FilterRange(WorkbookSheet sheet, bool absolute = false)
    {
        var headerRows = Math.Min(sheet.HeaderRows, sheet.Rows.Count);
        if (!sheet.Filter || headerRows == 0) return null;
        var width = sheet.Rows[headerRows - 1].Count;
        if (width == 0) return null;
        var dollar = absolute ? "$" : "";
        var last = CellReference.Column(width - 1);
        return $"{dollar}A{dollar}{headerRows}:{dollar}{last}{dollar}{sheet.Rows.Count}";
    }

    private static void WriteSheet(WorksheetPart part, WorkbookSheet sheet, bool selected)
    {
        var headerRows = Math.Min(sheet.HeaderRows, sheet.Rows.Count);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(View(headerRows, selected));
        if (Widths(sheet) is { Count: > 0 } widths)
            writer.WriteElement(new Columns(widths.Select((width, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));

        writer.WriteStartElement(new SheetData());
        var columnNames = new List<string>();
        var rowNumber = 0;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            if (row.Count > CellReference.MaxColumns)
                throw new ArgumentException($"Row {rowNumber} of sheet '{sheet.Name}' has {row.Count} cells; Excel "
                    + $"allows at most {CellReference.MaxColumns}.", nameof(sheet));
            while (columnNames.Count < row.Count) columnNames.Add(CellReference.Column(columnNames.Count));
            WriteRow(writer, sheet.Name, row, rowNumber, isHeader: rowNumber <= headerRows, columnNames);
        }
        writer.WriteEndElement();

        if (FilterRange(sheet) is { } filter) writer.WriteElement(new AutoFilter { Reference = filter });
        writer.WriteEndElement();
    }

    /// <summary>The header rows stay in view while scrolling (a frozen pane below them).</summary>
    private static SheetViews View(int headerRows, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected ? true : null };
        if (headerRows > 0)
        {
            var firstBodyCell = CellReference.Of(0, headerRows + 1);
            view.Append(
                new Pane
                {
                    VerticalSplit = headerRows, TopLeftCell = firstBodyCell, ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection
                {
                    Pane = PaneValues.BottomLeft, ActiveCell = firstBodyCell,
                    SequenceOfReferences = new ListValue<StringValue>([firstBodyCell]),
                });
        }
        return new SheetViews(view);
    }

    /// <summary>
    /// A width per column, in characters, from the longest value shown in it among the header and the
    /// first rows (a money cell as its £#,##0 text), within bounds, so that no figure shows as ###.
    /// </summary>
    private static List<double> Widths(WorkbookSheet sheet)
    {
        var widths = new List<double>();
        for (var r = 0; r < Math.Min(sheet.Rows.Count, WidthSampleRows); r++)
        {
            var row = sheet.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                while (widths.Count <= c) widths.Add(MinWidth);
                // Room for bold text and the filter button in a header, a margin elsewhere.
                var shown = ShownLength(row[c]) + (r < sheet.HeaderRows ? 4 : 2);
                widths[c] = Math.Clamp(Math.Max(widths[c], shown), MinWidth, MaxWidth);
            }
        }
        return widths;
    }

    private static int ShownLength(WorkbookCell cell) => cell switch
    {
        // Two more for money: room for the column's total, which an officer will add.
        { Number: { } n, Kind: CellKind.Money } => Math.Round(n).ToString("£#,##0;-£#,##0", Invariant).Length + 2,
        { Number: { } n, Kind: CellKind.Number } => n.ToString("#,##0.############################", Invariant).Length,
        // Long text wraps no further than the widest line.
        _ => (cell.Text ?? "").Split('\n').Max(line => line.Length),
    };

    private static readonly System.Globalization.CultureInfo Invariant =
        System.Globalization.CultureInfo.InvariantCulture;

    private static void WriteRow(OpenXmlWriter writer, string sheetName, IReadOnlyList<WorkbookCell> row, int rowNumber,
        bool isHeader, List<string> columnNames)
    {
        // A row without a value is left out; the row numbers of the rest keep every row in its place.
        var started = false;
        var rowText = rowNumber.ToString(Invariant);
        for (var column = 0; column < row.Count; column++)
        {
            var cell = row[column];
            var text = cell.Number is null ? CellText.Clean(cell.Text ?? "") : null;
            if (text is { Length: 0 }) continue;
            if (text is { Length: > MaxCellText })
                throw new ArgumentException($"Cell {columnNames[column]}{rowText} of sheet '{sheetName}' holds "
                    + $"{text.Length} characters; Excel allows at most {MaxCellText}.", nameof(row));
            if (!started)
            {
                writer.WriteStartElement(new Row { RowIndex = (uint)rowNumber });
                started = true;
            }

            var style = WorkbookStyles.For(cell, bold: isHeader || cell.Bold);
            var reference = columnNames[column] + rowText;
            writer.WriteElement(cell.Number is { } number
                // Decimal's own invariant text: never an exponent, never through a double.
                ? new Cell(new CellValue(number.ToString(Invariant))) { CellReference = reference, StyleIndex = style }
                // An inline string is only ever text: "=1+2" is not a formula and "0855" keeps its zero.
                : new Cell(new InlineString(new Text(CellText.EscapeForExcel(text!))
                {
                    Space = NeedsPreserve(text!) ? SpaceProcessingModeValues.Preserve : null,
                }))
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
                });
        }
        if (started) writer.WriteEndElement();
    }

    /// <summary>Without xml:space="preserve", readers may trim leading and trailing spaces and line breaks.</summary>
    private static bool NeedsPreserve(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
        || text.Contains('\n') || text.Contains('\r') || text.Contains('\t');

    /// <summary>The package as the SDK wrote it, entry by entry in its order, with one fixed time on each.</summary>
    private static void CopyWithFixedTimes(MemoryStream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            using var from = entry.Open();
            using var to = FixedZipEntry.Create(target, entry.FullName).Open();
            from.CopyTo(to);
        }
    }
}
