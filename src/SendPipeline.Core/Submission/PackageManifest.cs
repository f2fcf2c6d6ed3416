using System.Text.Json;
using System.Text.Json.Serialization;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Submission;

public sealed record ManifestFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("bytes")] long Bytes);

public sealed record ManifestCheck(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("blocking")] bool Blocking,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("detail")] string Detail);

/// <summary>
/// <c>manifest.json</c>: every other file with its SHA-256, the lineage and the sign-offs. Written last,
/// so a version folder with a manifest is complete; <see cref="Fingerprint"/> is what a rerun compares
/// to decide whether anything new needs publishing.
/// </summary>
public sealed record PackageManifest
{
    [JsonPropertyName("schemaVersion")] public required string SchemaVersion { get; init; }
    [JsonPropertyName("laCode")] public required string LaCode { get; init; }
    [JsonPropertyName("quarter")] public required string Quarter { get; init; }
    [JsonPropertyName("version")] public required int Version { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("statusReasons")] public required IReadOnlyList<string> StatusReasons { get; init; }
    [JsonPropertyName("publishedUtc")] public required DateTimeOffset PublishedUtc { get; init; }
    [JsonPropertyName("snapshotHash")] public required string SnapshotHash { get; init; }
    [JsonPropertyName("fingerprint")] public required string Fingerprint { get; init; }
    [JsonPropertyName("ruleCatalogueVersion")] public required string RuleCatalogueVersion { get; init; }
    [JsonPropertyName("assumptions")] public required IReadOnlyList<AssumptionsLineage> Assumptions { get; init; }
    [JsonPropertyName("returns")] public required IReadOnlyList<LineageEntry> Returns { get; init; }
    [JsonPropertyName("signOffs")] public required IReadOnlyList<SignOff> SignOffs { get; init; }
    [JsonPropertyName("missingSignOffs")] public required IReadOnlyList<string> MissingSignOffs { get; init; }
    [JsonPropertyName("voidedSignOffs")] public required IReadOnlyList<SignOff> VoidedSignOffs { get; init; }
    [JsonPropertyName("checks")] public required IReadOnlyList<ManifestCheck> Checks { get; init; }
    /// <summary>The snapshot's counts by <see cref="ReturnCounts.Measures"/> name; absent in older packages.</summary>
    [JsonPropertyName("counts")] public IReadOnlyDictionary<string, int>? Counts { get; init; }
    [JsonPropertyName("files")] public required IReadOnlyList<ManifestFile> Files { get; init; }

    public const string FileName = "manifest.json";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ReportJson.Options);

    public static PackageManifest Read(Stream json) =>
        JsonSerializer.Deserialize<PackageManifest>(json, ReportJson.Options) ?? throw new InvalidDataException("The manifest is empty.");
}
