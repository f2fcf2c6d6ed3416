using System.Globalization;
using System.Runtime.InteropServices;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Core.Validation;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Dashboard;

/// <summary>
/// What the officers' dashboard shows, gathered from the datasets the rebuild computes: the EHC plan
/// caseload and its forecast, the HNB forecast, the Experts at Hand workforce and days per setting,
/// and data quality by submitter. It holds counts, amounts, settings (by LAEstab and name) and
/// submitter ids only: never a pupil's identifier, name or date of birth. Deterministic, no clock.
/// </summary>
public sealed record DashboardModel(
    string LaCode,
    string? LaName,
    EhcpPanel Ehcp,
    HnbPanel Hnb,
    WorkforcePanel Workforce,
    SettingDaysPanel Settings,
    DataQualityPanel DataQuality)
{
    /// <summary>What date the data describes and which returns it was built from.</summary>
    public AsAt AsAt { get; init; } = new(null, null, null);

    /// <summary>EHC plans and SEN support in the census in force, by need and by phase; null with no census.</summary>
    public CensusPanel? Census { get; init; }

    /// <summary>The register's 20-week timeliness and overdue requests; null when no sen2 extract is in force.</summary>
    public TimelinessPanel? Timeliness { get; init; }

    /// <summary>The LA among its statistical neighbours, region and England; null with no DfE tables.</summary>
    public Field.LaField? Field { get; init; }

    /// <summary>The counts the submission states for the dashboard's quarter; null when no quarter is known.</summary>
    public ReturnCounts? Counts { get; init; }

    /// <summary>
    /// The dashboard of one picture. <paramref name="capacity"/>, <paramref name="hnb"/> and
    /// <paramref name="quality"/> are the datasets the rebuild has already built from the same picture, and
    /// <paramref name="caseload"/> the caseload forecast it made for them (<see cref="CrossReturnChecks.ForecastCaseload"/>).
    /// </summary>
    public static DashboardModel Build(LaPicture picture, string laCode, HnbAssumptions assumptions,
        HnbForecastOutcome hnb, WorkforceCapacity capacity, DataQualityReport quality, LaCaseload? caseload)
    {
        var quarter = QuarterOf(picture, capacity);
        // The latest census in force, even when it is later than the workforce quarter: the freshest count of pupils.
        var census = LatestCensus(picture);
        var pupils = census is { } on ? CensusPanel.DistinctPupils(picture, on) : [];
        var counts = quarter is { } forQuarter ? ReturnCounts.For(picture, laCode, forQuarter) : null;
        var ehcp = EhcpPanel.From(caseload, assumptions.GrowthMethod.Name, laCode);
        return new DashboardModel(laCode, caseload?.Area.LaName,
            census is { } day ? ehcp with { OwnCensus = CensusPanel.EhcPlans(pupils, day) } : ehcp,
            HnbPanel.From(hnb),
            WorkforcePanel.From(capacity) with { MissingServices = counts?.Services.Missing ?? [] },
            SettingDaysPanel.From(capacity, picture),
            DataQualityPanel.From(quality) with { Counts = counts })
        {
            AsAt = AsAt.Of(picture, quarter, census),
            Census = census is { } date ? CensusPanel.From(picture, date, pupils) : null,
            Counts = counts,
        };
    }

    /// <summary>The workforce dataset's quarter, or else the quarter of the latest placements return date.</summary>
    private static FinancialQuarter? QuarterOf(LaPicture picture, WorkforceCapacity capacity)
    {
        if (capacity.Quarter is { } text && FinancialQuarter.TryParse(text.Trim(), out var quarter)) return quarter;
        if (picture.Placements.Count == 0) return null;
        return FinancialQuarter.Containing(picture.Placements.Max(p => p.ReturnDate));
    }

    private static DateOnly? LatestCensus(LaPicture picture) =>
        picture.Census.Count == 0 ? null : picture.Census.Max(p => p.CensusDate);
}

