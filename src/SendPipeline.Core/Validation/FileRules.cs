namespace SendPipeline.Core.Validation;

/// <summary>Problems with a file as a whole (spec 1): errors with no row unless a row is known.</summary>
public static class FileRules
{
    private const string Scope = "file";

    public static readonly Rule Empty = new("FILE-001", Severity.Error, Scope,
        "The file has nothing in it: it is empty, or holds only blank lines or an empty sheet.",
        "Export the return again from your system and upload the saved file.");

    public static readonly Rule NoDataRows = new("FILE-002", Severity.Error, Scope,
        "The file has a header row but no data rows.",
        "Check you exported the right report; a return must have at least one row under the header.");

    public static readonly Rule TooLarge = new("FILE-003", Severity.Error, Scope,
        "The file is {size}; the limit is 100 MB.",
        "Split the return or remove columns the return does not use, then upload again.");

    public static readonly Rule NotText = new("FILE-004", Severity.Error, Scope,
        "The file is not a CSV or XLSX file: {detail}",
        "Save the return from Excel as \"CSV UTF-8 (Comma delimited)\" or as an Excel Workbook (.xlsx).");

    public static readonly Rule UnsupportedEncoding = new("FILE-005", Severity.Error, Scope,
        "The file is saved as {encoding}, which is not accepted.",
        "Save it as \"CSV UTF-8 (Comma delimited)\" or plain \"CSV (Comma delimited)\".");

    public static readonly Rule BrokenEncoding = new("FILE-006", Severity.Error, Scope,
        "{detail}",
        "Save the file again as \"CSV UTF-8 (Comma delimited)\" from Excel, so every character is encoded the same way.");

    public static readonly Rule MissingColumn = new("FILE-007", Severity.Error, Scope,
        "The required column {column} is missing from the header row.",
        "Add a column headed {column} (spelling as in the data specification; case, spaces and underscores do not matter).");

    public static readonly Rule UnknownColumn = new("FILE-008", Severity.Query, Scope,
        "The column '{column}' is not part of the {returnType} return and was ignored.",
        "Remove the column, or rename it if it was meant to be one of the return's columns.");

    public static readonly Rule DuplicateColumn = new("FILE-009", Severity.Error, Scope,
        "The column {column} appears more than once in the header row.",
        "Keep one column with this heading and delete the others.");

    public static readonly Rule NotPermitted = new("FILE-010", Severity.Error, Scope,
        "Submitter '{submitter}' may not upload {returnType} returns; it may upload {permitted}.",
        "Upload the file in the folder for a return type you send, or ask the local authority to upload it for you.");

    public static readonly Rule UnknownReturnType = new("FILE-011", Severity.Error, Scope,
        "'{returnType}' is not a return type this pipeline knows.",
        "Upload into one of the folders: school-census, placements, workforce, eah-activity, hnb-finance, establishments, ehcp-history, assumptions.");

    public static readonly Rule UnknownSubmitter = new("FILE-012", Severity.Error, Scope,
        "'{submitter}' is not a submitter id: expected a 7-digit LAEstab, a 6-digit URN, an 8-digit UKPRN, svc-code or la.",
        "Upload into the folder named by your own LAEstab, URN, UKPRN or service code.");

    public static readonly Rule XlsxNotAccepted = new("FILE-013", Severity.Error, Scope,
        "XLSX is not accepted for {returnType} returns.",
        "Save the file as \"CSV UTF-8 (Comma delimited)\" and upload that.");

    public static readonly Rule UnreadableWorkbook = new("FILE-014", Severity.Error, Scope,
        "{detail}",
        "Open the workbook in Excel, check it opens without a password, and save it again as .xlsx, or save it as CSV.");

    public static readonly Rule UnclosedQuote = new("FILE-015", Severity.Error, Scope,
        "{detail}",
        "Find the value on this row that starts with a double quote and close it, or remove the stray quote.");

    public static readonly Rule WrongFieldCount = new("FILE-016", Severity.Error, Scope,
        "The row has {found} values but the header has {expected}.",
        "Check this row for a comma inside a value that is not wrapped in double quotes, or for missing values.");

    public static readonly Rule RowTooLong = new("FILE-017", Severity.Error, Scope,
        "{detail}",
        "Check the file really is this return; if it is, look for a quote that is never closed on this row.");

    public static readonly Rule WorkbookTooLarge = new("FILE-018", Severity.Error, Scope,
        "{detail}",
        "Save the sheet as \"CSV UTF-8 (Comma delimited)\" and upload that; if it is a real return, remove unused sheets, formatting and text first.");

    public static readonly IReadOnlyList<Rule> All =
    [
        Empty, NoDataRows, TooLarge, NotText, UnsupportedEncoding, BrokenEncoding, MissingColumn, UnknownColumn,
        DuplicateColumn, NotPermitted, UnknownReturnType, UnknownSubmitter, XlsxNotAccepted, UnreadableWorkbook,
        UnclosedQuote, WrongFieldCount, RowTooLong, WorkbookTooLarge,
    ];
}
