using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Commands;

/// <summary><c>sendpipeline rebuild</c>: rebuilds the LA's datasets from the returns in force, with the same workflow as the Functions app.</summary>
public static class RebuildCommand
{
    public const string Usage = "sendpipeline rebuild [--store DIR | --connection CONNECTION-STRING] [--la CODE]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        args.EnsureAllRead();
        var result = await RebuildAsync(stores, la, "rebuild command");
        Describe(result, output);
        return 0;
    }

    public static Task<RebuildResult> RebuildAsync(Stores stores, string laCode, string reason)
    {
        var activities = new RebuildActivities(stores.Blobs, stores.Tables, new PipelineOptions(laCode), NullLogger<RebuildActivities>.Instance);
        var context = new DirectWorkflowContext(RebuildWorkflow.SingletonInstanceId, DirectWorkflowContext.ForRebuild(activities));
        return RebuildWorkflow.RunAsync(context, new RebuildRequest(reason));
    }

    public static void Describe(RebuildResult result, TextWriter output)
    {
        var dq = result.DataQuality;
        output.WriteLine($"Rebuilt from {dq.ReturnsRead:N0} returns in force: {dq.Issues:N0} data-quality issues across returns.");
        foreach (var (rule, count) in dq.IssuesByRule)
            output.WriteLine($"  {rule,-8} x{count,-5} {SendPipeline.Core.Validation.RuleCatalogue.Find(rule)?.MessageTemplate}");
        output.WriteLine($"  Report for officers: {dq.ReportHtml}");
        var w = result.Workforce;
        if (w.Quarter is null) return;
        output.WriteLine();
        output.WriteLine($"Experts at Hand workforce, {w.Quarter} ({w.Folder}/):");
        output.WriteLine($"  FTE filled {w.FteFilled:0.##}, vacant {w.FteVacant:0.##}, agency {w.FteAgency:0.##}");
        output.WriteLine($"  front line {w.FrontLineShare:P1} of the Experts at Hand grant's cost: the split {(w.SplitMeetsRules ? "meets" : "breaks")} its rules (front line at least 80%, enabling and transformation capped)");
        output.WriteLine($"  {w.SettingsWithoutSupport} of {w.Settings} open settings had no Experts at Hand days this quarter");
    }
}
