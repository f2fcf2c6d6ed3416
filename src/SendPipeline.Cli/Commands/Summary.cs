using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Cli.Commands;

/// <summary>The console summary of an ingest run: counts and rule ids only, never a value from a file.</summary>
internal static class Summary
{
    public static void Write(IReadOnlyList<IngestResult> results, TextWriter output)
    {
        var byStatus = results.GroupBy(r => r.Validation.Status).ToDictionary(g => g.Key, g => g.Count());
        // Submitters as the counts everywhere else count them: the owner the upload is about.
        var rejectedFrom = results.Where(r => r.Validation.Status == UploadStatus.Rejected)
            .Select(r => r.Validation.Owner).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"Ingested {results.Count:N0} uploads: {byStatus.GetValueOrDefault(UploadStatus.Accepted)} accepted, " +
                         $"{byStatus.GetValueOrDefault(UploadStatus.Rejected)} rejected " +
                         $"from {rejectedFrom:N0} submitters, " +
                         $"{byStatus.GetValueOrDefault(UploadStatus.Superseded)} superseded; " +
                         $"{results.Sum(r => r.Validation.RowsRead):N0} rows.");
        var rules = results.SelectMany(r => r.Validation.RuleCounts)
            .GroupBy(c => c.RuleId)
            .Select(g => (RuleId: g.Key, Count: g.Sum(c => c.Count), Uploads: g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .Take(10).ToList();
        if (rules.Count == 0) return;
        output.WriteLine("Most frequent rules:");
        output.WriteLine("  rule      severity  issues  uploads  message");
        foreach (var (ruleId, count, uploads) in rules)
        {
            var rule = RuleCatalogue.Find(ruleId);
            output.WriteLine($"  {ruleId,-9} {(rule?.Severity == Severity.Query ? "query" : "error"),-9} {count,6}  {uploads,7}  {rule?.MessageTemplate}");
        }
        var rejected = results.Where(r => r.Validation.Status == UploadStatus.Rejected).Take(10).ToList();
        if (rejected.Count == 0) return;
        output.WriteLine("Rejected uploads (report for the uploader):");
        foreach (var r in rejected)
            output.WriteLine($"  {r.Validation.UploadPath}: {r.Validation.Errors} error(s) -> {r.Reports?.Html}");
    }
}
