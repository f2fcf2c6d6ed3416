using System.Globalization;
using System.Net;
using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>
/// The report for people: one self-contained page (no scripts, fonts or CDNs), readable by a screen
/// reader, with every value from the upload HTML-escaped.
/// </summary>
public static class ReportHtml
{
    public static void Write(ValidationReport report, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var accepted = report.Accepted;
        w.Write("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<title>{E(accepted ? "Accepted" : "Rejected")}: {E(report.File)}</title>\n");
        w.Write("""
            <style>
            body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#0b0c0c;line-height:1.4}
            h1{font-size:1.6rem}.status{display:inline-block;padding:.2rem .6rem;font-weight:bold;border-radius:3px}
            .accepted{background:#cce2d8;color:#005a30}.rejected{background:#f6d7d2;color:#942514}
            table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f2f1}caption{text-align:left;padding:.3rem 0}td.rule{white-space:nowrap}td.error{color:#942514;font-weight:bold}td.query{color:#594d00;font-weight:bold}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}
            .value{font-family:Consolas,monospace;white-space:pre-wrap}
            </style>
            </head>
            <body>
            <main>

            """);
        w.Write($"<h1>Validation report: <span class=\"value\">{E(report.File)}</span></h1>\n");
        w.Write($"<p>Status: <span class=\"status {(accepted ? Uploads.UploadStatus.Accepted : Uploads.UploadStatus.Rejected)}\">{(accepted ? "Accepted" : "Rejected")}</span></p>\n");
        w.Write(accepted
            ? "<p>The local authority has accepted this return.</p>\n"
            : "<p>The local authority has <strong>not</strong> accepted this return: nothing from it is used until the errors below are corrected and the file is uploaded again.</p>\n");
        w.Write("<dl>\n");
        Item(w, "Return type", report.ReturnType);
        Item(w, "Submitter", report.Submitter ?? "");
        Item(w, "Period", report.Period ?? "");
        Item(w, "Rows read", report.RowsRead.ToString("N0", CultureInfo.InvariantCulture));
        Item(w, "Errors", report.Errors.ToString("N0", CultureInfo.InvariantCulture));
        Item(w, "Queries", report.Queries.ToString("N0", CultureInfo.InvariantCulture));
        Item(w, "File format", $"{report.Format} {report.Encoding}".Trim());
        Item(w, "Rule catalogue", report.RuleCatalogueVersion);
        w.Write("</dl>\n");
        var notListed = report.NotListedByRule();
        if (notListed.Count > 0)
        {
            w.Write($"<p>{E(NotListed.Summary(report.IssuesOmitted))}</p>\n<ul>\n");
            foreach (var (ruleId, count) in notListed)
                w.Write($"<li><span class=\"rule\">{E(ruleId)}</span>: {E(NotListed.Sentence(count))}</li>\n");
            w.Write("</ul>\n");
        }
        if (report.Issues.Count == 0)
        {
            w.Write("<p>No errors or queries.</p>\n");
        }
        else
        {
            w.Write("<table>\n<caption>Errors must be corrected; queries are accepted but should be checked. Row numbers are as Excel shows them (the header is row 1).</caption>\n");
            var parts = report.Issues.Any(i => i.Part is not null);
            w.Write(parts ? "<thead><tr><th scope=\"col\">Part</th><th scope=\"col\">Row</th>" : "<thead><tr><th scope=\"col\">Row</th>");
            w.Write("<th scope=\"col\">Column</th><th scope=\"col\">Value</th><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">What is wrong</th><th scope=\"col\">How to fix it</th></tr></thead>\n<tbody>\n");
            foreach (var i in report.Issues)
            {
                var severity = i.Severity == Severity.Error ? "error" : "query";
                if (parts) w.Write($"<tr><td>{E(i.Part)}</td>"); else w.Write("<tr>");
                w.Write($"<td>{(i.Row is { } r ? r.ToString(CultureInfo.InvariantCulture) : "whole file")}</td><td>{E(i.Column)}</td><td class=\"value\">{E(i.Value)}</td>");
                w.Write($"<td class=\"{severity}\">{severity}</td><td class=\"rule\">{E(i.RuleId)}</td><td>{E(i.Message)}</td><td>{E(i.Fix)}</td></tr>\n");
            }
            w.Write("</tbody>\n</table>\n");
        }
        w.Write("</main>\n</body>\n</html>\n");
    }

    private static void Item(TextWriter w, string name, string value) => w.Write($"<dt>{E(name)}</dt><dd>{E(value)}</dd>\n");

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
