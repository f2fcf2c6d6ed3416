using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
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
    /// <summary>
    /// The dashboard of one picture. <paramref name="capacity"/>, <paramref name="hnb"/> and
    /// <paramref name="quality"/> are the datasets the rebuild has already built from the same picture.
    /// </summary>
    public static DashboardModel Build(LaPicture picture, string laCode, HnbAssumptions assumptions,
        HnbForecastOutcome hnb, WorkforceCapacity capacity, DataQualityReport quality)
    {
        var caseload = CaseloadGrowth.Caseload(picture, laCode, assumptions);
        return new DashboardModel(laCode, caseload?.Area.LaName,
            EhcpPanel.From(caseload, assumptions.GrowthMethod.Name, laCode),
            HnbPanel.From(hnb),
            WorkforcePanel.From(capacity),
            SettingDaysPanel.From(capacity),
            DataQualityPanel.From(quality));
    }
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

/// <summary>FTE by post status in one discipline, over its roles.</summary>
public sealed record DisciplineFte(string Discipline, decimal Filled, decimal Vacant, decimal Agency);

public sealed record WorkforcePanel(string? Quarter, IReadOnlyList<DisciplineFte> Disciplines)
{
    public static WorkforcePanel From(WorkforceCapacity capacity) =>
        new(capacity.Quarter, [.. capacity.Fte.GroupBy(f => f.Discipline).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DisciplineFte(g.Key, g.Sum(f => f.Filled), g.Sum(f => f.Vacant), g.Sum(f => f.Agency)))]);
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

/// <summary>Every open setting's days against target, year to date, and how many fall in each band, by phase.</summary>
public sealed record SettingDaysPanel(string? Quarter, IReadOnlyList<SettingDays> Settings)
{
    public const string None = "No days", UnderHalf = "Under half of target", Half = "Half to target", Met = "Target met", NoTarget = "Days, no target for phase";

    /// <summary>The bands from worst to best; settings with no target last.</summary>
    public static readonly IReadOnlyList<string> Bands = [None, UnderHalf, Half, Met, NoTarget];

    /// <summary>Phases in the register's usual order, any other phase (or none) after them.</summary>
    public IReadOnlyList<string> Phases => [.. Settings.Select(s => PhaseOf(s)).Distinct().OrderBy(PhaseOrder).ThenBy(p => p, StringComparer.Ordinal)];

    public int Count(string phase, string band) => Settings.Count(s => PhaseOf(s) == phase && s.Band == band);

    public static string PhaseOf(SettingDays s) => string.IsNullOrWhiteSpace(s.Phase) ? "Not recorded" : s.Phase.Trim();

    private static int PhaseOrder(string phase) => phase switch
    {
        "Primary" => 0, "Secondary" => 1, "All-through" => 2, "Not recorded" => 4, _ => 3,
    };

    public static SettingDaysPanel From(WorkforceCapacity capacity) =>
        new(capacity.Quarter, [.. capacity.SettingDays.Select(r => new SettingDays(r.LaEstab, r.Name, r.Phase, r.YearToDateDays, r.YearToDateTarget))]);
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
                // The upload status a rejected file is recorded with (Workflows' UploadStatus.Rejected, which Core cannot see).
                latest.Count, latest.Count(u => u.Status == "rejected"));
        })
        .Where(s => s.Issues > 0 || s.Rejected > 0)
        .OrderByDescending(s => s.Issues).ThenByDescending(s => s.Rejected).ThenBy(s => s.Submitter, StringComparer.Ordinal)
        .ToList();
        return new(report.Issues.Count, rows);
    }
}
