using System.Security.Cryptography;
using System.Text.Json.Serialization;
using SendPipeline.Core.Returns.Assumptions;
using SendPipeline.Core.Uploads;

namespace SendPipeline.Core.Picture;

/// <summary>One return in force that a dataset was built from: the upload version, and the hash of the bytes received.</summary>
public sealed record LineageEntry(
    [property: JsonPropertyName("returnType")] string ReturnType,
    [property: JsonPropertyName("uploadId")] string UploadId,
    [property: JsonPropertyName("uploadPath")] string UploadPath,
    [property: JsonPropertyName("contentSha256"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentHash = null)
{
    /// <summary>By return type then path, so the same returns in force always list in the same order.</summary>
    public static IReadOnlyList<LineageEntry> Sorted(IEnumerable<LineageEntry> entries) =>
        [.. entries.OrderBy(l => l.ReturnType, StringComparer.Ordinal).ThenBy(l => l.UploadPath, StringComparer.Ordinal)
            .ThenBy(l => l.UploadId, StringComparer.Ordinal)];
}

/// <summary>
/// Which assumptions a forecast used: the LA's own upload(s) in force, or the shipped defaults when
/// none is. <see cref="Version"/> is the file's own <c>meta/assumptions-version</c>; <see cref="Sha256"/>
/// pins the exact bytes, since an officer can re-upload changed values under the same version label.
/// </summary>
public sealed record AssumptionsLineage(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("uploadId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UploadId = null)
{
    public const string Uploaded = "upload", ShippedDefaults = "shipped-defaults";

    private static readonly Lazy<AssumptionsLineage> Defaults = new(() =>
    {
        using var stream = AssumptionsDefaults.Open();
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new AssumptionsLineage(ShippedDefaults, DefaultVersion(), hash);
    });

    /// <summary>The assumptions in force in the picture: its uploads, or else the shipped defaults.</summary>
    public static IReadOnlyList<AssumptionsLineage> Of(LaPicture picture)
    {
        var uploads = picture.Lineage.Where(l => l.ReturnType == ReturnTypes.Assumptions).OrderBy(l => l.UploadPath, StringComparer.Ordinal).ToList();
        if (uploads.Count == 0) return [Defaults.Value];
        return [.. uploads.Select(u => new AssumptionsLineage(Uploaded,
            picture.Assumptions.FirstOrDefault(a => a.Source.UploadId == u.UploadId && IsVersionRow(a.Section, a.Key))?.Value ?? "",
            u.ContentHash ?? "", u.UploadId))];
    }

    private static string DefaultVersion()
    {
        foreach (var (section, key, _, value) in Forecasting.HnbAssumptions.DefaultRows())
            if (IsVersionRow(section, key)) return value;
        return "";
    }

    private static bool IsVersionRow(string section, string key) =>
        section.Trim().Equals(AssumptionKeys.Meta, StringComparison.OrdinalIgnoreCase)
        && key.Trim().Equals("assumptions-version", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What one dataset was built from (issue 4, "lineage"): the upload versions of the return types it
/// reads, the assumptions and the rule catalogue. Written beside the dataset as <c>lineage.json</c>;
/// a pure function of the returns in force, so an unchanged rebuild rewrites the same bytes.
/// </summary>
public sealed record DatasetLineage(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("laCode")] string LaCode,
    [property: JsonPropertyName("ruleCatalogueVersion")] string RuleCatalogueVersion,
    [property: JsonPropertyName("assumptions")] IReadOnlyList<AssumptionsLineage>? Assumptions,
    [property: JsonPropertyName("returns")] IReadOnlyList<LineageEntry> Returns)
{
    public const string DataQuality = "data-quality", Workforce = "workforce", HnbForecast = "hnb-forecast", PowerBi = "powerbi";

    /// <summary>The return types each dataset reads; a change to any other return type cannot change it.</summary>
    public static IReadOnlyList<string> InputsOf(string dataset) => dataset switch
    {
        DataQuality => Core.Returns.ReturnRegistry.Names,
        Workforce => [ReturnTypes.Workforce, ReturnTypes.EahActivity, ReturnTypes.Establishments, ReturnTypes.Assumptions],
        HnbForecast => [ReturnTypes.HnbFinance, ReturnTypes.Placements, ReturnTypes.SchoolCensus, ReturnTypes.Establishments, ReturnTypes.EhcpHistory, ReturnTypes.Assumptions,
            ReturnTypes.EahActivity, ReturnTypes.Sen2],
        // Everything the other datasets read, since the star schema is built with them.
        PowerBi => Core.Returns.ReturnRegistry.Names,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Not a dataset the rebuild writes."),
    };

    public static DatasetLineage For(string dataset, LaPicture picture, string laCode)
    {
        var inputs = InputsOf(dataset);
        return new DatasetLineage(dataset, laCode, Validation.RuleCatalogue.Version,
            inputs.Contains(ReturnTypes.Assumptions) ? AssumptionsLineage.Of(picture) : null,
            LineageEntry.Sorted(picture.Lineage.Where(l => inputs.Contains(l.ReturnType))));
    }
}
