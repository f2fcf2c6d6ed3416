using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// The styles part, fixed whatever the content so that a cell's style index follows from the cell
/// alone while rows stream. Text cells use the Text number format (@), so a value such as 0855 stays
/// text even when someone edits the cell. Numbers get thousands separators and exactly as many decimal
/// places as the decimal carries (#,##0, #,##0.0, …), so 12.50 FTE shows as the CSV has it.
/// </summary>
internal static class WorkbookStyles
{
    private const uint TextFormatId = 49, IntegerFormatId = 3, FirstCustomFormatId = 164;
    private const int MaxScale = 28; // the most decimal places a System.Decimal can carry

    private const uint MoneyFormatId = FirstCustomFormatId + MaxScale, PercentFormatId = MoneyFormatId + 1,
        DateFormatId = PercentFormatId + 1, DateTimeFormatId = DateFormatId + 1;

    /// <summary>The number formats after the per-scale ones, in the order of their cell styles.</summary>
    private static readonly (CellKind Kind, uint FormatId, string Code)[] Fixed =
    [
        (CellKind.Money, MoneyFormatId, "\"£\"#,##0;\\-\"£\"#,##0"),
        (CellKind.Percent, PercentFormatId, "0.0"),
        (CellKind.Date, DateFormatId, "yyyy\\-mm\\-dd"),
        (CellKind.DateTime, DateTimeFormatId, "yyyy\\-mm\\-dd\\ hh:mm:ss"),
    ];

    private const uint FirstFixedStyle = 3 + 2 * (MaxScale + 1);

    /// <summary>The cellXfs index for a cell.</summary>
    public static uint For(WorkbookCell cell, bool bold)
    {
        var plain = cell.Number is not { } number ? 1
            : cell.Kind is CellKind.Number or CellKind.Text ? 3 + 2 * (uint)number.Scale
            : FirstFixedStyle + 2 * (uint)Array.FindIndex(Fixed, f => f.Kind == cell.Kind);
        return plain + (bold ? 1u : 0u);
    }

    public static Stylesheet Build()
    {
        var formats = new NumberingFormats();
        for (var scale = 1; scale <= MaxScale; scale++)
            formats.Append(new NumberingFormat
            {
                NumberFormatId = FormatId(scale), FormatCode = "#,##0." + new string('0', scale),
            });
        foreach (var (_, id, code) in Fixed)
            formats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
        formats.Count = (uint)formats.ChildElements.Count;

        var cellFormats = new CellFormats(Xf(0, bold: false), Xf(TextFormatId, false), Xf(TextFormatId, bold: true));
        for (var scale = 0; scale <= MaxScale; scale++)
            cellFormats.Append(Xf(FormatId(scale), false), Xf(FormatId(scale), true));
        foreach (var (_, id, _) in Fixed) cellFormats.Append(Xf(id, false), Xf(id, true));
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;

        return new Stylesheet(
            formats,
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            // Excel requires the first two fills to be these two.
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(
                new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()))
            {
                Count = 1,
            },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 })
            {
                Count = 1,
            },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static uint FormatId(int scale) => scale == 0 ? IntegerFormatId : FirstCustomFormatId + (uint)scale - 1;

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Xf(uint formatId, bool bold) => new()
    {
        NumberFormatId = formatId, FontId = bold ? 1u : 0u, FillId = 0, BorderId = 0, FormatId = 0,
        ApplyNumberFormat = formatId != 0 ? new BooleanValue(true) : null,
        ApplyFont = bold ? new BooleanValue(true) : null,
    };
}
