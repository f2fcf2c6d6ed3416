using SendPipeline.Core.Picture;
using SendPipeline.Core.Returns.Assumptions;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Forecasting.Levers;

/// <summary>
/// A scenario file: an assumptions CSV (docs/assumptions.md), read and checked by the <c>assumptions</c> return's own
/// validator, so one format and one set of rules serve both. It names itself by <c>meta/assumptions-version</c>
/// (else its file name) and needs only the rows it changes: a required key it leaves out (AS1000) comes from the
/// LA's assumptions in force, on which its rows are laid.
/// </summary>
public sealed record ScenarioFile(string Name,
    IReadOnlyList<(string Section, string Key, string Scenario, string Value)> Rows)
{
    /// <summary>The scenario, or the errors that stop it (each a sentence with the file, row and column).</summary>
    public static (ScenarioFile? Scenario, IReadOnlyList<string> Errors) Read(Stream content, string fileName,
        string laCode)
    {
        using var canonical = new StringWriter();
        var report = ReturnValidator.Validate(content,
            new ValidationRequest(fileName, ReturnTypes.Assumptions, Submitter.LocalAuthorityId, laCode), canonical);
        var errors = report.Issues
            .Where(i => i.Severity == Severity.Error && i.RuleId != AssumptionsRules.RequiredKeyMissing.Id)
            .Select(i => fileName + (i.Row is { } r ? $" row {r}" : "") + (i.Column is { } c ? $", column {c}" : "")
                + $": {i.Message} ({i.RuleId})")
            .ToList();
        if (report.Errors > 0 && errors.Count == 0 && report.Issues.All(i => i.Severity != Severity.Error))
            errors.Add($"{fileName}: not readable as an assumptions file ({report.Status}).");
        if (errors.Count > 0) return (null, errors);
        var rows = new List<(string, string, string, string)>();
        var bytes = System.Text.Encoding.UTF8.GetBytes(canonical.ToString());
        using var table = new CanonicalTable(new MemoryStream(bytes));
        string? version = null;
        while (table.Read())
        {
            if (table["Section"].IsEmpty) continue;
            var row = (table.Text("Section"), table.Text("Key"), table.Text("Scenario"), table.Text("Value"));
            if (row.Item1 == "meta" && row.Item2 == "assumptions-version") version = row.Item4;
            rows.Add(row);
        }
        return (new ScenarioFile(version ?? Path.GetFileNameWithoutExtension(fileName), rows), []);
    }

    /// <summary>The scenario's rows laid on the assumptions in force (later rows win).</summary>
    public NamedScenario On(IEnumerable<AssumptionRow> inForce) =>
        new(Name, HnbAssumptions.From(inForce.Select(r => (r.Section, r.Key, r.Scenario, r.Value)).Concat(Rows)));
}