/// <summary>
/// The dates the dashboard describes: the census in force, the quarter and its end, and the latest
/// receipt time of an upload in force. All come from the data, never the clock, so a rebuild of the
/// same returns writes the same page.
/// </summary>
public sealed record AsAt(DateOnly? CensusDate, FinancialQuarter? Quarter, DateTimeOffset? LatestReceipt)
{
    public static AsAt Of(LaPicture picture, FinancialQuarter? quarter, DateOnly? census)
    {
        var inForce = picture.Uploads.Where(u => u.InForce && u.ReceivedUtc != default).ToList();
        return new AsAt(census, quarter, inForce.Count == 0 ? null : inForce.Max(u => u.ReceivedUtc));
    }

    /// <summary>"Data as at the school census of 2026-01-15 and quarter 2025-26 Q4 (…). Built from …".</summary>
    public string Sentence()
    {
        var parts = new List<string>
        {
            CensusDate is { } c ? $"school census of {Iso(c)}" : "no school census in force",
            Quarter is { } q ? $"quarter {q} (1 {Month(q.Start)} to {q.End.Day} {Month(q.End)})"
                : "no quarter returned",
        };
        var built = LatestReceipt is { } r
            ? " Built from the returns in force, the latest received " +
              $"{r.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC."
            : " Built from the returns in force.";
        return $"Data as at the {string.Join(" and ", parts)}.{built}";
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Pupils with an EHC plan (E) and on SEN support (K) in one group: a primary need or a phase.</summary>
public sealed record SenGroup(string Group, int EhcPlans, int SenSupport)
{
    public int Total => EhcPlans + SenSupport;
}

/// <summary>The census in force: EHC plans and SEN support by primary need and by the school's phase.</summary>
public sealed record CensusPanel(
    DateOnly CensusDate, int Schools, IReadOnlyList<SenGroup> ByNeed, IReadOnlyList<SenGroup> ByPhase)
{
    public int EhcPlanPupils => ByNeed.Sum(g => g.EhcPlans);

    public int SenSupport => ByNeed.Sum(g => g.SenSupport);

    /// <summary>
    /// The panel from the census's <see cref="DistinctPupils"/>, counted in one pass: by need code and by school,
    /// then the schools by phase. A region's census has millions of rows, so nothing is grouped or named per pupil.
    /// </summary>
    internal static CensusPanel From(LaPicture picture, DateOnly census, IReadOnlyList<CensusPupil> pupils)
    {
        var byNeed = new Dictionary<string, (int Ehc, int Support)>(StringComparer.Ordinal);
        var bySchool = new Dictionary<string, (int Ehc, int Support)>(StringComparer.Ordinal);
        foreach (var pupil in pupils)
        {
            if (pupil.Provision is not ('E' or 'K')) continue;
            var (ehc, support) = pupil.Provision == 'E' ? (1, 0) : (0, 1);
            Add(byNeed, pupil.SenType1 ?? "", ehc, support);
            Add(bySchool, pupil.LaEstab, ehc, support);
        }
        var phases = picture.Establishments.GroupBy(e => e.LaEstab, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Phase, StringComparer.Ordinal);
        var byPhase = new Dictionary<string, (int Ehc, int Support)>(StringComparer.Ordinal);
        foreach (var (school, (ehc, support)) in bySchool)
        {
            var phase = phases.GetValueOrDefault(school) is { } p && !string.IsNullOrWhiteSpace(p)
                ? p.Trim() : SettingDaysPanel.NotRecorded;
            Add(byPhase, phase, ehc, support);
        }
        static IReadOnlyList<SenGroup> Groups(IEnumerable<SenGroup> groups) =>
            [.. groups.OrderByDescending(g => g.Total).ThenBy(g => g.Group, StringComparer.Ordinal)];
        var needs = byNeed.Select(n => new SenGroup(
            n.Key.Length == 0 ? NeedNotRecorded : $"{n.Key} {SenTypes.Meaning(n.Key)}", n.Value.Ehc, n.Value.Support));
        var schoolPhases = byPhase.Select(p => new SenGroup(p.Key, p.Value.Ehc, p.Value.Support));
        return new CensusPanel(census, bySchool.Count, Groups(needs),
            [.. Groups(schoolPhases).OrderBy(g => SettingDaysPanel.PhaseOrder(g.Group))]);

        static void Add(Dictionary<string, (int Ehc, int Support)> counts, string key, int ehc, int support)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
            count = (count.Ehc + ehc, count.Support + support);
        }
    }

    private const string NeedNotRecorded = "Need not recorded";

    /// <summary>The LA's own count of EHC plans on a January census: pupils with provision E in its schools.</summary>
    internal static OwnCensusCount? EhcPlans(IReadOnlyList<CensusPupil> pupils, DateOnly census) =>
        census.Month != 1 ? null : new OwnCensusCount(census, pupils.Count(p => p.Provision == 'E'));

    /// <summary>One row per pupil on the census of that day: a UPN twice on one school's census counts once.</summary>
    internal static List<CensusPupil> DistinctPupils(LaPicture picture, DateOnly census)
    {
        var seen = new HashSet<(string, string)>();
        var pupils = new List<CensusPupil>();
        foreach (var pupil in picture.Census)
            if (pupil.CensusDate == census && seen.Add((pupil.LaEstab, pupil.Upn))) pupils.Add(pupil);
        return pupils;
    }
}

/// <summary>
/// The EHC plans counted on the LA's own January school census: its schools' pupils only, so fewer than
/// the DfE's caseload, which also counts children placed in independent schools, colleges and elsewhere.
/// </summary>
public sealed record OwnCensusCount(DateOnly CensusDate, int EhcPlans)
{
    /// <summary>This January's academic year as <see cref="EhcpPoint.Year"/> numbers it (January 2026: 2025).</summary>
    public int AcademicYear => CensusDate.Year - 1;
}

/// <summary>One January's EHC plans: published (<see cref="IsForecast"/> false), or forecast with its 80% interval.</summary>
public sealed record EhcpPoint(int Year, double Plans, double? Lower, double? Upper, bool IsForecast)
{
    /// <summary>The academic year as officers write it: 2027/28.</summary>
    public string Label => $"{Year}/{(Year + 1) % 100:D2}";
}

/// <summary>The LA's EHC plans each January, history then forecast; <see cref="Missing"/> says why there are none.</summary>
public sealed record EhcpPanel(IReadOnlyList<EhcpPoint> Points, string? Method, string? Missing)
{
    /// <summary>The LA's own January census count, shown beside the forecast for that January.</summary>
    public OwnCensusCount? OwnCensus { get; init; }

