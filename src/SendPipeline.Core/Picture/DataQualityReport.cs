using System.Text.Json.Serialization;

namespace SendPipeline.Core.Picture;

/// <summary>
/// The LA-level data-quality report: every issue found across returns, each submitter's latest
/// upload, and the EHC plan reconciliation, so officers can chase the right school or provider.
/// Deterministic: built only from the returns in force (listed in <see cref="Lineage"/>), no clock.
/// </summary>
public sealed record DataQualityReport
{
    [JsonPropertyName("laCode")] public required string LaCode { get; init; }
    [JsonPropertyName("ruleCatalogueVersion")] public required string RuleCatalogueVersion { get; init; }
    [JsonPropertyName("issues")] public required IReadOnlyList<DataQualityIssue> Issues { get; init; }
    [JsonPropertyName("submitters")] public required IReadOnlyList<UploadStatusRow> Submitters { get; init; }
    [JsonPropertyName("ehcpReconciliation")] public required EhcpReconciliation EhcpReconciliation { get; init; }
    [JsonPropertyName("lineage")] public required IReadOnlyList<LineageEntry> Lineage { get; init; }

    public static DataQualityReport Build(LaPicture picture, string laCode) =>
        Build(picture, laCode, CrossReturnChecks.ForecastCaseload(picture, laCode));

    /// <summary>The report, given the LA's caseload forecast (see <see cref="CrossReturnChecks"/>).</summary>
    public static DataQualityReport Build(LaPicture picture, string laCode, Forecasting.LaCaseload? caseload)
    {
        var (issues, reconciliation) = CrossReturnChecks.Run(picture, laCode, caseload);
        return new DataQualityReport
        {
            LaCode = laCode,
            RuleCatalogueVersion = Validation.RuleCatalogue.Version,
            Issues = issues,
            Submitters = picture.Uploads.OrderBy(u => u.Submitter, StringComparer.Ordinal).ThenBy(u => u.ReturnType, StringComparer.Ordinal).ToList(),
            EhcpReconciliation = reconciliation,
            Lineage = LineageEntry.Sorted(picture.Lineage),
        };
    }
}
