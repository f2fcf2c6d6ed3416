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
        }.WithSameAs(v.DuplicateOf));

    private static Dictionary<string, object?> WithSameAs(this Dictionary<string, object?> properties, string? sameAs)
    {
        if (sameAs is not null) properties["SameAs"] = sameAs;
        return properties;
    }

    /// <summary>The upload record read back as the summary it was written from (rule counts are not kept in it).</summary>
    public static ValidationSummary ToSummary(TableRow row) => new(
        row.RowKey, row.GetString("UploadPath") ?? "", row.GetString("Submitter") ?? "", row.GetString("ReturnType") ?? "",
        row.GetString("ContentHash") ?? "", row.GetString("Status") ?? "", row.GetString("Period") is { Length: > 0 } period ? period : null,
        (int)row.GetInt64("RowsRead"), (int)row.GetInt64("Errors"), (int)row.GetInt64("Queries"),
        row.GetDateTimeOffset("ReceivedUtc") ?? default, row.GetString("ReportJson") ?? "",
        row.GetString("CanonicalPath") is { Length: > 0 } canonical ? canonical : null, [])
    {
        Subject = row.GetString("Subject"),
        DuplicateOf = row.GetString("SameAs"),
    };

    public static ReportFiles ReportsOf(TableRow row) =>
        new(row.GetString("ReportJson") ?? "", row.GetString("ReportCsv") ?? "", row.GetString("ReportHtml") ?? "");

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
