using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns;

/// <summary>The file forms a return may be uploaded in (spec 1).</summary>
[Flags]
public enum FileForms
{
    /// <summary>RFC 4180 text, UTF-8 or Windows-1252.</summary>
    Csv = 1,

    /// <summary>An Excel workbook; a table return reads its first worksheet.</summary>
    Xlsx = 2,

    /// <summary>
    /// A zip of several files (e.g. one CSV per module). A zip and an XLSX look the same to the sniffer (both
    /// start "PK"), so only a return with its own <see cref="ReturnDefinition.WholeFile"/> entry can accept one.
    /// </summary>
    Zip = 4,
}

/// <summary>
/// One return type, whole: its name, who may send it, the file forms it accepts, its rules, how an upload
/// is validated (one table row by row, or the whole file by its own entry) and how its canonical form
/// is read back into the LA's picture. Each return's folder under <c>Returns/</c> owns its definition;
/// <see cref="ReturnRegistry"/> lists them, and everything that asks "which returns, and what of them"
/// (permissions, XLSX acceptance, the rule catalogue, the picture, lineage, the package) asks the registry.
/// </summary>
public sealed class ReturnDefinition
{
    /// <summary>The name in upload paths and reports, e.g. <c>school-census</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the returns are, in words for the submission package's list of inputs.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// The kinds of submitter that may send this return (spec 1). The LA may send every return, on its own
    /// account or on a school's, provider's or service's behalf, so it is never listed.
    /// </summary>
    public required IReadOnlyList<SubmitterKind> SentBy { get; init; }

    public FileForms Accepts { get; init; } = FileForms.Csv;

    /// <summary>Every rule the return's validation can report, in catalogue order (docs/rules.md).</summary>
    public required IReadOnlyList<Rule> Rules { get; init; }

    /// <summary>
    /// A return that is one table: its columns and its row validator. <see cref="ReturnValidator"/> reads the
    /// file, matches the header and runs the validator over every row. Null when <see cref="WholeFile"/> is set.
    /// </summary>
    public IReturnSchema? Table { get; init; }

    /// <summary>
    /// A return that is not one table (several modules in a zip or a workbook's sheets) validates the
    /// whole upload itself: <see cref="ReturnValidator"/> still checks the return type, the permission, the
    /// size and the file kind first, then hands over the stream. Null for a <see cref="Table"/> return.
    /// </summary>
    public WholeFileValidator? WholeFile { get; init; }

    /// <summary>Reads one canonical return in force into the picture (<see cref="PictureReaders.Table"/> for a CSV one).</summary>
    public required Action<LaPicture, CanonicalReturn> ReadBack { get; init; }

    /// <summary>The canonical file's extension and content type: a CSV, unless the return writes, say, a zip of CSVs.</summary>
    public string CanonicalExtension { get; init; } = "csv";

    public string CanonicalContentType { get; init; } = "text/csv";

    /// <summary>
    /// True when rules of the return are stated against the establishments register in force, so ingest
    /// reads the register before validating (<see cref="ValidationContext.Register"/>). Others never pay for it.
    /// </summary>
    public bool ReadsRegister { get; init; }

    /// <summary>
    /// True when every upload is a full extract, so the latest accepted replaces the earlier one whatever period
    /// it states (spec 2, sen2: a monthly extract of the whole register, period = its reference date). Otherwise
    /// a return replaces only the earlier one of its own (submitter, period).
    /// </summary>
    public bool LatestReplacesAllPeriods { get; init; }

    public bool AcceptsForm(FileForms form) => (Accepts & form) == form;

    /// <summary>A definition must say how it is validated one way, and must not accept a zip it cannot read.</summary>
    internal void Check()
    {
        if ((Table is null) == (WholeFile is null))
            throw new InvalidOperationException($"The return '{Name}' must have exactly one of a table and a whole-file validator.");
        if (Table is not null && Table.ReturnType != Name)
            throw new InvalidOperationException($"The return '{Name}' has the table of '{Table.ReturnType}'.");
        if (Table is not null && !AcceptsForm(FileForms.Csv))
            throw new InvalidOperationException($"The return '{Name}' is one table, so it must accept CSV.");
        if (WholeFile is null && AcceptsForm(FileForms.Zip))
            throw new InvalidOperationException($"The return '{Name}' accepts a zip but has no whole-file validator to read one.");
    }
}

/// <summary>One canonical return in force, as the picture reads it back.</summary>
public sealed record CanonicalReturn(string ReturnType, string UploadId, string UploadPath, string Submitter, Stream Content);

/// <summary>What a whole-file validator is given: the upload (size-capped, from its first byte), what the sniffer saw, and where to write.</summary>
/// <param name="Kind">Text, or <see cref="FileKind.Xlsx"/> for any zip container (XLSX or a zip of files).</param>
/// <param name="Canonical">Where the canonical return goes when the caller keeps it (only used if accepted); null when only validating.</param>
public sealed record WholeFileInput(Stream Content, FileKind Kind, ValidationContext Context, IssueCollector Issues, Stream? Canonical)
{
    /// <summary>The upload's file name (without its folder): a return may read a date from it.</summary>
    public string FileName { get; init; } = "";
}

/// <summary>What a whole-file validator found: rows read (across modules), the period and subject, the form and encoding read.</summary>
public sealed record WholeFileOutcome(int RowsRead, string? Period, string? Subject, string Format, string? Encoding = null);

/// <summary>Validates one whole upload, reporting every issue to <see cref="WholeFileInput.Issues"/> (a module's issues name it in the column).</summary>
public delegate WholeFileOutcome WholeFileValidator(WholeFileInput input);

/// <summary>Helpers for the usual canonical form, one CSV read by column.</summary>
public static class PictureReaders
{
    /// <summary>
    /// Reads a canonical CSV with <paramref name="read"/>; the source function gives the current row's
    /// upload and spreadsheet row, for the checks across returns to point at.
    /// </summary>
    public static Action<LaPicture, CanonicalReturn> Table(Action<LaPicture, CanonicalTable, Func<Source>> read) => (picture, canonical) =>
    {
        using var table = new CanonicalTable(canonical.Content);
        read(picture, table, () => new Source(canonical.UploadId, canonical.UploadPath, canonical.Submitter, table.SourceRow));
    };
}
