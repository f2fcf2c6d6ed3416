using System.Net;
using System.Text;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// A duplicate's own small report: it names the upload in force with the same bytes and says nothing
/// changed. The JSON is an ordinary <see cref="ValidationReport"/> (status <c>duplicate</c>, with
/// <see cref="ValidationReport.SameAs"/>), so the portal reads it like any other; these render it for
/// Excel and for people, because the validation renderers speak only of accepted and rejected files.
/// </summary>
public static class DuplicateReport
{
    public static void WriteCsv(ValidationReport report, Stream output)
    {
        var same = report.SameAs ?? throw new ArgumentException("Not a duplicate's report.", nameof(report));
        using var csv = ExcelCsv.Create(output);
        csv.WriteRecord(["Status", "SameAsUpload", "SameAsFile", "SameAsReceivedUtc", "Message"]);
        csv.WriteFields(UploadStatus.Duplicate, same.UploadId, same.File);
        csv.WriteField(same.ReceivedUtc.UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss'Z'");
        csv.WriteRecord(same.Sentence);
    }

    public static void WriteHtml(ValidationReport report, Stream output)
    {
        var same = report.SameAs ?? throw new ArgumentException("Not a duplicate's report.", nameof(report));
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        w.Write("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write($"<title>Same as an earlier upload: {E(report.File)}</title>\n");
        w.Write("<style>body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#0b0c0c;line-height:1.4}</style>\n");
        w.Write("</head>\n<body>\n<main>\n");
        w.Write($"<h1>Upload report: {E(report.File)}</h1>\n");
        w.Write("<p>Status: <strong>Same as an earlier upload</strong></p>\n");
        w.Write($"<p>{E(same.Sentence)}</p>\n");
        w.Write("<p>You do not need to do anything. Upload again only if the return has changed.</p>\n");
        w.Write("</main>\n</body>\n</html>\n");
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
