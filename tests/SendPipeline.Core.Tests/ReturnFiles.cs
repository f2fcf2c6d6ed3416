using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests;

/// <summary>Builds small files of any return from header and rows, and validates them as an upload.</summary>
internal static class ReturnFiles
{
    public static string Csv(string[] header, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var text = new StringBuilder(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(',', header.Select(h => Quote(row.TryGetValue(h, out var v) ? v : "")))).Append("\r\n");
        return text.ToString();
    }

    public static ValidationReport Validate(string returnType, string csv, string submitter = "la", TextWriter? canonical = null) =>
        Validate(returnType, new UTF8Encoding(false).GetBytes(csv), submitter, canonical);

    public static ValidationReport Validate(string returnType, byte[] bytes, string submitter = "la", TextWriter? canonical = null) =>
        ReturnValidator.Validate(new MemoryStream(bytes), new ValidationRequest($"uploads/{submitter}/{returnType}/test.csv", returnType, submitter, "855"), canonical);

    /// <summary>
    /// Validates a return whose canonical form is a zip (ehcp-history, sen2) and gives the text of one of its
    /// entries as the canonical writer of a table return would have written it.
    /// </summary>
    public static (ValidationReport Report, string Canonical) ValidateZipped(string returnType, byte[] bytes, string entry,
        string submitter = "la", string fileName = "test.csv")
    {
        var zip = new MemoryStream();
        var report = ReturnValidator.ValidateInto(new MemoryStream(bytes),
            new ValidationRequest($"uploads/{submitter}/{returnType}/{fileName}", returnType, submitter, "855"), zip);
        if (zip.Length == 0) return (report, "");
        zip.Position = 0;
        using var archive = new System.IO.Compression.ZipArchive(zip);
        if (archive.GetEntry(entry) is not { } found) return (report, "");
        using var reader = new StreamReader(found.Open());
        return (report, reader.ReadToEnd());
    }

    /// <summary>The one issue of a rule, checked against the catalogue and the report's status.</summary>
    public static Issue Single(ValidationReport report, string ruleId, int? row, string? column, Severity severity)
    {
        var issue = Assert.Single(report.Issues, i => i.RuleId == ruleId);
        Assert.Equal((row, column, severity), (issue.Row, issue.Column, issue.Severity));
        Assert.Equal(RuleCatalogue.Find(ruleId)!.Severity, issue.Severity);
        if (severity == Severity.Error) Assert.Equal("rejected", report.Status);
        else Assert.Equal(("accepted", 0), (report.Status, report.Errors));
        Assert.DoesNotContain("{", issue.Message);
        return issue;
    }

    private static string Quote(string v) => v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
