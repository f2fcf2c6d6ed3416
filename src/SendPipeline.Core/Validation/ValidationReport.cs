using System.Text.Json.Serialization;

namespace SendPipeline.Core.Validation;

/// <summary>
/// The validation report of spec 1: the fields the spec names, plus what an officer needs to trust
/// it (the period, the encoding detected, the rule catalogue version) and exact counts per rule.
/// </summary>
public sealed record ValidationReport
{
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("returnType")] public required string ReturnType { get; init; }
    [JsonPropertyName("submitter")] public string? Submitter { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("rowsRead")] public int RowsRead { get; init; }
    [JsonPropertyName("errors")] public int Errors { get; init; }
    [JsonPropertyName("queries")] public int Queries { get; init; }
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("period")] public string? Period { get; init; }
    [JsonPropertyName("format")] public string? Format { get; init; }
    [JsonPropertyName("encoding")] public string? Encoding { get; init; }
    [JsonPropertyName("contentHash")] public string? ContentHash { get; init; }
    [JsonPropertyName("receivedUtc")] public DateTimeOffset? ReceivedUtc { get; init; }
    /// <summary>Set only on a duplicate's report (and only then written): the upload in force with the same bytes.</summary>
    [JsonPropertyName("sameAs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SameUpload? SameAs { get; init; }
    [JsonPropertyName("ruleCatalogueVersion")] public required string RuleCatalogueVersion { get; init; }
    [JsonPropertyName("issuesOmitted")] public int IssuesOmitted { get; init; }
    [JsonPropertyName("countsByRule")] public IReadOnlyDictionary<string, int> CountsByRule { get; init; } = new Dictionary<string, int>();
    [JsonPropertyName("issues")] public IReadOnlyList<Issue> Issues { get; init; } = [];

    [JsonIgnore] public bool Accepted => Status == Core.Uploads.UploadStatus.Accepted;

    /// <summary>
    /// For each rule with issues counted but not listed (the detail is bounded), how many more there
    /// are: the exact count less those listed. In rule id order.
    /// </summary>
    public IReadOnlyList<(string RuleId, int Count)> NotListedByRule()
    {
        if (IssuesOmitted == 0) return [];
        var listed = Issues.GroupBy(i => i.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return CountsByRule
            .Select(kv => (RuleId: kv.Key, Count: kv.Value - listed.GetValueOrDefault(kv.Key)))
            .Where(r => r.Count > 0)
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>The earlier upload a duplicate repeats: its id, its file and when it was received.</summary>
public sealed record SameUpload(
    [property: JsonPropertyName("uploadId")] string UploadId,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("receivedUtc")] DateTimeOffset ReceivedUtc)
{
    /// <summary>The sentence a duplicate's report leads with.</summary>
    public string Sentence =>
        $"This file is the same as upload {UploadId} ({File[(File.LastIndexOf('/') + 1)..]}), received " +
        $"{ReceivedUtc.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}, " +
        "which is the return in force: nothing has changed.";
}
