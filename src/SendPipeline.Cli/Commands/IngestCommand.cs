using Microsoft.Extensions.Logging;
using SendPipeline.Cli.Drill;
using SendPipeline.Core.Reading;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline ingest</c>: runs the ingest workflow on every upload not yet ingested, in a local
/// folder (the embedded default) or, given a connection string, in Azure Storage or Azurite.
/// </summary>
public static class IngestCommand
{
    public const string Usage = "sendpipeline ingest [--store DIR | --connection CONNECTION-STRING] [--la CODE]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var stores = OpenStores(args);
        var la = Settings.LaCode(args);
        args.EnsureAllRead();
        var (results, rebuild) = await IngestAndRebuildAsync(stores, la);
        Summary.Write(results, output);
        if (rebuild is not null)
        {
            output.WriteLine();
            RebuildCommand.Describe(rebuild, output);
        }
        return 0;
    }

    public static Stores OpenStores(CommandLine args)
    {
        var connection = args.Option("connection") ?? Environment.GetEnvironmentVariable("SENDPIPELINE_STORAGE");
        var folder = args.Option("store");
        if (connection is not null && folder is not null) throw new UsageException("Give --store or --connection, not both.");
        return CrashHook.Wrap(StoreFactory.Create(connection ?? folder ?? Path.Combine("out", "store")));
    }

    public static Task<IReadOnlyList<IngestResult>> IngestAsync(Stores stores, string laCode, IRebuildSignal? rebuild = null, PipelineHooks? hooks = null)
    {
        hooks ??= PipelineHooks.None;
        // Clears what a killed run left in the private temporary folder before any pupil data goes there.
        _ = PrivateTemp.Current;
        var activities = new IngestActivities(stores.Blobs, stores.Tables, new PipelineOptions(laCode), hooks.Loggers.CreateLogger<IngestActivities>());
        TerminalProgress.Stage("Ingesting every upload not yet ingested");
        return new UploadSweep(stores.Blobs, stores.Tables, activities, rebuild, hooks.Decorate).RunAsync(TerminalProgress.Uploads());
    }

    /// <summary>
    /// Ingests every new upload (finishing any a killed run left half recorded), then rebuilds once if the
    /// datasets are behind the returns in force (<see cref="BuiltFrom"/>): the CLI's form of the Functions
    /// app's debounced rebuild, with the whole sweep as the burst. So a rerun after a kill, even one with
    /// nothing new to ingest, finishes a rebuild the kill interrupted.
    /// </summary>
    public static async Task<(IReadOnlyList<IngestResult> Results, RebuildResult? Rebuild)> IngestAndRebuildAsync(Stores stores, string laCode, int? suppressUnder = null, PipelineHooks? hooks = null)
    {
        var results = await IngestAsync(stores, laCode, new PendingRebuild(), hooks);
        TerminalProgress.Stage($"{results.Count:N0} uploads ingested; rebuilding the datasets if they are behind");
        var rebuild = await RebuildCommand.RebuildIfBehindAsync(stores, laCode, $"{results.Count} uploads ingested", suppressUnder, hooks);
        return (results, rebuild);
    }
}
