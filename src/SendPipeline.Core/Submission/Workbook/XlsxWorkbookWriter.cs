using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// Writes an XLSX workbook (SpreadsheetML) directly with <see cref="ZipArchive"/> and <see cref="XmlWriter"/>:
/// no DOM, so a sheet of any length streams in flat memory, and no clock, GUID or random id, so the
/// same sheets always give the same bytes (fixed entry order and timestamps; see <see cref="FixedZipEntry"/>).
/// Bytes are identical for identical input on the same .NET runtime and operating system: the zip
/// records the platform that made it, and the compressor belongs to the runtime.
/// </summary>
public static class XlsxWorkbookWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Written as &#xD; so a carriage return inside a value survives XML's line-end normalisation.
        NewLineHandling = NewLineHandling.Entitize,
        Indent = false,
    };

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
                throw new ArgumentException($"Sheet '{sheet.Name}' has {sheet.HeaderRows} header rows; use 0 or more.", nameof(sheets));
            if (sheet.Rows.Count > CellReference.MaxRows)
                throw new ArgumentException($"Sheet '{sheet.Name}' has {sheet.Rows.Count} rows; Excel allows at most {CellReference.MaxRows}. Split the table across sheets.", nameof(sheets));
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart(zip, "[Content_Types].xml", xml => WriteContentTypes(xml, sheets.Count));
        WritePart(zip, "_rels/.rels", xml => WriteRelationships(xml, [("rId1", Namespaces.OfficeDocumentRelationship, "xl/workbook.xml")]));
        WritePart(zip, "xl/workbook.xml", xml => WriteWorkbook(xml, sheets));
        WritePart(zip, "xl/_rels/workbook.xml.rels", xml => WriteRelationships(xml,
        [
            .. sheets.Select((_, i) => (SheetRelationshipId(i), Namespaces.WorksheetRelationship, $"worksheets/{SheetPartName(i)}")),
            ($"rId{sheets.Count + 1}", Namespaces.StylesRelationship, "styles.xml"),
        ]));
        WritePart(zip, "xl/styles.xml", WorkbookStyles.Write);
        for (var i = 0; i < sheets.Count; i++)
        {
            var index = i;
            WritePart(zip, "xl/worksheets/" + SheetPartName(i), xml => WorksheetWriter.Write(xml, sheets[index], selected: index == 0));
        }
    }

    private static void WritePart(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var entry = FixedZipEntry.Create(zip, name).Open();
        using var xml = XmlWriter.Create(entry, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void WriteContentTypes(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Types", Namespaces.ContentTypes);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Override(xml, "/xl/workbook.xml", Namespaces.WorkbookContentType);
        Override(xml, "/xl/styles.xml", Namespaces.StylesContentType);
        for (var i = 0; i < sheetCount; i++) Override(xml, "/xl/worksheets/" + SheetPartName(i), Namespaces.WorksheetContentType);
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string contentType)
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string part, string contentType)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }
    }

    private static void WriteRelationships(XmlWriter xml, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        xml.WriteStartElement("Relationships", Namespaces.PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship");
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteWorkbook(XmlWriter xml, IReadOnlyList<WorkbookSheet> sheets)
    {
        xml.WriteStartElement("workbook", Namespaces.Main);
        xml.WriteAttributeString("xmlns", "r", null, Namespaces.Relationships);
        xml.WriteStartElement("bookViews");
        xml.WriteStartElement("workbookView");
        xml.WriteAttributeString("activeTab", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", sheets[i].Name);
            xml.WriteAttributeString("sheetId", Invariant(i + 1));
            xml.WriteAttributeString("id", Namespaces.Relationships, SheetRelationshipId(i));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        // Excel keeps each auto-filter's range in a hidden defined name as well as on the sheet.
        var filters = sheets.Select((sheet, i) => (Index: i, Sheet: sheet, Range: WorksheetWriter.FilterRange(sheet, absolute: true)))
            .Where(f => f.Range is not null).ToList();
        if (filters.Count > 0)
        {
            xml.WriteStartElement("definedNames");
            foreach (var (index, sheet, range) in filters)
            {
                xml.WriteStartElement("definedName");
                xml.WriteAttributeString("name", "_xlnm._FilterDatabase");
                xml.WriteAttributeString("localSheetId", Invariant(index));
                xml.WriteAttributeString("hidden", "1");
                xml.WriteString($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{range}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string SheetPartName(int index) => $"sheet{Invariant(index + 1)}.xml";

    private static string SheetRelationshipId(int index) => $"rId{Invariant(index + 1)}";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
