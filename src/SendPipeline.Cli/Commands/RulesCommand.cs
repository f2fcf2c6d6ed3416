using SendPipeline.Core.Reports;
using SendPipeline.Core.Validation;

namespace SendPipeline.Cli.Commands;

/// <summary><c>sendpipeline rules [--markdown]</c>: the rule catalogue, as a table or as docs/rules.md.</summary>
public static class RulesCommand
{
    public const string Usage = "sendpipeline rules [--markdown]";

    public static int Run(CommandLine args, TextWriter output)
    {
        var markdown = args.Flag("markdown");
        args.EnsureAllRead();
        if (markdown)
        {
            output.Write(RuleCatalogueMarkdown.Render());
            return 0;
        }
        output.WriteLine($"Rule catalogue {RuleCatalogue.Version}: {RuleCatalogue.All.Count} rules");
        foreach (var rule in RuleCatalogue.All)
            output.WriteLine($"{rule.Id,-8} {(rule.Severity == Severity.Error ? "error" : "query"),-5} {rule.Scope,-14} {rule.MessageTemplate}");
        return 0;
    }
}
