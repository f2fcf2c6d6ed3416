namespace SendPipeline.Core.Submission.Workbook;

/// <summary>The Open Packaging and SpreadsheetML namespaces and relationship types the workbook uses.</summary>
internal static class Namespaces
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    public const string OfficeDocumentRelationship = Relationships + "/officeDocument";
    public const string WorksheetRelationship = Relationships + "/worksheet";
    public const string StylesRelationship = Relationships + "/styles";

    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    public const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
}
