using System.IO.Compression;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Register;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// What validating one sen2 upload found: the issues (each naming its module as <see cref="Issue.Part"/>),
/// the rows read in each module, the reference date (the return's period) and, when accepted, the register.
/// </summary>
public sealed record Sen2Result
{
    public required IReadOnlyList<Issue> Issues { get; init; }
    public int Errors { get; init; }
    public int Queries { get; init; }
    public int IssuesOmitted { get; init; }
    public required IReadOnlyDictionary<string, int> CountsByRule { get; init; }

    /// <summary>Data rows read in each module, by its name (sen2, person, requests …), in the spec's order.</summary>
    public required IReadOnlyDictionary<string, int> RowsRead { get; init; }

    public DateOnly? ReferenceDate { get; init; }
    public string? Format { get; init; }
    public string? Encoding { get; init; }

    /// <summary>The register the accepted extract states (read back from its canonical form); null when rejected.</summary>
    public Sen2Register? Register { get; init; }

    public bool Accepted => Errors == 0;

    /// <summary>The period (spec 2 sen2: the reference date), as every return's period is written.</summary>
    public string? Period => ReferenceDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The report of spec 1 for this upload; <c>rowsRead</c> is the rows of every module together.</summary>
    public ValidationReport ToReport(string file, string? submitter) => new()
    {
        File = file,
        ReturnType = Sen2Return.ReturnType,
        Submitter = submitter,
        Status = Uploads.UploadStatus.Of(!Accepted),
        RowsRead = RowsRead.Values.Sum(),
        Errors = Errors,
        Queries = Queries,
        Subject = submitter,
        Period = Period,
        Format = Format,
        Encoding = Encoding,
        RuleCatalogueVersion = RuleCatalogue.Version,
        IssuesOmitted = IssuesOmitted,
        CountsByRule = CountsByRule,
        Issues = Issues,
    };
}

/// <summary>
/// The sen2 return (spec 2, sen2): the LA's SEN2 person-level extract, as COLLECT's Blade CSV export in a
/// zip or as the pre-submission workbook, validated across its nine modules. One pure entry point, so the
/// pipeline can plug it in beside the single-table returns.
/// </summary>
public static class Sen2Return
{
    public const string ReturnType = "sen2";

    /// <summary>The largest upload read: a national extract zips to about 150 MB, so this is far beyond any real one.</summary>
    public const long MaxUploadBytes = 1L << 30;

    /// <summary>
    /// Validates one upload. <paramref name="fileName"/> is its name (a date in it is the reference date of
    /// a workbook without a header sheet). When accepted, the canonical form (a zip of one CSV per module,
    /// spec columns in spec order, ISO dates, Y/N, codes as the list writes them, each row's SourceRow) is
    /// written to <paramref name="canonical"/> if given, and the register is read back from it. Never throws
    /// for what the upload holds; the upload stream is disposed. <paramref name="readRegister"/> false leaves the
    /// register out (a caller that only reports, or stores the canonical form to read later).
    /// </summary>
    public static Sen2Result Validate(Stream upload, string fileName, ValidationContext context, Stream? canonical = null,
        int detailLimit = IssueCollector.DefaultDetailLimit, bool readRegister = true)
    {
        var issues = new IssueCollector(detailLimit);
        var run = Run(upload, fileName, context, issues, canonical, readRegister);
        return Result(issues, run.Rows, run.Reference, run.Format, run.Encoding, run.Register);
    }

    /// <summary>The return as the registry lists it: the LA's extract, a zip or a workbook, validated whole.</summary>
    public static readonly ReturnDefinition Definition = new()
    {
        Name = ReturnType,
        Description = "The LA's SEN2 extract: its register of EHC needs assessments, plans and placements",
        // The LA only: it may always send every return, so no other kind of submitter is listed.
        SentBy = [],
        Accepts = FileForms.Xlsx | FileForms.Zip,
        Rules = Sen2Rules.All,
        WholeFile = ValidateWholeFile,
        // Each upload is the whole register: the latest accepted replaces the earlier, whatever its reference date.
        LatestReplacesAllPeriods = true,
        CanonicalExtension = "zip",
        CanonicalContentType = "application/zip",
        ReadBack = (picture, canonical) => picture.AddRegister(Sen2Canonical.ReadRegister(canonical.Content), canonical.UploadPath),
    };

