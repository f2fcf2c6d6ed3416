using System.Globalization;
using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Picture;

/// <summary>
/// Who was expected to return and who did not. <see cref="Expected"/> comes from the register and
/// the store's records, never from the returns in force alone, so one whose only return was rejected
/// is still expected and is <see cref="Missing"/>.
/// </summary>
public sealed record Coverage(int Expected, IReadOnlyList<string> Missing)
{
    public int Returned => Expected - Missing.Count;

    /// <summary>"59 of 62".</summary>
    public string OfExpected => $"{ReturnCounts.N(Returned)} of {ReturnCounts.N(Expected)}";
}

/// <summary>One row of <c>counts.csv</c>: a measure, its count and the names to chase.</summary>
public sealed record CountRow(string Measure, int Count, string Names);

/// <summary>
/// The counts every output states (pre-submission checks, the package's cover and manifest, the
/// console, the dashboard), defined once here so they cannot disagree. An upload is the latest of one
/// (submitter, return type) in the store's records, accepted or not; a submitter may have several.
/// </summary>
public sealed record ReturnCounts(
    string Quarter,
    int LatestUploads,
    int Submitters,
    int RejectedUploads,
    int RejectedSubmitters,
    Coverage Providers,
    Coverage Services)
{
    /// <summary>The name of the package table (and CSV) that holds these counts.</summary>
    public const string TableName = "counts";

    /// <summary>Spec 1: a service's submitter id is <c>svc-</c> and its code.</summary>
    public const string ServicePrefix = "svc-";

    /// <summary>The services the Experts at Hand programme funds (spec 4.7); OTHER is not one.</summary>
    public static readonly IReadOnlyList<string> ExpectedDisciplines = ["EP", "ST", "SALT", "OT", "APO"];

    private const string NameSeparator = "; ";

    /// <summary>"13 uploads from 11 submitters were rejected, each the latest of its return type from …".</summary>
    public static string RejectedSentence(int uploads, int submitters) => uploads == 0
        ? "Every submitter's latest upload was accepted"
        : $"{UploadsFrom(uploads, submitters)} {(uploads == 1 ? "was" : "were")} rejected, " +
          "each the latest of its return type from that submitter";

    /// <summary>"13 uploads from 11 submitters".</summary>
    public static string UploadsFrom(int uploads, int submitters) =>
        $"{N(uploads)} upload{(uploads == 1 ? "" : "s")} from {N(submitters)} submitter{(submitters == 1 ? "" : "s")}";

    public static bool IsRejected(UploadStatusRow upload) =>
        UploadStatus.Is(upload.Status, UploadStatus.Rejected);

    /// <summary>The counts of <paramref name="picture"/> for <paramref name="quarter"/>.</summary>
    public static ReturnCounts For(LaPicture picture, string laCode, FinancialQuarter quarter)
    {
        var rejected = picture.Uploads.Where(IsRejected).ToList();
        return new ReturnCounts(quarter.ToString(),
            picture.Uploads.Count, Distinct(picture.Uploads), rejected.Count, Distinct(rejected),
            ProvidersFor(picture, laCode, quarter), ServicesFor(picture, quarter));
    }

    /// <summary>Rejected latest uploads, one line each, in a stable order: "svc-sts workforce: 9 errors in …"</summary>
    public static IReadOnlyList<string> RejectedUploadLines(LaPicture picture) =>
        [.. picture.Uploads.Where(IsRejected)
            .OrderBy(u => u.Submitter, StringComparer.Ordinal).ThenBy(u => u.ReturnType, StringComparer.Ordinal)
            .Select(u => $"{u.Submitter} {u.ReturnType}: {N(u.Errors)} errors in {u.UploadPath}")];

    /// <summary>
    /// A provider is expected for the quarter when a placement of ours with it is live in the quarter
    /// in any placements return in force, or when its latest placements upload, accepted or rejected,
    /// is for the quarter. It returned when a placements return for the quarter's end is in force.
    /// </summary>
    public static Coverage ProvidersFor(LaPicture picture, string laCode, FinancialQuarter quarter)
    {
        var live = picture.Placements
            .Where(p => p.HomeLa.Trim() == laCode && p.Start <= quarter.End)
            .Where(p => p.End is null || p.End >= quarter.Start)
            .Select(p => p.ProviderId);
        var uploaded = picture.Uploads
            .Where(u => u.ReturnType == ReturnTypes.Placements && IsPeriod(u.Period, quarter.End))
            .Select(u => u.Submitter);
        var expected = live.Concat(uploaded).ToHashSet(StringComparer.Ordinal);
        var returned = picture.Placements.Where(p => p.ReturnDate == quarter.End)
            .Select(p => p.ProviderId).ToHashSet(StringComparer.Ordinal);
        return Cover(expected, returned);
    }

    /// <summary>
    /// An Experts at Hand service is expected when it is known to the store: a service code on any
    /// workforce or activity return in force, or the submitter of a workforce or activity upload,
    /// accepted or rejected. It returned when its workforce return for the quarter is in force.
    /// </summary>
    public static Coverage ServicesFor(LaPicture picture, FinancialQuarter quarter) => ServiceCoverage(picture,
        picture.Posts.Where(p => p.Quarter.Trim() == quarter.ToString()).Select(p => p.ServiceCode));

    /// <summary>The same services, returned when their activity return for the quarter is in force.</summary>
    public static Coverage ActivityServicesFor(LaPicture picture, FinancialQuarter quarter) => ServiceCoverage(picture,
        picture.Activities.Where(a => a.Quarter.Trim() == quarter.ToString()).Select(a => a.ServiceCode));

    /// <summary>
    /// The Experts at Hand disciplines of spec 4.7 with no post in the quarter's workforce returns: AP
    /// outreach only while the grant funds it. A whole service missing shows here even if it never uploaded.
    /// </summary>
    public static IReadOnlyList<EahCode> MissingDisciplines(LaPicture picture, FinancialQuarter quarter,
        SplitRules rules)
    {
        var present = picture.Posts.Where(p => p.Quarter.Trim() == quarter.ToString())
            .Select(p => p.Discipline.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. ExpectedDisciplines
            .Where(d => d != "APO" || rules.OutreachFunded(quarter.Year))
            .Where(d => !present.Contains(d))
            .Select(d => ExpertsAtHand.Disciplines.All[ExpertsAtHand.Disciplines.IndexOf(d)])];
    }

    /// <summary>Measure, count and names to chase: <c>counts.csv</c>, the cover, the manifest.</summary>
    public IReadOnlyList<CountRow> Rows() =>
    [
        new(Measures.LatestUploads, LatestUploads, ""),
        new(Measures.Submitters, Submitters, ""),
        new(Measures.RejectedUploads, RejectedUploads, ""),
        new(Measures.RejectedSubmitters, RejectedSubmitters, ""),
        new(Measures.ProvidersExpected, Providers.Expected, ""),
        new(Measures.ProvidersReturned, Providers.Returned, ""),
        new(Measures.ProvidersMissing, Providers.Missing.Count, string.Join(NameSeparator, Providers.Missing)),
        new(Measures.ServicesExpected, Services.Expected, ""),
        new(Measures.ServicesReturned, Services.Returned, ""),
        new(Measures.ServicesMissing, Services.Missing.Count, string.Join(NameSeparator, Services.Missing)),
    ];

    /// <summary>The counts from their rows (as <see cref="Rows"/> gives them), e.g. read back from a package.</summary>
    public static ReturnCounts? FromRows(string quarter, IEnumerable<CountRow> countRows)
    {
        var rows = countRows.ToDictionary(r => r.Measure, StringComparer.Ordinal);
        if (rows.Count == 0) return null;
        int Count(string measure) => rows.TryGetValue(measure, out var row) ? row.Count : 0;
        IReadOnlyList<string> Names(string measure) =>
            rows.TryGetValue(measure, out var row) && row.Names.Length > 0 ? row.Names.Split(NameSeparator) : [];
        return new ReturnCounts(quarter, Count(Measures.LatestUploads), Count(Measures.Submitters),
            Count(Measures.RejectedUploads), Count(Measures.RejectedSubmitters),
            new Coverage(Count(Measures.ProvidersExpected), Names(Measures.ProvidersMissing)),
            new Coverage(Count(Measures.ServicesExpected), Names(Measures.ServicesMissing)));
    }

    /// <summary>The counts in one sentence each, as the console and the dashboard state them.</summary>
    public IReadOnlyList<string> Sentences() =>
    [
        $"Latest uploads: {UploadsFrom(LatestUploads, Submitters)} " +
            "(the latest of each return type from each submitter).",
        RejectedSentence(RejectedUploads, RejectedSubmitters) + ".",
        $"Providers: {Providers.OfExpected} expected for {Quarter} returned" + Listed(Providers.Missing),
        $"Experts at Hand services: {Services.OfExpected} returned their {Quarter} workforce" +
            Listed(Services.Missing),
    ];

    /// <summary>The measure names of <c>counts.csv</c>, and of the manifest's counts.</summary>
    public static class Measures
    {
        public const string LatestUploads = "latest-uploads", Submitters = "submitters",
            RejectedUploads = "rejected-uploads", RejectedSubmitters = "rejected-submitters",
            ProvidersExpected = "providers-expected", ProvidersReturned = "providers-returned",
            ProvidersMissing = "providers-missing", ServicesExpected = "services-expected",
            ServicesReturned = "services-returned", ServicesMissing = "services-missing";
    }

    internal static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Listed(IReadOnlyList<string> missing) =>
        missing.Count == 0 ? "." : $"; missing: {string.Join(", ", missing)}.";

    private static Coverage ServiceCoverage(LaPicture picture, IEnumerable<string> returnedCodes)
    {
        var uploaded = picture.Uploads
            .Where(u => u.ReturnType is ReturnTypes.Workforce or ReturnTypes.EahActivity).Select(u => u.Submitter);
        var expected = picture.Posts.Select(p => p.ServiceCode)
            .Concat(picture.Activities.Select(a => a.ServiceCode)).Concat(uploaded)
            .Where(s => s.StartsWith(ServicePrefix, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var returned = returnedCodes.ToHashSet(StringComparer.Ordinal);
        return Cover(expected, returned);
    }

    private static Coverage Cover(HashSet<string> expected, HashSet<string> returned) =>
        new(expected.Count, [.. expected.Where(e => !returned.Contains(e)).Order(StringComparer.Ordinal)]);

    private static int Distinct(IEnumerable<UploadStatusRow> uploads) =>
        uploads.Select(u => u.Submitter).Distinct(StringComparer.Ordinal).Count();

    /// <summary>A placements upload's period is its return date, as the upload record writes it.</summary>
    private static bool IsPeriod(string? period, DateOnly date) =>
        period is not null
        && DateOnly.TryParseExact(period.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var parsed)
        && parsed == date;
}
