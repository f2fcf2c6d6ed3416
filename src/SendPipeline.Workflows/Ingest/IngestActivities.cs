using Microsoft.Extensions.Logging;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Returns;
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

        if (await SameInForceAsync(upload, request, cancellationToken) is { } same)
            return await DuplicateAsync(request, upload, info.LastModified, same, cancellationToken);

        // Only the returns whose rules are stated against the register pay for reading it.
        var definition = ReturnRegistry.Find(upload.ReturnType);
        var register = definition?.ReadsRegister == true ? await RegisterLookup.LoadAsync(blobs, tables, cancellationToken) : null;
        // Pupil data: only ever in this process's private temporary folder, never the shared one.
        var canonicalFile = PrivateTemp.Current.NewFile(".csv");
        try
        {
            ValidationReport report;
            string actualHash;
            await using (var raw = await blobs.OpenReadAsync(upload.Path, cancellationToken))
            await using (var canonical = new FileStream(canonicalFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var hashing = new HashingReadStream(raw);
                report = ReturnValidator.ValidateInto(hashing, new ValidationRequest(upload.Path, upload.ReturnType, upload.SubmitterId, options.LaCode)
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
                // Accepted means the return type is known, so it has a definition.
                canonicalPath = IngestPaths.Canonical(upload.ReturnType, report.Subject ?? upload.SubmitterId, report.Period ?? "none", uploadId,
                    definition!.CanonicalExtension);
                await using var canonical = File.OpenRead(canonicalFile);
                // Written once: a retried activity finds it already there, with the same bytes.
                await blobs.WriteAsync(canonicalPath, canonical, overwrite: false, definition.CanonicalContentType, cancellationToken);
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
        var duplicate = report.SameAs is not null;
        await blobs.WriteRenderedAsync(csvPath, "text/csv", s => { if (duplicate) DuplicateReport.WriteCsv(report, s); else ReportCsv.Write(report, s); },
            cancellationToken);
        await blobs.WriteRenderedAsync(htmlPath, "text/html", s => { if (duplicate) DuplicateReport.WriteHtml(report, s); else ReportHtml.Write(report, s); },
            cancellationToken);
        return new ReportFiles(validation.ReportJsonPath, csvPath, htmlPath);
    }

    /// <summary>
    /// The return in force first, the upload record last: the record is what says an upload is done (the
    /// sweep skips an upload that has one, the portal shows it), so a process killed between the two
    /// writes leaves no record, and the rerun ingests the upload again and finds itself already in force.
    /// Running this again with the same request changes nothing.
    /// </summary>
    public async Task<RecordOutcome> RecordUploadAsync(RecordRequest request, CancellationToken cancellationToken = default)
    {
        var v = request.Validation;
        var outcome = v.Status == UploadStatus.Accepted ? await MakeCurrentAsync(v, cancellationToken) : new RecordOutcome(false, null);
        await tables.UpsertAsync(StorageLayout.UploadsTable, UploadRecords.ForUpload(v, request.Reports), cancellationToken);
        return outcome;
    }

    private async Task<RecordOutcome> MakeCurrentAsync(ValidationSummary v, CancellationToken cancellationToken)
    {
        var partition = UploadRecords.Key(v.ReturnType);
        var rowKey = UploadRecords.AcceptedRowKey(v);
        // Optimistic concurrency: two uploads for the same return racing here both read, one writes,
        // the other sees the conflict and decides again against the winner. The later receipt wins.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var current = await tables.GetAsync(StorageLayout.AcceptedTable, partition, rowKey, cancellationToken);
            if (current is not null)
            {
                var currentId = current.GetString(UploadRecords.Field.UploadId);
                if (currentId == v.UploadId) return new RecordOutcome(true, null);
                if (!IsNewer(v, current)) return new RecordOutcome(false, null);
            }
            if (await tables.TryWriteAsync(StorageLayout.AcceptedTable, UploadRecords.ForAccepted(v), current?.ETag, cancellationToken))
            {
                LogCurrent(logger, v.UploadId, v.ReturnType, v.SubmitterId);
                return new RecordOutcome(true, current?.GetString(UploadRecords.Field.UploadId));
            }
        }
        throw new InvalidOperationException($"Could not record upload {v.UploadId} as current after repeated write conflicts.");
    }

    /// <summary>
    /// The latest receipt wins. Ties (same instant) are broken by path, then upload id: the order the
    /// CLI sweep processes uploads in, so every host reaches the same state.
    /// </summary>
    internal static bool IsNewer(ValidationSummary candidate, TableRow current)
    {
        var currentReceived = current.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? DateTimeOffset.MinValue;
        if (candidate.ReceivedUtc != currentReceived) return candidate.ReceivedUtc > currentReceived;
        var byPath = string.CompareOrdinal(candidate.UploadPath, current.GetString(UploadRecords.Field.UploadPath));
        return byPath != 0 ? byPath > 0 : string.CompareOrdinal(candidate.UploadId, current.GetString(UploadRecords.Field.UploadId)) > 0;
    }

    /// <summary>
    /// The return in force from this submitter, of this return type, with exactly these bytes (so the same
    /// owner and period), if it is another upload. Decided before validation: nothing needs reading twice.
    /// </summary>
    /// <summary>
    /// The same content from the same submitter already in force. A school, provider or service only ever has its
    /// own returns in force (their subject must be the submitter), so only its rows are read: at census time a
    /// region's 300 schools upload within days, and reading every school's row for each upload grew with the square
    /// of the region. The LA may send on anyone's behalf, so its uploads still read the whole partition.
    /// </summary>
    private async Task<TableRow?> SameInForceAsync(UploadPath upload, IngestRequest request, CancellationToken cancellationToken)
    {
        var partition = UploadRecords.Key(upload.ReturnType);
        var inForce = upload.SubmitterId == Submitter.LocalAuthorityId
            ? tables.QueryAsync(StorageLayout.AcceptedTable, partition, cancellationToken)
            : tables.QueryPrefixAsync(StorageLayout.AcceptedTable, partition,
                UploadRecords.AcceptedRowKeyPrefix(upload.SubmitterId), cancellationToken);
        await foreach (var row in inForce)
        {
            if (row.GetString(UploadRecords.Field.ContentHash) == request.ContentHash && row.GetString(UploadRecords.Field.Submitter) == upload.SubmitterId
                && row.GetString(UploadRecords.Field.UploadId) != request.UploadId)
                return row;
        }
        return null;
    }

    /// <summary>A duplicate's own small report: the upload it repeats and its counts; no canonical copy, nothing in force changes.</summary>
    private async Task<ValidationSummary> DuplicateAsync(IngestRequest request, UploadPath upload, DateTimeOffset received, TableRow same,
        CancellationToken cancellationToken)
    {
        var sameId = same.GetString(UploadRecords.Field.UploadId)!;
        var sameRecord = await tables.GetAsync(StorageLayout.UploadsTable, UploadRecords.Key(upload.SubmitterId), sameId, cancellationToken);
        var period = same.GetString(UploadRecords.Field.Period) is { Length: > 0 } p ? p : null;
        var rows = (int)same.GetInt64(UploadRecords.Field.RowsRead);
        var queries = (int)(sameRecord?.GetInt64(UploadRecords.Field.Queries) ?? 0);
        var report = new ValidationReport
        {
            File = upload.Path, ReturnType = upload.ReturnType, Submitter = upload.SubmitterId, Status = UploadStatus.Duplicate,
            RowsRead = rows, Queries = queries, Subject = same.GetString(UploadRecords.Field.Subject), Period = period, ContentHash = request.ContentHash,
            ReceivedUtc = received, RuleCatalogueVersion = RuleCatalogue.Version,
            SameAs = new SameUpload(sameId, same.GetString(UploadRecords.Field.UploadPath) ?? "", same.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc) ?? default),
        };
        var reportPath = IngestPaths.Report(upload, request.ContentHash, "json");
        await blobs.WriteRenderedAsync(reportPath, "application/json", s => ReportJson.Write(report, s), cancellationToken);
        LogDuplicate(logger, request.UploadId, sameId);
        return new ValidationSummary(request.UploadId, upload.Path, upload.SubmitterId, upload.ReturnType, request.ContentHash,
            UploadStatus.Duplicate, period, rows, 0, queries, received, reportPath, null, [])
        {
            Subject = report.Subject,
            DuplicateOf = sameId,
        };
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {UploadId} is the same as {SameAs}, the return in force: recorded as a duplicate")]
    private static partial void LogDuplicate(ILogger logger, string uploadId, string sameAs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {UploadId} superseded: {Reason}")]
    private static partial void LogSuperseded(ILogger logger, string uploadId, string reason);
}
