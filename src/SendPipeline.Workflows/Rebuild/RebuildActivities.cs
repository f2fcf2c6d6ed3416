using System.Text.Json;
using Microsoft.Extensions.Logging;
using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Register;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Workforce;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// The rebuild activities over the storage ports. Outputs go to fixed paths under <c>datasets/</c>
/// and are a pure function of the returns in force, so a repeated rebuild rewrites identical bytes.
/// </summary>
public sealed partial class RebuildActivities(IBlobStore blobs, ITableStore tables, PipelineOptions options, ILogger<RebuildActivities> logger)
    : IRebuildActivities
{
    private readonly DerivedDatasets _derived = new(options.LaCode);

    /// <summary>The worker's picture loader, which keeps each return's part between rebuilds.</summary>
    public PictureLoader Pictures { get; } = new(blobs, tables, readEveryReturn: options.FullRebuild);

    public const string DataQualityFolder = StorageLayout.Datasets + "/data-quality";

    /// <summary>The register's figures (<see cref="RegisterDatasets"/>), rebuilt with the data-quality checks that use it.</summary>
    public const string RegisterFolder = StorageLayout.Datasets + "/register";

    public async Task<DataQualitySummary> BuildDataQualityAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        var (picture, builtFrom) = await Pictures.LoadWithFingerprintAsync(cancellationToken);
        var report = _derived.DataQuality(picture);
        var json = $"{DataQualityFolder}/data-quality.json";
        var html = $"{DataQualityFolder}/data-quality.html";
        await blobs.WriteRenderedAsync(json, "application/json", s => DataQualityWriters.WriteJson(report, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{DataQualityFolder}/issues.csv", "text/csv", s => DataQualityWriters.WriteIssuesCsv(report, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{DataQualityFolder}/submitters.csv", "text/csv", s => DataQualityWriters.WriteSubmittersCsv(report, s), cancellationToken);
        await blobs.WriteRenderedAsync(html, "text/html", s => DataQualityWriters.WriteHtml(report, s), cancellationToken);
        await WriteLineageAsync(DataQualityFolder, DatasetLineage.DataQuality, picture, cancellationToken);
        if (_derived.RegisterFigures(picture) is { } figures)
            await RegisterDatasets.WriteAsync(blobs, RegisterFolder, figures, options.LaCode,
                PublishedEhcpFigures.From(picture, options.LaCode), cancellationToken);
        LogBuilt(logger, report.Issues.Count, report.Lineage.Count, request.Reason);
        var byRule = report.Issues.GroupBy(i => i.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new DataQualitySummary(report.Issues.Count, report.Lineage.Count, byRule, json, html) { BuiltFrom = builtFrom };
    }

    /// <summary>The rebuild's last write: which returns in force the datasets now reflect (<see cref="BuiltFrom"/>).</summary>
    public async Task<bool> RecordBuiltFromAsync(BuiltFromRecord builtFrom, CancellationToken cancellationToken = default)
    {
        await BuiltFrom.WriteAsync(blobs, builtFrom, cancellationToken);
        return true;
    }

    public const string WorkforceFolder = StorageLayout.Datasets + "/workforce";

    public async Task<WorkforceSummary> BuildWorkforceAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        var picture = await Pictures.LoadReturnsInForceAsync(cancellationToken);
        var capacity = _derived.Workforce(picture);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/workforce.json", "application/json", s => WorkforceWriters.WriteJson(capacity, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/fte.csv", "text/csv", s => WorkforceWriters.WriteFte(capacity, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/cost.csv", "text/csv", s => WorkforceWriters.WriteCost(capacity, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/split.csv", "text/csv", s => WorkforceWriters.WriteSplit(capacity, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/setting-days.csv", "text/csv", s => WorkforceWriters.WriteSettingDays(capacity, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/outreach.csv", "text/csv", s => WorkforceWriters.WriteOutreach(capacity, s), cancellationToken);
        await blobs.WriteRenderedAsync($"{WorkforceFolder}/checks.csv", "text/csv", s => WorkforceWriters.WriteChecks(capacity, s), cancellationToken);
        await WriteLineageAsync(WorkforceFolder, DatasetLineage.Workforce, picture, cancellationToken);
        return new WorkforceSummary(capacity.Quarter, capacity.Fte.Sum(r => r.Filled), capacity.Fte.Sum(r => r.Vacant), capacity.Fte.Sum(r => r.Agency),
            capacity.Split.FirstOrDefault(r => r.Role == "FrontLine")?.Share ?? 0, capacity.Split.All(r => r.Meets),
            string.Join(", ", capacity.Split.Select(r => r.Describe())),
            capacity.SettingDays.Count(r => r.NoSupportThisYear), capacity.SettingDays.Count(r => r.NoSupport), capacity.SettingDays.Count,
            capacity.Outreach?.EahFte ?? 0, capacity.Outreach?.InWindow, [.. capacity.Checks.Select(c => c.Finding)], WorkforceFolder);
    }

    public const string HnbFolder = StorageLayout.Datasets + "/hnb-forecast";

    public async Task<HnbForecastSummary> BuildHnbForecastAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        var picture = await Pictures.LoadReturnsInForceAsync(cancellationToken);
        var assumptions = HnbAssumptions.From(picture.Assumptions);
        var (baseYear, endYear) = (assumptions.BaseYear, assumptions.EndYear);
        var outcome = _derived.Hnb(picture);
        if (outcome.Forecast is not { } forecast) return new HnbForecastSummary([], [], outcome.Skipped, HnbFolder);
        await blobs.WriteRenderedAsync($"{HnbFolder}/hnb-forecast.csv", "text/csv", s => HnbForecastCsv.Write(forecast, s), cancellationToken);
        await WriteLineageAsync(HnbFolder, DatasetLineage.HnbForecast, picture, cancellationToken);
        var totals = forecast.Years.Select(y => new HnbYearTotal(y, forecast.Total(y, "baseline"), forecast.Total(y, "reform"))).ToList();
        var (first, last) = (baseYear.ToString(), endYear.ToString());
        var byCategory = forecast.ByCategory(last, "baseline").Select(c => new HnbCategoryTotal(c.Category,
            forecast.ByCategory(first, "baseline").FirstOrDefault(b => b.Category == c.Category).Amount, c.Amount,
            forecast.ByCategory(last, "reform").FirstOrDefault(r => r.Category == c.Category).Amount)).ToList();
        return new HnbForecastSummary(totals, byCategory, null, HnbFolder) { Notes = forecast.Notes };
    }

    public const string DashboardFolder = StorageLayout.Datasets + "/dashboard";

    /// <summary>The dashboard's stable path, so officers can bookmark it.</summary>
    public const string DashboardPath = DashboardFolder + "/index.html";

    /// <summary>
    /// Draws the dashboard from the picture and the datasets of this rebuild, computed again from the
    /// cached picture (pure and quick) rather than read back, so it cannot show a mix of two rebuilds.
    /// </summary>
    public async Task<DashboardSummary> BuildDashboardAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        var picture = await Pictures.LoadAsync(cancellationToken);
        var assumptions = HnbAssumptions.From(picture.Assumptions);
        var model = DashboardModel.Build(picture, options.LaCode, assumptions,
            _derived.Hnb(picture), _derived.Workforce(picture), _derived.DataQuality(picture), _derived.Caseload(picture));
        if (_derived.RegisterFigures(picture) is { } figures) model = model with { Timeliness = TimelinessPanel.From(figures) };
        model = model with { Field = _derived.Field(picture) };
        await blobs.WriteRenderedAsync(DashboardPath, "text/html", s => DashboardHtml.Write(model, s), cancellationToken);
        string?[] missing = [model.Ehcp.Missing, model.Hnb.Missing, model.Workforce.Quarter is null ? "no workforce return in force" : null];
        return new DashboardSummary(DashboardPath, [.. missing.OfType<string>()]);
    }

    /// <summary>
    /// Writes <c>lineage.json</c> beside a dataset. Not atomic with the dataset: a rebuild that fails between
    /// the two is retried (or superseded by the next) and rewrites both from the same picture.
    /// </summary>
    private Task WriteLineageAsync(string folder, string dataset, LaPicture picture, CancellationToken cancellationToken)
    {
        var lineage = DatasetLineage.For(dataset, picture, options.LaCode);
        return blobs.WriteRenderedAsync($"{folder}/{LineageFile}", "application/json",
            s => JsonSerializer.Serialize(s, lineage, ReportJson.Options), cancellationToken);
    }

    public const string LineageFile = "lineage.json";

    [LoggerMessage(Level = LogLevel.Information, Message = "Data quality rebuilt: {Issues} issues across {Returns} returns in force ({Reason})")]
    private static partial void LogBuilt(ILogger logger, int issues, int returns, string reason);
}
