using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>Renders docs/rules.md from the rule catalogue; a test fails when the committed file is stale.</summary>
public static class RuleCatalogueMarkdown
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Rule catalogue\n\n");
        text.Append("Generated from the code by `sendpipeline rules --markdown > docs/rules.md`; do not edit by hand.\n");
        text.Append($"Catalogue version `{RuleCatalogue.Version}` ({RuleCatalogue.All.Count} rules).\n\n");
        text.Append("An **error** rejects the whole return; a **query** is reported and the return is accepted.\n");
        text.Append("`{placeholders}` are filled from the upload when the rule fires.\n");
        foreach (var group in RuleCatalogue.All.GroupBy(r => r.Scope))
        {
            text.Append($"\n## {group.Key}\n\n| id | severity | message | how to fix |\n|---|---|---|---|\n");
            foreach (var rule in group)
                text.Append($"| {rule.Id} | {(rule.Severity == Severity.Error ? "error" : "query")} | {Cell(rule.MessageTemplate)} | {Cell(rule.Fix)} |\n");
        }
        return text.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|");
}
