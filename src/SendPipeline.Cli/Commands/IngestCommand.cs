using Microsoft.Extensions.Logging;
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
        return StoreFactory.Create(connection ?? folder ?? Path.Combine("out", "store"));
    }

    public static Task<IReadOnlyList<IngestResult>> IngestAsync(Stores stores, string laCode, IRebuildSignal? rebuild = null, PipelineHooks? hooks = null)
    {
        hooks ??= PipelineHooks.None;
        var activities = new IngestActivities(stores.Blobs, stores.Tables, new PipelineOptions(laCode), hooks.Loggers.CreateLogger<IngestActivities>());
        return new UploadSweep(stores.Blobs, stores.Tables, activities, rebuild, hooks.Decorate).RunAsync();
    }

    /// <summary>
    /// Ingests every new upload, then rebuilds once if any return in force changed: the CLI's form of
    /// the Functions app's debounced rebuild, with the whole sweep as the burst.
    /// </summary>
    public static async Task<(IReadOnlyList<IngestResult> Results, RebuildResult? Rebuild)> IngestAndRebuildAsync(Stores stores, string laCode, int? suppressUnder = null, PipelineHooks? hooks = null)
    {
        var pending = new PendingRebuild();
        var results = await IngestAsync(stores, laCode, pending, hooks);
        var rebuild = pending.IsPending ? await RebuildCommand.RebuildAsync(stores, laCode, $"{results.Count} uploads ingested", suppressUnder, hooks) : null;
        return (results, rebuild);
    }
}