    public static EhcpPanel From(LaCaseload? caseload, string method, string laCode)
    {
        if (caseload is not { Skipped: null }) return new([], null, $"no EHC plan history for LA {laCode} that can be forecast");
        var history = caseload.Actual.OrderBy(p => p.Key).Select(p => new EhcpPoint(p.Key, p.Value, null, null, false));
        var forecast = caseload.Forecast.OrderBy(r => r.Year).Select(r => new EhcpPoint(r.Year, r.Plans, r.Lower, r.Upper, true));
        return new([.. history, .. forecast], method, null);
    }
}

/// <summary>One bar segment of the HNB chart: a year, a scenario and a placement category (or <see cref="HnbPanel.OtherLines"/>).</summary>
public sealed record HnbAmount(string FinancialYear, string Scenario, string Category, decimal Amount);

/// <summary>
/// HNB spend by year, scenario and placement category, the lines placements do not drive gathered as
/// <see cref="OtherLines"/>, so each year's segments add up to the forecast's total.
/// </summary>
public sealed record HnbPanel(IReadOnlyList<string> Years, IReadOnlyList<string> Categories, IReadOnlyList<HnbAmount> Amounts, string? Missing)
{
    public const string OtherLines = "Other lines";

    public decimal Total(string year, string scenario) => Amounts.Where(a => a.FinancialYear == year && a.Scenario == scenario).Sum(a => a.Amount);

