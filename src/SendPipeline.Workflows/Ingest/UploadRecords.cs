using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Ingest;

/// <summary>Maps ingest results to the rows of the uploads and accepted tables.</summary>
public static class UploadRecords
{
    /// <summary>Azure Table keys forbid '/', '\', '#', '?': periods and ids are made safe the same way everywhere.</summary>
    public static string Key(string value) =>
        string.Create(value.Length, value, (span, v) =>
        {
            for (var i = 0; i < v.Length; i++) span[i] = v[i] is '/' or '\\' or '#' or '?' || char.IsControl(v[i]) ? '_' : v[i];
        });

    public static TableRow ForUpload(ValidationSummary v, ReportFiles reports) => new(
        Key(v.SubmitterId), v.UploadId, new Dictionary<string, object?>
        {
            ["UploadPath"] = v.UploadPath,
            ["Submitter"] = v.SubmitterId,
            ["Subject"] = v.Owner,
            ["ReturnType"] = v.ReturnType,
            ["Period"] = v.Period ?? "",
            ["ReceivedUtc"] = v.ReceivedUtc,
            ["ContentHash"] = v.ContentHash,
            ["Status"] = v.Status,
            ["RowsRead"] = v.RowsRead,
            ["Errors"] = v.Errors,
            ["Queries"] = v.Queries,
            ["ReportJson"] = reports.Json,
            ["ReportCsv"] = reports.Csv,
            ["ReportHtml"] = reports.Html,
            ["CanonicalPath"] = v.CanonicalPath ?? "",
        });

    public static TableRow ForAccepted(ValidationSummary v, string? etag = null) => new(
        Key(v.ReturnType), AcceptedRowKey(v.Owner, v.Period ?? ""), new Dictionary<string, object?>
        {
            ["UploadId"] = v.UploadId,
            ["UploadPath"] = v.UploadPath,
            ["Submitter"] = v.SubmitterId,
            ["Subject"] = v.Owner,
            ["Period"] = v.Period ?? "",
            ["ReceivedUtc"] = v.ReceivedUtc,
            ["ContentHash"] = v.ContentHash,
            ["CanonicalPath"] = v.CanonicalPath ?? "",
            ["RowsRead"] = v.RowsRead,
        }, etag);

    public static string AcceptedRowKey(string submitter, string period) => Key(submitter) + "~" + Key(period);
}
