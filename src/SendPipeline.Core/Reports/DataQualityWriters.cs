using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>The data-quality report as JSON (machines, Power BI), CSV (Excel) and HTML (officers).</summary>
public static class DataQualityWriters
{
    public static void WriteJson(DataQualityReport report, Stream output) => JsonSerializer.Serialize(output, report, ReportJson.Options);

    public static DataQualityReport ReadJson(Stream input) =>
        JsonSerializer.Deserialize<DataQualityReport>(input, ReportJson.Options) ?? throw new InvalidDataException("The data-quality report is empty.");

    /// <summary>One row per issue; formula-like cells neutralised as in the validation report.</summary>
    public static void WriteIssuesCsv(DataQualityReport report, Stream output)
    {
        using var csv = ExcelCsv.Create(output);
        csv.WriteRecord(["RuleId", "Severity", "Submitter", "ReturnType", "File", "Row", "Column", "Message",
            "HowToFix"]);
        foreach (var i in report.Issues)
        {
            csv.WriteFields(i.RuleId, Sev(i.Severity), i.Submitter, i.ReturnType, i.File);
            csv.WriteField(i.Row, default);
            csv.WriteRecord([i.Column, i.Message, i.Fix]);
        }
    }

    /// <summary>One row per (submitter, return type): the latest upload and whether it is the one in force.</summary>
    public static void WriteSubmittersCsv(DataQualityReport report, Stream output)
    {
        using var csv = ExcelCsv.Create(output);
        csv.WriteRecord(["Submitter", "ReturnType", "LatestUpload", "Status", "Period", "ReceivedUtc", "Errors",
            "Queries", "InForce", "OpenIssues"]);
        var counts = IssuesBySubmitter(report);
        foreach (var s in report.Submitters)
        {
            csv.WriteFields(s.Submitter, s.ReturnType, s.UploadPath, s.Status, s.Period);
            csv.WriteField(s.ReceivedUtc, "yyyy-MM-dd'T'HH:mm:ss'Z'");
            csv.WriteField(s.Errors, default);
            csv.WriteField(s.Queries, default);
            csv.WriteField(s.InForce ? "Y" : "N");
            csv.WriteField(counts.GetValueOrDefault(s.Submitter), default);
            csv.EndRecord();
        }
    }

    /// <summary>What the census is compared with: the DfE's figure for its year, or the forecast of it.</summary>
    private static string Yardstick(EhcpReconciliation r) => r.Basis switch
    {
        EhcpReconciliation.PublishedBasis => $"{r.Expected:N0} published by the DfE for {r.ComparedPeriod}",
        EhcpReconciliation.ForecastBasis =>
            $"a forecast of {r.Expected:N0} for {r.ComparedPeriod} (80% interval {r.ExpectedLower:N0} to "
            + $"{r.ExpectedUpper:N0}; the DfE's latest figure is {r.Published:N0} for {r.PublishedPeriod})",
        _ => $"no figure for the census year ({r.Note})",
    };

    public static void WriteHtml(DataQualityReport report, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var r = report.EhcpReconciliation;
        w.Write($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Data quality across returns: LA {E(report.LaCode)}</title>
            <style>
            body{"{"}font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#0b0c0c;line-height:1.4{"}"}
            table{"{"}border-collapse:collapse;width:100%;margin:1rem 0 2rem{"}"}th,td{"{"}border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top{"}"}
            th{"{"}background:#f3f2f1{"}"}.rejected{"{"}color:#942514;font-weight:bold{"}"}.accepted{"{"}color:#005a30{"}"}
            </style></head>
            <body><main>
            <h1>Data quality across returns: LA {E(report.LaCode)}</h1>
            <p>{report.Issues.Count:N0} issues found by checks across the returns in force ({report.Lineage.Count:N0} returns read). Every issue is a query: it may be right, and is worth checking with the submitter named.</p>
            <h2>EHC plans: our returns against the DfE statistics</h2>
            <p>{r.Total:N0} children with EHC plans ({r.FromCensus:N0} in the census of {E(r.CensusDate)}, {r.FromPlacementsOnly:N0} known only from placements) against {E(Yardstick(r))}{(r.Difference is { } d ? $": a difference of {d:+#,0;-#,0;0}" : "")}.</p>

            """);
        w.Write("<h2>Issues</h2>\n");
        if (report.Issues.Count == 0) w.Write("<p>None.</p>\n");
        else
        {
            w.Write("<table><thead><tr><th scope=\"col\">Submitter</th><th scope=\"col\">Rule</th><th scope=\"col\">Return</th><th scope=\"col\">File</th><th scope=\"col\">Row</th><th scope=\"col\">What to check</th><th scope=\"col\">How to fix it</th></tr></thead><tbody>\n");
            foreach (var i in report.Issues)
                w.Write($"<tr><td>{E(i.Submitter)}</td><td>{E(i.RuleId)}</td><td>{E(i.ReturnType)}</td><td>{E(i.File)}</td><td>{i.Row}</td><td>{E(i.Message)}</td><td>{E(i.Fix)}</td></tr>\n");
            w.Write("</tbody></table>\n");
        }
        var counts = IssuesBySubmitter(report);
        w.Write("<h2>Latest upload by submitter</h2>\n<table><thead><tr><th scope=\"col\">Submitter</th><th scope=\"col\">Return</th><th scope=\"col\">Latest upload</th><th scope=\"col\">Status</th><th scope=\"col\">Errors</th><th scope=\"col\">Queries</th><th scope=\"col\">In force</th><th scope=\"col\">Issues across returns</th></tr></thead><tbody>\n");
        foreach (var s in report.Submitters)
            w.Write($"<tr><td>{E(s.Submitter)}</td><td>{E(s.ReturnType)}</td><td>{E(s.UploadPath)}</td><td class=\"{E(s.Status)}\">{E(s.Status)}</td><td>{s.Errors}</td><td>{s.Queries}</td><td>{(s.InForce ? "yes" : "no")}</td><td>{counts.GetValueOrDefault(s.Submitter)}</td></tr>\n");
        w.Write("</tbody></table>\n</main></body></html>\n");
    }

    private static Dictionary<string, int> IssuesBySubmitter(DataQualityReport report) =>
        report.Issues.GroupBy(i => i.Submitter).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Sev(Severity s) => s == Severity.Error ? "error" : "query";

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
