using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Ingest;

/// <summary>Where ingest writes, derived only from the upload: reruns land on the same paths.</summary>
public static class IngestPaths
{
    /// <summary>
    /// <c>reports/{submitter}/{returnType}/{file}.{hash12}.report.{ext}</c>: beside the upload's own
    /// path, one per distinct content, so a re-upload of new bytes never overwrites an earlier report.
    /// </summary>
    public static string Report(UploadPath upload, string contentHash, string extension) =>
        $"{StorageLayout.Reports}/{upload.SubmitterId}/{upload.ReturnType}/{upload.FileName}.{contentHash[..12]}.report.{extension}";

    /// <summary>
    /// <c>accepted/{returnType}/{owner}/{period}/{uploadId}.csv</c> (owner: the subject, e.g. the school): immutable;
    /// the accepted table says which is in force. The extension is the return's canonical form's (csv unless it says).
    /// </summary>
    public static string Canonical(string returnType, string owner, string period, string uploadId, string extension = "csv") =>
        $"{StorageLayout.Accepted}/{returnType}/{owner}/{period}/{uploadId}.{extension}";

    public static string ReplaceExtension(string reportJsonPath, string extension) =>
        reportJsonPath[..reportJsonPath.LastIndexOf('.')] + "." + extension;
}
