namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// The ingest activities. Each is idempotent: run twice with the same input, it leaves the same state,
/// because Durable Functions delivers activities at least once.
/// </summary>
public interface IIngestActivities
{
    /// <summary>Streams the upload through validation; writes the JSON report and, if accepted, the canonical return.</summary>
    Task<ValidationSummary> ValidateUploadAsync(IngestRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renders the CSV and HTML reports from the JSON one.</summary>
    Task<ReportFiles> WriteReportAsync(ValidationSummary validation, CancellationToken cancellationToken = default);

    /// <summary>Writes the upload record and, for an accepted upload newer than the one in force, makes it current.</summary>
    Task<RecordOutcome> RecordUploadAsync(RecordRequest request, CancellationToken cancellationToken = default);
}
