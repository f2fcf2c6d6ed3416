using System.Globalization;
using System.Xml;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// The styles part, fixed whatever the content so that style indexes can be chosen while rows stream.
/// Text cells use the Text number format (@), so a value such as 0855 stays text even when someone
/// edits the cell. Numbers get a format with exactly as many decimal places as the decimal carries
/// (0, 0.0, 0.00, …), so 131200000.00 shows as the CSV has it, where General would show 131200000.
/// </summary>
internal static class WorkbookStyles
{
    private const int TextFormatId = 49, IntegerFormatId = 1, FirstCustomFormatId = 164;
    private const int MaxScale = 28; // the most decimal places a System.Decimal can carry

    /// <summary>The cellXfs index for a text cell.</summary>
    public static int Text(bool bold) => bold ? 2 : 1;

    /// <summary>The cellXfs index for a number with the given number of decimal places.</summary>
    public static int Number(int scale, bool bold) => 3 + 2 * scale + (bold ? 1 : 0);

    public static void Write(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Namespaces.Main);

        xml.WriteStartElement("numFmts");
        xml.WriteAttributeString("count", Invariant(MaxScale));
        for (var scale = 1; scale <= MaxScale; scale++)
        {
            xml.WriteStartElement("numFmt");
            xml.WriteAttributeString("numFmtId", Invariant(FormatId(scale)));
            xml.WriteAttributeString("formatCode", "0." + new string('0', scale));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("fonts");
        xml.WriteAttributeString("count", "2");
        Font(xml, bold: false);
        Font(xml, bold: true);
        xml.WriteEndElement();

        // Excel requires the first two fills to be these two.
        xml.WriteStartElement("fills");
        xml.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("fill");
            xml.WriteStartElement("patternFill");
            xml.WriteAttributeString("patternType", pattern);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("borders");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" }) xml.WriteElementString(side, Namespaces.Main, null);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyleXfs");
        xml.WriteAttributeString("count", "1");
        Xf(xml, formatId: 0, bold: false, isCellXf: false);
        xml.WriteEndElement();

        xml.WriteStartElement("cellXfs");
        xml.WriteAttributeString("count", Invariant(3 + 2 * (MaxScale + 1)));
        Xf(xml, formatId: 0, bold: false);
        Xf(xml, TextFormatId, bold: false);
        Xf(xml, TextFormatId, bold: true);
        for (var scale = 0; scale <= MaxScale; scale++)
        {
            Xf(xml, FormatId(scale), bold: false);
            Xf(xml, FormatId(scale), bold: true);
        }
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyles");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("cellStyle");
        xml.WriteAttributeString("name", "Normal");
        xml.WriteAttributeString("xfId", "0");
        xml.WriteAttributeString("builtinId", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    private static int FormatId(int scale) => scale == 0 ? IntegerFormatId : FirstCustomFormatId + scale - 1;

    private static void Font(XmlWriter xml, bool bold)
    {
        xml.WriteStartElement("font");
        if (bold) xml.WriteElementString("b", Namespaces.Main, null);
        Value(xml, "sz", "11");
        Value(xml, "name", "Calibri");
        Value(xml, "family", "2");
        xml.WriteEndElement();
    }

    private static void Xf(XmlWriter xml, int formatId, bool bold, bool isCellXf = true)
    {
        xml.WriteStartElement("xf");
        xml.WriteAttributeString("numFmtId", Invariant(formatId));
        xml.WriteAttributeString("fontId", bold ? "1" : "0");
        xml.WriteAttributeString("fillId", "0");
        xml.WriteAttributeString("borderId", "0");
        if (isCellXf)
        {
            xml.WriteAttributeString("xfId", "0");
            if (formatId != 0) xml.WriteAttributeString("applyNumberFormat", "1");
            if (bold) xml.WriteAttributeString("applyFont", "1");
        }
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
