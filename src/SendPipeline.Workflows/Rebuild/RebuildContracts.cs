namespace SendPipeline.Workflows.Rebuild;

/// <summary>Asks for the LA's datasets to be rebuilt from the returns in force. <see cref="Reason"/> is for the log only.</summary>
public sealed record RebuildRequest(string Reason);

public sealed record DataQualitySummary(int Issues, int ReturnsRead, IReadOnlyDictionary<string, int> IssuesByRule, string ReportJson, string ReportHtml);

public sealed record RebuildResult(DataQualitySummary DataQuality);

public static class RebuildActivityNames
{
    public const string BuildDataQuality = nameof(BuildDataQuality);
}

public interface IRebuildActivities
{
    /// <summary>Loads the picture from the canonical returns in force, runs the checks across returns, writes the report.</summary>
    Task<DataQualitySummary> BuildDataQualityAsync(RebuildRequest request, CancellationToken cancellationToken = default);
}
