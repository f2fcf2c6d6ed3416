using Microsoft.Extensions.Logging;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Commands;

/// <summary><c>sendpipeline rebuild</c>: rebuilds the LA's datasets from the returns in force, with the same workflow as the Functions app.</summary>
public static class RebuildCommand
{
    public const string Usage =
        "sendpipeline rebuild [--store DIR | --connection CONNECTION-STRING] [--la CODE] [--suppress-under N] [--full]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        var suppressUnder = Settings.SuppressUnder(args);
        var full = args.Flag("full");
        args.EnsureAllRead();
        TerminalProgress.Stage("Rebuilding the data quality, workforce, forecast and Power BI datasets");
        var result = await RebuildAsync(Activities(stores, la, suppressUnder, PipelineHooks.None, full),
            full ? "rebuild command, every return read" : "rebuild command", PipelineHooks.None);
        Describe(result, output);
        return 0;
    }

    /// <param name="suppressUnder">The Power BI suppression threshold; null reads SENDPIPELINE_SUPPRESS_UNDER, else off.</param>
    public static Task<RebuildResult> RebuildAsync(Stores stores, string laCode, string reason, int? suppressUnder = null, PipelineHooks? hooks = null)
    {
        hooks ??= PipelineHooks.None;
        return RebuildAsync(Activities(stores, laCode, suppressUnder, hooks), reason, hooks);
    }

    /// <summary>
    /// The rebuild activities as this command configures them. A caller that keeps them (the bench) rebuilds again
    /// from the parts of the picture they kept, reading only the returns that changed.
    /// </summary>
    public static RebuildActivities Activities(Stores stores, string laCode, int? suppressUnder, PipelineHooks hooks,
        bool full = false)
    {
        var options = new PipelineOptions(laCode)
        {
            PupilKeySecret = Settings.PupilKeySecret(),
            SuppressUnder = suppressUnder ?? Settings.SuppressUnderFromEnvironment(),
            FullRebuild = full,
        };
        var logger = hooks.Loggers.CreateLogger<RebuildActivities>();
        return new RebuildActivities(stores.Blobs, stores.Tables, options, logger);
    }

    public static Task<RebuildResult> RebuildAsync(RebuildActivities activities, string reason, PipelineHooks hooks)
    {
        var context = new DirectWorkflowContext(RebuildWorkflow.SingletonInstanceId, DirectWorkflowContext.ForRebuild(activities), hooks.Decorate);
        return RebuildWorkflow.RunAsync(context, new RebuildRequest(reason));
    }

    /// <summary>Rebuilds only when the datasets do not reflect the returns in force (<see cref="BuiltFrom.IsBehindAsync"/>); null when they do.</summary>
    public static async Task<RebuildResult?> RebuildIfBehindAsync(Stores stores, string laCode, string reason, int? suppressUnder = null, PipelineHooks? hooks = null) =>
        await BuiltFrom.IsBehindAsync(stores.Blobs, stores.Tables)
            ? await RebuildAsync(stores, laCode, reason, suppressUnder, hooks)
            : null;

    private static void DescribeHnb(HnbForecastSummary hnb, TextWriter output)
    {
        output.WriteLine();
        if (hnb.Skipped is not null)
        {
            output.WriteLine($"High Needs Block forecast not built: {hnb.Skipped}.");
            return;
        }
        output.WriteLine($"High Needs Block spend, £m ({hnb.Folder}/hnb-forecast.csv):");
        foreach (var note in hnb.Notes) output.WriteLine($"  note: {note}");
        output.WriteLine("  year       baseline    reform");
        foreach (var t in hnb.Totals) output.WriteLine($"  {t.FinancialYear,-9} {t.Baseline / 1e6m,9:N1} {t.Reform / 1e6m,9:N1}");
        if (hnb.Totals.Count == 0) return;
        var (first, last) = (hnb.Totals[0].FinancialYear, hnb.Totals[^1].FinancialYear);
        output.WriteLine($"  by placement category, £m: {first} -> {last} baseline (growth) / reform");
        foreach (var c in hnb.EndYearByCategory)
            output.WriteLine($"  {c.Category,-6} {c.BaseYear / 1e6m,7:N1} -> {c.EndBaseline / 1e6m,7:N1} ({(c.BaseYear == 0 ? 0 : c.EndBaseline / c.BaseYear - 1),6:P0}) / {c.EndReform / 1e6m,7:N1}");
    }

    private static void DescribePowerBi(PowerBiSummary powerBi, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Power BI star schema: {powerBi.Tables} tables, {powerBi.Rows:N0} rows, Parquet and CSV under {powerBi.Folder}/ (schema.json lists them).");
        output.WriteLine(powerBi.SuppressUnder is { } n
            ? $"  counts under {n} suppressed; no pupil-level rows published"
            : "  pupil-level facts published; pupils are keyed by HMAC, never by UPN or ULN (--suppress-under N publishes suppressed counts instead)");
        output.WriteLine(powerBi.SecretSource == Workflows.PowerBi.StorePupilKeySecret.Path
            ? $"  pupil keys use a random secret kept in this store ({powerBi.SecretSource}): set {PipelineOptions.PupilKeySecretEnvironmentVariable} for real data"
            : $"  pupil keys use the secret in {powerBi.SecretSource}");
    }

    public static void Describe(RebuildResult result, TextWriter output)
    {
        var dq = result.DataQuality;
        output.WriteLine($"Rebuilt from {dq.ReturnsRead:N0} returns in force: {dq.Issues:N0} data-quality issues across returns.");
        foreach (var (rule, count) in dq.IssuesByRule)
            output.WriteLine($"  {rule,-8} x{count,-5} {SendPipeline.Core.Validation.RuleCatalogue.Find(rule)?.MessageTemplate}");
        output.WriteLine($"  Report for officers: {dq.ReportHtml}");
        if (result.Dashboard is { } dashboard)
        {
            output.WriteLine($"Dashboard for officers (open in a browser, no server needed): {dashboard.Path}");
            foreach (var missing in dashboard.Missing) output.WriteLine($"  without: {missing}");
        }
        DescribeHnb(result.Hnb, output);
        DescribePowerBi(result.PowerBi, output);
        var w = result.Workforce;
        if (w.Quarter is null) return;
        output.WriteLine();
        output.WriteLine($"Experts at Hand workforce, {w.Quarter} ({w.Folder}/):");
        output.WriteLine($"  FTE filled {w.FteFilled:0.##}, vacant {w.FteVacant:0.##}, agency {w.FteAgency:0.##}");
        output.WriteLine($"  front line {w.FrontLineShare:P1} of the Experts at Hand grant's cost: the split {(w.SplitMeetsRules ? "meets" : "breaks")} its rules ({w.SplitRuleText})");
        if (w.OutreachInWindow is { } inWindow)
            output.WriteLine($"  AP outreach funded by the grant: {w.OutreachEahFte:0.##} FTE; {w.Quarter} is {(inWindow ? "inside" : "outside")} the Oakfield outreach funding window");
        output.WriteLine($"  {w.SettingsWithoutSupport} of {w.Settings} open settings had no Experts at Hand days this financial year so far ({w.SettingsWithoutSupportThisQuarter} none this quarter)");
        if (w.Findings.Count == 0) return;
        output.WriteLine($"  {w.Findings.Count} {(w.Findings.Count == 1 ? "finding" : "findings")} to act on ({w.Folder}/checks.csv):");
        const int shown = 3;
        foreach (var finding in w.Findings.Take(shown)) output.WriteLine($"    - {finding}");
        if (w.Findings.Count > shown) output.WriteLine($"    … and {w.Findings.Count - shown} more");
    }
}