    public decimal Amount(string year, string scenario, string category) =>
        Amounts.Where(a => a.FinancialYear == year && a.Scenario == scenario && a.Category == category).Sum(a => a.Amount);

    public static HnbPanel From(HnbForecastOutcome outcome)
    {
        if (outcome.Forecast is not { } forecast) return new([], [], [], outcome.Skipped ?? "no HNB forecast");
        var amounts = new List<HnbAmount>();
        foreach (var year in forecast.Years)
            foreach (var scenario in HnbAssumptions.Scenarios)
            {
                amounts.AddRange(forecast.ByCategory(year, scenario).Select(c => new HnbAmount(year, scenario, c.Category, c.Amount)));
                var other = forecast.Rows.Where(r => r.FinancialYear == year && r.Scenario == scenario && r.Category is null).Sum(r => r.Amount);
                amounts.Add(new HnbAmount(year, scenario, OtherLines, other));
            }
        // Categories in the forecast's order, with spend in some year; the other lines last.
        var categories = amounts.Where(a => a.Amount != 0).Select(a => a.Category).Distinct()
            .OrderBy(c => c == OtherLines ? int.MaxValue : HnbAssumptions.CategoryOrder(c)).ToList();
        return new(forecast.Years, categories, amounts, null);
    }
}

/// <summary>FTE by post status (spec 2: Filled, Vacant, Agency, Secondment) in one discipline.</summary>
public sealed record DisciplineFte(
    string Discipline, decimal Filled, decimal Vacant, decimal Agency, decimal Secondment = 0)
{
    public decimal Total => Filled + Vacant + Agency + Secondment;
}

public sealed record WorkforcePanel(string? Quarter, IReadOnlyList<DisciplineFte> Disciplines)
{
    /// <summary>Services expected with no workforce return in force for the quarter: posts not counted.</summary>
    public IReadOnlyList<string> MissingServices { get; init; } = [];

    public static WorkforcePanel From(WorkforceCapacity capacity) =>
        new(capacity.Quarter, [.. capacity.Fte.GroupBy(f => f.Discipline).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DisciplineFte(g.Key,
                g.Sum(f => f.Filled), g.Sum(f => f.Vacant), g.Sum(f => f.Agency), g.Sum(f => f.Secondment)))]);
}

/// <summary>An open setting's Experts at Hand days in the financial year to date against its phase's target to date.</summary>
public sealed record SettingDays(string LaEstab, string Name, string? Phase, decimal Days, decimal? Target)
{
    public string Band => Days == 0 ? SettingDaysPanel.None
        : Target is not { } target || target == 0 ? SettingDaysPanel.NoTarget
        : Days >= target ? SettingDaysPanel.Met
        : Days * 2 >= target ? SettingDaysPanel.Half
        : SettingDaysPanel.UnderHalf;
}

/// <summary>
/// Every open setting's days against target, year to date, and how many fall in each band, by phase.
/// Targets are pro rata for the <see cref="QuartersReturned"/>; <see cref="MissingServices"/> sent no
/// activity return for the quarter, so their days are not in it.
/// </summary>
public sealed record SettingDaysPanel(string? Quarter, IReadOnlyList<SettingDays> Settings)
{
    /// <summary>The quarters of the financial year to date (1 to 4) with activity returns in force.</summary>
    public IReadOnlyList<int> QuartersReturned { get; init; } = [];

    /// <summary>The quarters of the financial year to date with no activity return in force.</summary>
    public IReadOnlyList<int> QuartersMissing { get; init; } = [];