    /// <summary>The registry's entry: the issues go to the pipeline's collector, the canonical zip to its target.</summary>
    private static WholeFileOutcome ValidateWholeFile(WholeFileInput input)
    {
        var run = Run(input.Content, input.FileName, input.Context, input.Issues, input.Canonical, readRegister: false);
        return new WholeFileOutcome(run.Rows?.Values.Sum() ?? 0, run.Reference?.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture), input.Context.SubmitterId, run.Format ?? "zip", run.Encoding);
    }

    private sealed record RunResult(IReadOnlyDictionary<string, int>? Rows, DateOnly? Reference, string? Format,
        string? Encoding, Sen2Register? Register);

    private static RunResult Run(Stream upload, string fileName, ValidationContext context, IssueCollector issues,
        Stream? canonical, bool readRegister)
    {
        using var source = Seekable(upload);
        if (source is null)
        {
            issues.Add(Sen2Rules.TooLarge, null, null, null, ("detail", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The upload is larger than {MaxUploadBytes / (1024 * 1024):N0} MB; a national extract zips to about 150 MB.")));
            return new RunResult(null, null, null, null, null);
        }
        using var canonicalFile = PrivateTemp.Current.NewScratch(".zip");
        Sen2Validation? run = null;
        string? format = null;
        using (var extract = Sen2Extract.Open(source, fileName, issues))
        {
            if (extract is not null)
            {
                format = extract.Format;
                using var zip = new ZipArchive(canonicalFile, ZipArchiveMode.Create, leaveOpen: true);
                run = new Sen2Validation(context, issues, zip);
                run.Run(extract);
            }
        }
        // The validation's own state is let go before the register is read: the two never need to be held at once.
        var (rows, reference, encoding) = (run?.RowsRead, run?.ReferenceDate, run?.Encoding);
        var validated = run is not null;
        run = null;
        Sen2Register? register = null;
        if (issues.Errors == 0 && validated)
        {
            canonicalFile.Position = 0;
            if (canonical is not null)
            {
                canonicalFile.CopyTo(canonical);
                canonicalFile.Position = 0;
            }
            if (readRegister) register = Sen2Canonical.ReadRegister(canonicalFile);
        }
        return new RunResult(rows, reference, format, encoding, register);
    }

    private static Sen2Result Result(IssueCollector issues, IReadOnlyDictionary<string, int>? rows, DateOnly? reference,
        string? format, string? encoding, Sen2Register? register) =>
        new()
        {
            Issues = Ordered(issues.Issues),
            Errors = issues.Errors,
            Queries = issues.Queries,
            IssuesOmitted = issues.Omitted,
            CountsByRule = new SortedDictionary<string, int>(issues.CountsByRule.ToDictionary(), StringComparer.Ordinal),
            RowsRead = rows ?? Sen2Modules.All.ToDictionary(m => m.Part, _ => 0, StringComparer.Ordinal),
            ReferenceDate = reference,
            Format = format,
            Encoding = encoding,
            Register = register,
        };

    /// <summary>Whole-upload issues first, then module by module in the spec's order, then by row.</summary>
    private static List<Issue> Ordered(IReadOnlyList<Issue> issues) =>
    [
        .. issues.OrderBy(i => i.Part is null ? -1 : Sen2Modules.All.FirstOrDefault(m => m.Part == i.Part)?.Index ?? 99)
            .ThenBy(i => i.Row ?? 0).ThenBy(i => i.RuleId, StringComparer.Ordinal),
    ];

    /// <summary>
    /// A zip needs seeking and uploads arrive as forward-only streams: a seekable one is read in place, others are
    /// spooled to a private scratch file (<see cref="PrivateTemp.Spool"/>), so memory stays flat however large.
    /// </summary>
    private static Stream? Seekable(Stream upload)
    {
        if (!upload.CanSeek) return PrivateTemp.Current.Spool(upload, ".upload", MaxUploadBytes);
        if (upload.Length <= MaxUploadBytes) return upload;
        upload.Dispose();
        return null;
    }
}
