using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>Asks for the LA's datasets to be rebuilt from the returns in force. <see cref="Reason"/> is for the log only.</summary>
public sealed record RebuildRequest(string Reason)
{
    /// <summary>How long the Functions app waits for quiet before rebuilding: a burst of uploads inside it is one rebuild.</summary>
    public int DebounceSeconds { get; init; } = DefaultDebounceSeconds;

    public const int DefaultDebounceSeconds = 30;
}

/// <summary>
/// Where a host sends "a return in force changed". The Functions app signals its singleton rebuild
/// orchestration; the CLI notes it and rebuilds once when its sweep ends.
/// </summary>
public interface IRebuildSignal
{
    /// <returns>True if a rebuild was requested (not already pending).</returns>
    Task<bool> RequestAsync(RebuildRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The CLI's signal: remembers that a rebuild is due, for the command to run once at the end.</summary>
public sealed class PendingRebuild : IRebuildSignal
{
    public bool IsPending { get; private set; }

    public Task<bool> RequestAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        var first = !IsPending;
        IsPending = true;
        return Task.FromResult(first);
    }
}

public sealed record DataQualitySummary(int Issues, int ReturnsRead, IReadOnlyDictionary<string, int> IssuesByRule, string ReportJson, string ReportHtml)
{
    /// <summary>The returns in force the picture was read from; recorded by the rebuild's last step.</summary>
    public BuiltFromRecord? BuiltFrom { get; init; }
}

/// <summary>
/// The workforce dataset in brief: the quarter, FTE by status, whether the Experts at Hand split holds
/// (<see cref="SplitRuleText"/> says which rules, from the assumptions), the open settings with no days,
/// the grant-funded AP outreach against its window, and the findings of checks.csv.
/// <see cref="SettingsWithoutSupport"/> counts settings with no days in the financial year to date
/// (a setting supported earlier in the year is not unsupported); <see cref="SettingsWithoutSupportThisQuarter"/>
/// counts those with none in the quarter.
/// </summary>
public sealed record WorkforceSummary(string? Quarter, decimal FteFilled, decimal FteVacant, decimal FteAgency, decimal FrontLineShare,
    bool SplitMeetsRules, string SplitRuleText, int SettingsWithoutSupport, int SettingsWithoutSupportThisQuarter, int Settings,
    decimal OutreachEahFte, bool? OutreachInWindow, IReadOnlyList<string> Findings, string Folder);

/// <summary>HNB spend by year and scenario, and the end year by placement category: null totals when the inputs are not in force.</summary>
public sealed record HnbForecastSummary(
    IReadOnlyList<HnbYearTotal> Totals, IReadOnlyList<HnbCategoryTotal> EndYearByCategory, string? Skipped,
    string Folder)
{
    /// <summary>The forecast's notes (<see cref="Core.Forecasting.HnbForecastResult.Notes"/>): the LA's own register
    /// in place of the published figures, and where it fell short.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record HnbYearTotal(string FinancialYear, decimal Baseline, decimal Reform);

public sealed record HnbCategoryTotal(string Category, decimal BaseYear, decimal EndBaseline, decimal EndReform);

/// <summary>
/// The Power BI star schema in brief: how many tables and rows were written under <see cref="Folder"/>, the
/// suppression threshold in force (null: off, pupil-level facts published) and where the pupil key secret
/// came from (a setting's name or the store path; never the secret).
/// </summary>
public sealed record PowerBiSummary(int Tables, long Rows, int? SuppressUnder, string SecretSource, int StaleFilesRemoved, string Folder);

public sealed record RebuildResult(DataQualitySummary DataQuality, WorkforceSummary Workforce, HnbForecastSummary Hnb, PowerBiSummary PowerBi)
{
    /// <summary>The officers' dashboard; null only from a host that ran no dashboard step.</summary>
    public DashboardSummary? Dashboard { get; init; }
}

/// <summary>Where the officers' dashboard was written (a stable path), and which of its charts had no data.</summary>
public sealed record DashboardSummary(string Path, IReadOnlyList<string> Missing);

public static class RebuildActivityNames
{
    /// <summary>The event a rebuild orchestration waits for: a return in force has changed.</summary>
    public const string ReturnsChangedEvent = "returns-changed";

    public const string BuildDataQuality = nameof(BuildDataQuality);
    public const string BuildWorkforce = nameof(BuildWorkforce);
    public const string BuildHnbForecast = nameof(BuildHnbForecast);
    public const string BuildDashboard = nameof(BuildDashboard);
    public const string BuildPowerBi = nameof(BuildPowerBi);
    public const string RecordBuiltFrom = nameof(RecordBuiltFrom);
}

/// <summary>The rebuild activities, each written once: name, input, output and the method that does it.</summary>
public static class RebuildActivityTable
{
    public static readonly Activity<IRebuildActivities, RebuildRequest, DataQualitySummary> BuildDataQuality =
        new(RebuildActivityNames.BuildDataQuality, (a, input, ct) => a.BuildDataQualityAsync(input, ct));

    public static readonly Activity<IRebuildActivities, RebuildRequest, WorkforceSummary> BuildWorkforce =
        new(RebuildActivityNames.BuildWorkforce, (a, input, ct) => a.BuildWorkforceAsync(input, ct));

    public static readonly Activity<IRebuildActivities, RebuildRequest, HnbForecastSummary> BuildHnbForecast =
        new(RebuildActivityNames.BuildHnbForecast, (a, input, ct) => a.BuildHnbForecastAsync(input, ct));

    public static readonly Activity<IRebuildActivities, RebuildRequest, DashboardSummary> BuildDashboard =
        new(RebuildActivityNames.BuildDashboard, (a, input, ct) => a.BuildDashboardAsync(input, ct));

    public static readonly Activity<IRebuildActivities, RebuildRequest, PowerBiSummary> BuildPowerBi =
        new(RebuildActivityNames.BuildPowerBi, (a, input, ct) => a.BuildPowerBiAsync(input, ct));

    public static readonly Activity<IRebuildActivities, BuiltFromRecord, bool> RecordBuiltFrom =
        new(RebuildActivityNames.RecordBuiltFrom, (a, input, ct) => a.RecordBuiltFromAsync(input, ct));

    public static readonly IReadOnlyList<IActivity<IRebuildActivities>> All =
        [BuildDataQuality, BuildWorkforce, BuildHnbForecast, BuildDashboard, BuildPowerBi, RecordBuiltFrom];
}

public interface IRebuildActivities
{
    /// <summary>Loads the picture from the canonical returns in force, runs the checks across returns, writes the report.</summary>
    Task<DataQualitySummary> BuildDataQualityAsync(RebuildRequest request, CancellationToken cancellationToken = default);

    /// <summary>Builds the workforce-capacity dataset (spec 3) from the workforce, activity and register returns in force.</summary>
    Task<WorkforceSummary> BuildWorkforceAsync(RebuildRequest request, CancellationToken cancellationToken = default);

    /// <summary>Forecasts HNB spend by year, S251 line, placement category and scenario (spec 3) from the returns in force.</summary>
    Task<HnbForecastSummary> BuildHnbForecastAsync(RebuildRequest request, CancellationToken cancellationToken = default);

    /// <summary>Writes the officers' dashboard (one self-contained HTML file) from the same picture and datasets.</summary>
    Task<DashboardSummary> BuildDashboardAsync(RebuildRequest request, CancellationToken cancellationToken = default);
    /// <summary>Builds the officers' Power BI star schema (issue 6) as Parquet and CSV under <c>powerbi/</c>, with <c>schema.json</c> and lineage.</summary>
    Task<PowerBiSummary> BuildPowerBiAsync(RebuildRequest request, CancellationToken cancellationToken = default);

    /// <summary>Writes <c>datasets/built-from.json</c>: the rebuild's last write, after every dataset and Power BI file.</summary>
    Task<bool> RecordBuiltFromAsync(BuiltFromRecord builtFrom, CancellationToken cancellationToken = default);
}
