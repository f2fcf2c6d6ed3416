using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Ingest;

/// <summary>The input of one ingest: a reference to the uploaded blob and the hash of its bytes.</summary>
public sealed record IngestRequest(string UploadPath, string ContentHash)
{
    /// <summary>
    /// Stable id of this upload: the same path with the same bytes is the same upload, so a duplicate
    /// trigger delivery or a re-upload of identical bytes maps to the same orchestration instance.
    /// </summary>
    public string UploadId => UploadIds.For(UploadPath, ContentHash);

    public string InstanceId => "ingest-" + UploadId;
}

public static class UploadIds
{
    public static string For(string uploadPath, string contentHash)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(uploadPath + "\n" + contentHash));
        return Convert.ToHexStringLower(bytes)[..32];
    }

    /// <summary>SHA-256 of a stream, lower-case hex, read once without buffering the whole content.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            sha.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

public sealed record RuleCount(string RuleId, string Severity, int Count);

/// <summary>
/// What the validate activity returns: small, no pupil data, only references to what it wrote.
/// </summary>
public sealed record ValidationSummary(
    string UploadId,
    string UploadPath,
    string SubmitterId,
    string ReturnType,
    string ContentHash,
    string Status,
    string? Period,
    int RowsRead,
    int Errors,
    int Queries,
    DateTimeOffset ReceivedUtc,
    string ReportJsonPath,
    string? CanonicalPath,
    IReadOnlyList<RuleCount> RuleCounts)
{
    /// <summary>Whom the return is about: the submitter, or the school an LA officer uploaded for.</summary>
    public string? Subject { get; init; }

    /// <summary>The key of the return in force: (return type, subject, period).</summary>
    public string Owner => Subject ?? SubmitterId;

    /// <summary>For a <see cref="UploadStatus.Duplicate"/>: the upload in force with the same bytes.</summary>
    public string? DuplicateOf { get; init; }
}

public sealed record ReportFiles(string Json, string Csv, string Html);

public sealed record RecordRequest(ValidationSummary Validation, ReportFiles Reports);

/// <summary><see cref="BecameCurrent"/>: this upload is now the accepted return in force for its (submitter, type, period).</summary>
public sealed record RecordOutcome(bool BecameCurrent, string? ReplacedUploadId);

public sealed record IngestResult(ValidationSummary Validation, ReportFiles? Reports, RecordOutcome? Record);

/// <summary>The ingest activities' names: constants, because the Functions app's [Function] attributes need them.</summary>
public static class IngestActivityNames
{
    public const string ValidateUpload = nameof(ValidateUpload);
    public const string WriteReport = nameof(WriteReport);
    public const string RecordUpload = nameof(RecordUpload);
    public const string RequestRebuild = nameof(RequestRebuild);
}

/// <summary>The ingest activities, each written once: name, input, output and the method that does it.</summary>
public static class IngestActivityTable
{
    public static readonly Activity<IIngestActivities, IngestRequest, ValidationSummary> ValidateUpload =
        new(IngestActivityNames.ValidateUpload, (a, input, ct) => a.ValidateUploadAsync(input, ct));

    public static readonly Activity<IIngestActivities, ValidationSummary, ReportFiles> WriteReport =
        new(IngestActivityNames.WriteReport, (a, input, ct) => a.WriteReportAsync(input, ct));

    public static readonly Activity<IIngestActivities, RecordRequest, RecordOutcome> RecordUpload =
        new(IngestActivityNames.RecordUpload, (a, input, ct) => a.RecordUploadAsync(input, ct));

    /// <summary>Run by the host's rebuild signal, not by the ingest activities: Durable signals the singleton, the CLI notes it.</summary>
    public static readonly Activity<IRebuildSignal, RebuildRequest, bool> RequestRebuild =
        new(IngestActivityNames.RequestRebuild, (signal, input, ct) => signal.RequestAsync(input, ct));

    public static readonly IReadOnlyList<IActivity<IIngestActivities>> All = [ValidateUpload, WriteReport, RecordUpload];
}
