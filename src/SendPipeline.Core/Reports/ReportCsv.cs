using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>
/// The report for Excel: one row per issue, written as <see cref="ExcelCsv"/> says, so every cell
/// that came from an upload is safe to open (a leading = + - @ would run as a formula).
/// </summary>
public static class ReportCsv
{
    public static readonly string[] Columns = ["Row", "Column", "Value", "Severity", "RuleId", "Message", "HowToFix"];

    /// <summary>The first column of a report whose issues name their part (a sen2 extract's module).</summary>
    public const string PartColumn = "Part";

    public static void Write(ValidationReport report, Stream output)
    {
        using var csv = ExcelCsv.Create(output);
        var parts = report.Issues.Any(i => i.Part is not null);
        csv.WriteRecord(parts ? [PartColumn, .. Columns] : Columns);
        foreach (var issue in report.Issues)
        {
            if (parts) csv.WriteField(issue.Part);
            csv.WriteField(issue.Row, default);
            csv.WriteField(issue.Column);
            csv.WriteField(issue.Value);
            csv.WriteField(issue.Severity == Severity.Error ? "error" : "query");
            csv.WriteField(issue.RuleId);
            csv.WriteField(issue.Message);
            csv.WriteField(issue.Fix);
            csv.EndRecord();
        }
        // One line per rule whose issues were not all listed, so the count of the rest is never lost.
        foreach (var (ruleId, count) in report.NotListedByRule())
        {
            var severity = RuleCatalogue.Find(ruleId)?.Severity == Severity.Query ? "query" : "error";
            string[] line = ["", "", "", severity, ruleId, NotListed.Sentence(count), NotListed.Fix];
            csv.WriteRecord(parts ? ["", .. line] : line);
        }
    }

    /// <summary>
    /// One cell made safe as <see cref="ExcelCsv"/> makes it (an apostrophe before a formula), for the
    /// writers that still join cells by hand (the Power BI star and the submission tables, until they
    /// move to <see cref="ExcelCsv"/>, which also quotes such a cell).
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
