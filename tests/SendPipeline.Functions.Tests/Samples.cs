using System.Text.Json;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Tests;

/// <summary>Contract values as an activity implementation would return them: references and counts only.</summary>
internal static class Samples
{
    public static readonly IngestRequest Request = new("uploads/8552001/school-census/autumn.csv", new string('a', 64));

    public static ValidationSummary Validation(string status = UploadStatus.Accepted) => new(
        UploadId: Request.UploadId,
        UploadPath: Request.UploadPath,
        SubmitterId: "8552001",
        ReturnType: "school-census",
        ContentHash: Request.ContentHash,
        Status: status,
        Period: "2025-autumn",
        RowsRead: 120,
        Errors: 0,
        Queries: 2,
        ReceivedUtc: new DateTimeOffset(2025, 10, 2, 9, 30, 0, TimeSpan.Zero),
        ReportJsonPath: $"reports/{Request.UploadId}/report.json",
        CanonicalPath: status == UploadStatus.Accepted ? $"accepted/school-census/8552001/2025-autumn/{Request.UploadId}.json" : null,
        RuleCounts: [new RuleCount("SC-017", "query", 2)]);

    public static readonly ReportFiles Reports = new(
        $"reports/{Request.UploadId}/report.json",
        $"reports/{Request.UploadId}/report.csv",
        $"reports/{Request.UploadId}/report.html");

    public static readonly RecordOutcome Record = new(BecameCurrent: true, ReplacedUploadId: null);

    /// <summary>
    /// The contract records hold an <see cref="IReadOnlyList{T}"/>, which records compare by reference, so
    /// anything that crossed Durable serialization is compared by its JSON instead.
    /// </summary>
    public static void AssertSameJson<T>(T expected, T? actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