    /// <summary>Services known to the store with no activity return in force for the quarter.</summary>
    public IReadOnlyList<string> MissingServices { get; init; } = [];

    public const string NotRecorded = "Not recorded";

    public const string None = "No days", UnderHalf = "Under half of target", Half = "Half to target", Met = "Target met", NoTarget = "Days, no target for phase";

    /// <summary>The bands from worst to best; settings with no target last.</summary>
    public static readonly IReadOnlyList<string> Bands = [None, UnderHalf, Half, Met, NoTarget];

    /// <summary>Phases in the register's usual order, any other phase (or none) after them.</summary>
    public IReadOnlyList<string> Phases => [.. Settings.Select(s => PhaseOf(s)).Distinct().OrderBy(PhaseOrder).ThenBy(p => p, StringComparer.Ordinal)];

    public int Count(string phase, string band) => Settings.Count(s => PhaseOf(s) == phase && s.Band == band);

    public static string PhaseOf(SettingDays s) => string.IsNullOrWhiteSpace(s.Phase) ? NotRecorded : s.Phase.Trim();

    public static int PhaseOrder(string phase) => phase switch
    {
        "Primary" => 0,
        "Secondary" => 1,
        "All-through" => 2,
        NotRecorded => 4,
        _ => 3,
    };

    /// <summary>The workforce dataset's rows; <paramref name="picture"/> names services with no activity.</summary>
    public static SettingDaysPanel From(WorkforceCapacity capacity, LaPicture? picture = null)
    {
        var panel = new SettingDaysPanel(capacity.Quarter,
            [.. capacity.SettingDays.Select(r =>
                new SettingDays(r.LaEstab, r.Name, r.Phase, r.YearToDateDays, r.YearToDateTarget))]);
        if (capacity.Quarter is not { } text || !FinancialQuarter.TryParse(text, out var quarter)) return panel;
        return panel with
        {
            QuartersReturned = capacity.ActivityQuarters,
            QuartersMissing = [.. Enumerable.Range(1, quarter.Quarter).Except(capacity.ActivityQuarters)],
            MissingServices = picture is null ? [] : ReturnCounts.ActivityServicesFor(picture, quarter).Missing,
        };
    }
}

/// <summary>
/// One submitter's issues across returns (by severity and rule) and its latest uploads: how many,
/// and how many of them were rejected.
/// </summary>
public sealed record SubmitterQuality(string Submitter, int Errors, int Queries, IReadOnlyList<(string RuleId, int Count)> ByRule,
    int LatestUploads, int Rejected)
{
    public int Issues => Errors + Queries;
}

public sealed record DataQualityPanel(int Issues, IReadOnlyList<SubmitterQuality> Submitters)
{
    /// <summary>The latest uploads and how many were rejected, as the submission counts them.</summary>
    public ReturnCounts? Counts { get; init; }

    /// <summary>Submitters with issues or a rejected latest upload, most issues first, then by id.</summary>
    public static DataQualityPanel From(DataQualityReport report)
    {
        var issues = report.Issues.GroupBy(i => i.Submitter).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var uploads = report.Submitters.GroupBy(u => u.Submitter).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = issues.Keys.Union(uploads.Keys).Select(id =>
        {
            var mine = issues.GetValueOrDefault(id) ?? [];
            var latest = uploads.GetValueOrDefault(id) ?? [];
            return new SubmitterQuality(id, mine.Count(i => i.Severity == Severity.Error), mine.Count(i => i.Severity == Severity.Query),
                [.. mine.GroupBy(i => i.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))],
                latest.Count, latest.Count(u => u.Status == Core.Uploads.UploadStatus.Rejected));
        })
        .Where(s => s.Issues > 0 || s.Rejected > 0)
        .OrderByDescending(s => s.Issues).ThenByDescending(s => s.Rejected).ThenBy(s => s.Submitter, StringComparer.Ordinal)
        .ToList();
        return new(report.Issues.Count, rows);
    }
}
