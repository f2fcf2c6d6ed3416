using System.Globalization;
using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>
/// The report for Excel: one row per issue, UTF-8 with a BOM so Excel shows '£' and accents, and
/// every cell that came from an upload made safe to open (a leading = + - @ would run as a formula).
/// </summary>
public static class ReportCsv
{
    public static readonly string[] Columns = ["Row", "Column", "Value", "Severity", "RuleId", "Message", "HowToFix"];

    public static void Write(ValidationReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(',', Columns));
        foreach (var issue in report.Issues)
        {
            writer.Write(issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "");
            writer.Write(',');
            writer.Write(Cell(issue.Column));
            writer.Write(',');
            writer.Write(Cell(issue.Value));
            writer.Write(',');
            writer.Write(issue.Severity == Severity.Error ? "error" : "query");
            writer.Write(',');
            writer.Write(Cell(issue.RuleId));
            writer.Write(',');
            writer.Write(Cell(issue.Message));
            writer.Write(',');
            writer.Write(Cell(issue.Fix));
            writer.WriteLine();
        }
        // One line per rule whose issues were not all listed, so the count of the rest is never lost.
        foreach (var (ruleId, count) in report.NotListedByRule())
        {
            var severity = RuleCatalogue.Find(ruleId)?.Severity == Severity.Query ? "query" : "error";
            writer.Write($",,,{severity},{Cell(ruleId)},{Cell(NotListed.Sentence(count))},{Cell(NotListed.Fix)}");
            writer.WriteLine();
        }
    }

    /// <summary>Quotes as RFC 4180 needs and neutralises formula injection with a leading apostrophe.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
