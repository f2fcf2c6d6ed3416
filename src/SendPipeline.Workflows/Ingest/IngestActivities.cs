using System.Text;
using Microsoft.Extensions.Logging;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// The ingest activities over the storage ports. Each is safe to run again with the same input:
/// outputs are written to paths derived from the upload and its hash, and the records are keyed by
/// the upload id, so at-least-once delivery never double-counts an upload.
/// Logs carry ids and counts only, never a value from the file (which could be a pupil's UPN).
/// </summary>
public sealed partial class IngestActivities(IBlobStore blobs, ITableStore tables, PipelineOptions options, ILogger<IngestActivities> logger)
    : IIngestActivities
{
    public async Task<ValidationSummary> ValidateUploadAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        if (!UploadPath.TryParse(request.UploadPath, out var upload, out var problem))
            throw new ArgumentException(problem, nameof(request));
        var uploadId = request.UploadId;
        var info = await blobs.GetInfoAsync(upload.Path, cancellationToken);
        if (info is null)
        {
            LogSuperseded(logger, uploadId, "the upload no longer exists");
            return Superseded(request, upload, DateTimeOffset.MinValue);
        }

        // Only the returns whose rules are stated against the register pay for reading it.
        var register = upload.ReturnType == ReturnTypes.EahActivity ? await RegisterLookup.LoadAsync(blobs, tables, cancellationToken) : null;
        var canonicalFile = Path.Combine(Path.GetTempPath(), $"sendpipeline-{uploadId}-{Guid.NewGuid():N}.csv");
        try
        {
            ValidationReport report;
            string actualHash;
            await using (var raw = await blobs.OpenReadAsync(upload.Path, cancellationToken))
            await using (var canonical = new StreamWriter(canonicalFile, false, new UTF8Encoding(false), 1 << 16))
            {
                var hashing = new HashingReadStream(raw);
                report = ReturnValidator.Validate(hashing, new ValidationRequest(upload.Path, upload.ReturnType, upload.SubmitterId, options.LaCode)
                {
                    Length = info.Length,
                    Register = register,
                }, canonical);
                actualHash = hashing.Finish();
            }
            if (actualHash != request.ContentHash)
            {
                // The blob was overwritten after the trigger fired; the newer upload has its own ingest.
                LogSuperseded(logger, uploadId, "the upload's content changed after it was triggered");
                return Superseded(request, upload, info.LastModified);
            }

            report = report with { ContentHash = actualHash, ReceivedUtc = info.LastModified };
            var reportPath = IngestPaths.Report(upload, actualHash, "json");
            await blobs.WriteRenderedAsync(reportPath, "application/json", s => ReportJson.Write(report, s), cancellationToken);

            string? canonicalPath = null;
            if (report.Accepted)
            {
                canonicalPath = IngestPaths.Canonical(upload.ReturnType, report.Subject ?? upload.SubmitterId, report.Period ?? "none", uploadId);
                await using var canonical = File.OpenRead(canonicalFile);
                // Written once: a retried activity finds it already there, with the same bytes.
                await blobs.WriteAsync(canonicalPath, canonical, overwrite: false, "text/csv", cancellationToken);
            }

            LogValidated(logger, uploadId, upload.ReturnType, upload.SubmitterId, report.Status, report.RowsRead, report.Errors, report.Queries);
            return new ValidationSummary(uploadId, upload.Path, upload.SubmitterId, upload.ReturnType, actualHash, report.Status,
                report.Period, report.RowsRead, report.Errors, report.Queries, info.LastModified, reportPath, canonicalPath,
                report.CountsByRule.Select(kv => new RuleCount(kv.Key, SeverityOf(kv.Key), kv.Value)).ToList())
            {
                Subject = report.Subject,
            };
        }
        finally
        {
            File.Delete(canonicalFile);
        }
    }

    public async Task<ReportFiles> WriteReportAsync(ValidationSummary validation, CancellationToken cancellationToken = default)
    {
        ValidationReport report;
        await using (var json = await blobs.OpenReadAsync(validation.ReportJsonPath, cancellationToken))
            report = ReportJson.Read(json);
        var csvPath = IngestPaths.ReplaceExtension(validation.ReportJsonPath, "csv");
        var htmlPath = IngestPaths.ReplaceExtension(validation.ReportJsonPath, "html");
        await blobs.WriteRenderedAsync(csvPath, "text/csv", s => ReportCsv.Write(report, s), cancellationToken);
        await blobs.WriteRenderedAsync(htmlPath, "text/html", s => ReportHtml.Write(report, s), cancellationToken);
        return new ReportFiles(validation.ReportJsonPath, csvPath, htmlPath);
    }

    public async Task<RecordOutcome> RecordUploadAsync(RecordRequest request, CancellationToken cancellationToken = default)
    {
        var v = request.Validation;
        await tables.UpsertAsync(StorageLayout.UploadsTable, UploadRecords.ForUpload(v, request.Reports), cancellationToken);
        if (v.Status != UploadStatus.Accepted) return new RecordOutcome(false, null);

        var partition = UploadRecords.Key(v.ReturnType);
        var rowKey = UploadRecords.AcceptedRowKey(v.Owner, v.Period ?? "");
        // Optimistic concurrency: two uploads for the same return racing here both read, one writes,
        // the other sees the conflict and decides again against the winner. The later receipt wins.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var current = await tables.GetAsync(StorageLayout.AcceptedTable, partition, rowKey, cancellationToken);
            if (current is not null)
            {
                var currentId = current.GetString("UploadId");
                if (currentId == v.UploadId) return new RecordOutcome(true, null);
                if (!IsNewer(v, current)) return new RecordOutcome(false, null);
            }
            if (await tables.TryWriteAsync(StorageLayout.AcceptedTable, UploadRecords.ForAccepted(v), current?.ETag, cancellationToken))
            {
                LogCurrent(logger, v.UploadId, v.ReturnType, v.SubmitterId);
                return new RecordOutcome(true, current?.GetString("UploadId"));
            }
        }
        throw new InvalidOperationException($"Could not record upload {v.UploadId} as current after repeated write conflicts.");
    }

    /// <summary>
    /// The latest receipt wins. Ties (same instant) are broken by path, then upload id: the order the
    /// CLI sweep processes uploads in, so every host reaches the same state.
    /// </summary>
    private static bool IsNewer(ValidationSummary candidate, TableRow current)
    {
        var currentReceived = current.GetDateTimeOffset("ReceivedUtc") ?? DateTimeOffset.MinValue;
        if (candidate.ReceivedUtc != currentReceived) return candidate.ReceivedUtc > currentReceived;
        var byPath = string.CompareOrdinal(candidate.UploadPath, current.GetString("UploadPath"));
        return byPath != 0 ? byPath > 0 : string.CompareOrdinal(candidate.UploadId, current.GetString("UploadId")) > 0;
    }

    private static ValidationSummary Superseded(IngestRequest request, UploadPath upload, DateTimeOffset received) =>
        new(request.UploadId, upload.Path, upload.SubmitterId, upload.ReturnType, request.ContentHash, UploadStatus.Superseded,
            null, 0, 0, 0, received, "", null, []);

    private static string SeverityOf(string ruleId) =>
        RuleCatalogue.Find(ruleId)?.Severity == Severity.Query ? "query" : "error";

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {UploadId} ({ReturnType} from {Submitter}) {Status}: {Rows} rows, {Errors} errors, {Queries} queries")]
    private static partial void LogValidated(ILogger logger, string uploadId, string returnType, string submitter, string status, int rows, int errors, int queries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {UploadId} is now the {ReturnType} return in force for {Submitter}")]
    private static partial void LogCurrent(ILogger logger, string uploadId, string returnType, string submitter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {UploadId} superseded: {Reason}")]
    private static partial void LogSuperseded(ILogger logger, string uploadId, string reason);
}
