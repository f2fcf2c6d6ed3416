namespace SendPipeline.Core.Uploads;

/// <summary>
/// The status words of an upload, as its report, its record in the uploads table and every summary
/// write them: one home, so a validator, a workflow and a dashboard cannot spell one differently.
/// <c>superseded</c>: the blob changed after the trigger fired, so a newer ingest owns it.
/// <c>duplicate</c>: the same bytes as the return in force from the same submitter for the same return type
/// (so the same owner and period): recorded with a report naming that upload, and nothing else changes.
/// </summary>
public static class UploadStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
    public const string Duplicate = "duplicate";

    /// <summary>The status a validation outcome is recorded with.</summary>
    public static string Of(bool hasErrors) => hasErrors ? Rejected : Accepted;

    /// <summary>Upload records are compared without regard to case: older stores and hand edits may differ.</summary>
    public static bool Is(string? status, string word) => string.Equals(status, word, StringComparison.OrdinalIgnoreCase);
}
