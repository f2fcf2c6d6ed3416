using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Ingest;

/// <summary>Maps ingest results to the rows of the uploads and accepted tables.</summary>
public static class UploadRecords
{
    /// <summary>
    /// The property names of the uploads and accepted tables' rows: every reader and writer of an upload
    /// record names a field through these, so the record's shape is written once.
    /// </summary>
    public static class Field
    {
        public const string UploadId = nameof(UploadId), UploadPath = nameof(UploadPath), Submitter = nameof(Submitter);
        public const string Subject = nameof(Subject), ReturnType = nameof(ReturnType), Period = nameof(Period);
        public const string ReceivedUtc = nameof(ReceivedUtc), ContentHash = nameof(ContentHash), Status = nameof(Status);
        public const string RowsRead = nameof(RowsRead), Errors = nameof(Errors), Queries = nameof(Queries);
        public const string ReportJson = nameof(ReportJson), ReportCsv = nameof(ReportCsv), ReportHtml = nameof(ReportHtml);
        public const string CanonicalPath = nameof(CanonicalPath), SameAs = nameof(SameAs);
    }

    /// <summary>Azure Table keys forbid '/', '\', '#', '?': periods and ids are made safe the same way everywhere.</summary>
    public static string Key(string value) =>
        string.Create(value.Length, value, (span, v) =>
        {
            for (var i = 0; i < v.Length; i++) span[i] = v[i] is '/' or '\\' or '#' or '?' || char.IsControl(v[i]) ? '_' : v[i];
        });

    public static TableRow ForUpload(ValidationSummary v, ReportFiles reports) => new(
        Key(v.SubmitterId), v.UploadId, new Dictionary<string, object?>
        {
            [Field.UploadPath] = v.UploadPath,
            [Field.Submitter] = v.SubmitterId,
            [Field.Subject] = v.Owner,
            [Field.ReturnType] = v.ReturnType,
            [Field.Period] = v.Period ?? "",
            [Field.ReceivedUtc] = v.ReceivedUtc,
            [Field.ContentHash] = v.ContentHash,
            [Field.Status] = v.Status,
            [Field.RowsRead] = v.RowsRead,
            [Field.Errors] = v.Errors,
            [Field.Queries] = v.Queries,
            [Field.ReportJson] = reports.Json,
            [Field.ReportCsv] = reports.Csv,
            [Field.ReportHtml] = reports.Html,
            [Field.CanonicalPath] = v.CanonicalPath ?? "",
        }.WithSameAs(v.DuplicateOf));

    private static Dictionary<string, object?> WithSameAs(this Dictionary<string, object?> properties, string? sameAs)
    {
        if (sameAs is not null) properties[Field.SameAs] = sameAs;
        return properties;
    }

    /// <summary>The upload record read back as the summary it was written from (rule counts are not kept in it).</summary>
    public static ValidationSummary ToSummary(TableRow row) => new(
        row.RowKey, row.GetString(Field.UploadPath) ?? "", row.GetString(Field.Submitter) ?? "", row.GetString(Field.ReturnType) ?? "",
        row.GetString(Field.ContentHash) ?? "", row.GetString(Field.Status) ?? "", row.GetString(Field.Period) is { Length: > 0 } period ? period : null,
        (int)row.GetInt64(Field.RowsRead), (int)row.GetInt64(Field.Errors), (int)row.GetInt64(Field.Queries),
        row.GetDateTimeOffset(Field.ReceivedUtc) ?? default, row.GetString(Field.ReportJson) ?? "",
        row.GetString(Field.CanonicalPath) is { Length: > 0 } canonical ? canonical : null, [])
    {
        Subject = row.GetString(Field.Subject),
        DuplicateOf = row.GetString(Field.SameAs),
    };

    public static ReportFiles ReportsOf(TableRow row) =>
        new(row.GetString(Field.ReportJson) ?? "", row.GetString(Field.ReportCsv) ?? "", row.GetString(Field.ReportHtml) ?? "");

    public static TableRow ForAccepted(ValidationSummary v, string? etag = null) => new(
        Key(v.ReturnType), AcceptedRowKey(v), new Dictionary<string, object?>
        {
            [Field.UploadId] = v.UploadId,
            [Field.UploadPath] = v.UploadPath,
            [Field.Submitter] = v.SubmitterId,
            [Field.Subject] = v.Owner,
            [Field.Period] = v.Period ?? "",
            [Field.ReceivedUtc] = v.ReceivedUtc,
            [Field.ContentHash] = v.ContentHash,
            [Field.CanonicalPath] = v.CanonicalPath ?? "",
            [Field.RowsRead] = v.RowsRead,
        }, etag);

    public static string AcceptedRowKey(string submitter, string period) => Key(submitter) + "~" + Key(period);

    /// <summary>The start of every accepted row key of one owner (see <c>AcceptedRowKey</c>).</summary>
    public static string AcceptedRowKeyPrefix(string owner) => Key(owner) + "~";

    /// <summary>
    /// Where an accepted upload goes in force: per (owner, period), or per owner alone for a return whose every
    /// upload is a full extract (<see cref="Core.Returns.ReturnDefinition.LatestReplacesAllPeriods"/>, sen2),
    /// so the latest received replaces the earlier whatever period it states.
    /// </summary>
    public static string AcceptedRowKey(ValidationSummary v) =>
        AcceptedRowKey(v.Owner, Core.Returns.ReturnRegistry.Find(v.ReturnType)?.LatestReplacesAllPeriods == true ? "" : v.Period ?? "");
}
