using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline submit</c>: runs the quarterly DfE return by hand, with the same workflow the timer
/// and the HTTP function start. Exit 0 for a final package, 1 for a draft, 2 when it could not run
/// (including a final package refused at delivery, or that the DfE endpoint did not accept).
/// </summary>
public static class SubmitCommand
{
    public const string Usage = "sendpipeline submit --quarter \"2026-27 Q2\" [--store DIR | --connection CONNECTION-STRING] [--la CODE] [--deliver-to URL | --no-deliver]";

    public const string EndpointVariable = "SENDPIPELINE_DFE_ENDPOINT", ApiKeyVariable = "SENDPIPELINE_DFE_API_KEY";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var quarter = QuarterOption(args);
        RequireExistingFolder(args);
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        var deliver = !args.Flag("no-deliver");
        var endpoint = args.Option("deliver-to") ?? Environment.GetEnvironmentVariable(EndpointVariable);
        args.EnsureAllRead();

        // Datasets a killed ingest or rebuild left behind the returns in force are finished first.
        if (await RebuildCommand.RebuildIfBehindAsync(stores, la, "submit found the datasets behind the returns in force") is not null)
            output.WriteLine("The datasets were behind the returns in force (a rebuild had not finished): rebuilt them first.");
        using var http = new HttpClient();
        var result = await SubmitAsync(stores, la, quarter, deliver, Delivery(endpoint, http));
        Describe(result, output, StoreArguments(args));
        await DescribeCountsAsync(stores, result, output);
        return ExitCode(result);
    }

    /// <summary>0 final (and delivered, or not asked to be), 1 draft, 2 when a final package should have gone and did not.</summary>
    public static int ExitCode(SubmissionResult result) =>
        result.Delivery.Status is DeliveryOutcome.Failed or DeliveryOutcome.Refused ? Cli.CouldNotRun
        : result.Package.Status == Core.Submission.SubmissionPackager.Final ? Cli.Accepted : Cli.Rejected;

    /// <summary>
    /// A local store must already exist: submitting from a mistyped folder would otherwise create it and
    /// publish an empty return from it.
    /// </summary>
    private static void RequireExistingFolder(CommandLine args)
    {
        if (args.Option("connection") is not null || Environment.GetEnvironmentVariable("SENDPIPELINE_STORAGE") is not null) return;
        var folder = args.Option("store") ?? Path.Combine("out", "store");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The store folder '{folder}' does not exist. Give the folder that ingest wrote to with --store.");
    }

    public static Task<SubmissionResult> SubmitAsync(Stores stores, string laCode, string quarter, bool deliver, DfeDeliveryClient? delivery, PipelineHooks? hooks = null)
    {
        hooks ??= PipelineHooks.None;
        var activities = Activities(stores, laCode, delivery, hooks.Loggers);
        var context = new DirectWorkflowContext(SubmissionWorkflow.InstanceIdFor(quarter), DirectWorkflowContext.ForSubmission(activities), hooks.Decorate);
        return SubmissionWorkflow.RunAsync(context, new SubmissionRequest(quarter, deliver));
    }

    internal static SubmissionActivities Activities(Stores stores, string laCode, DfeDeliveryClient? delivery = null, ILoggerFactory? loggers = null) =>
        new(stores.Blobs, stores.Tables, new PipelineOptions(laCode), TimeProvider.System, delivery, (loggers ?? NullLoggerFactory.Instance).CreateLogger<SubmissionActivities>());

    internal static string QuarterOption(CommandLine args)
    {
        var quarter = args.Option("quarter") ?? throw new UsageException("Name the financial quarter with --quarter, e.g. --quarter \"2026-27 Q2\".");
        try
        {
            return QuarterPaths.Parse(quarter).ToString();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }
    }

    private static DfeDeliveryClient? Delivery(string? endpoint, HttpClient http)
    {
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        Uri uri;
        try
        {
            uri = DeliveryOptions.ParseEndpoint(endpoint);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        var options = new DeliveryOptions(uri) { ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) };
        return new DfeDeliveryClient(http, options, NullLogger<DfeDeliveryClient>.Instance);
    }

    /// <summary>
    /// The counts the package's checks state, read from its own <c>counts.csv</c>, so the console says
    /// what the package says.
    /// </summary>
    internal static async Task DescribeCountsAsync(Stores stores, SubmissionResult result, TextWriter output)
    {
        var path = $"{result.Package.Folder}/{Core.Picture.ReturnCounts.TableName}.csv";
        if (await stores.Blobs.GetInfoAsync(path) is null) return;
        using var copy = new MemoryStream();
        await using (var csv = await stores.Blobs.OpenReadAsync(path)) await csv.CopyToAsync(copy);
        var table = Core.Submission.SubmissionTable.Load(Core.Submission.SubmissionTables.Counts, copy.ToArray());
        if (!Core.Reference.FinancialQuarter.TryParse(result.Snapshot.Quarter, out var quarter)) return;
        if (Core.Submission.SubmissionSnapshot.CountsOf(table, quarter) is not { } counts) return;
        output.WriteLine($"  Counts ({path}):");
        foreach (var sentence in counts.Sentences()) output.WriteLine($"    {sentence}");
    }

    /// <summary>The store options as given, so the sign-off commands printed can be pasted as they are.</summary>
    internal static string StoreArguments(CommandLine args) =>
        args.Option("store") is { } store ? $" --store \"{store}\"" : args.Option("connection") is not null ? " --connection \"$SENDPIPELINE_STORAGE\"" : "";

    /// <param name="storeArguments">Appended to each sign-off command printed (e.g. <c> --store "out/demo"</c>).</param>
    /// <param name="signerKeys">The demo's signer key per role, printed in its command; else each signer gives their own.</param>
    public static void Describe(SubmissionResult result, TextWriter output, string storeArguments = "",
        IReadOnlyDictionary<string, string>? signerKeys = null)
    {
        var (snapshot, package) = (result.Snapshot, result.Package);
        output.WriteLine($"DfE return for {snapshot.Quarter}: snapshot {snapshot.Hash}");
        output.WriteLine(package.Published
            ? $"  Published version {package.Version} as {package.Status.ToUpperInvariant()}: {package.Folder}/"
            : $"  Nothing new to publish: version {package.Version} ({package.Status}) already holds this snapshot and these sign-offs ({package.Folder}/).");
        foreach (var warning in snapshot.Warnings ?? []) output.WriteLine($"  Warning: {warning}");
        if (package.Note is not null) output.WriteLine($"  Note: {package.Note}");
        foreach (var reason in package.Reasons) output.WriteLine($"  Why draft: {reason}");
        if (package.MissingSignOffs.Count > 0)
        {
            output.WriteLine("  To sign this snapshot:");
            foreach (var role in package.MissingSignOffs)
                output.WriteLine($"    sendpipeline signoff --quarter \"{snapshot.Quarter}\" --role {role} " +
                    $"--snapshot {snapshot.Hash[..16]}" +
                    $" --key {(signerKeys?.GetValueOrDefault(role) ?? "YOUR-SIGNER-KEY")}{storeArguments}");
        }
        output.WriteLine($"  Delivery: {result.Delivery.Status}. {result.Delivery.Detail}");
    }
}
