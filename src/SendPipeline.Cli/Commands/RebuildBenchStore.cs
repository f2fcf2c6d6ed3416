using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData;
using SendPipeline.SampleData.National;
using SendPipeline.Storage;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Commands;

/// <summary>What the rebuild bench rebuilds: the home LA as the demo generates it, and optionally the rest of England.</summary>
public sealed record RebuildBenchScale(string Name, SampleLaOptions Home, NationalScale? National)
{
    /// <summary>A handful of schools: for the test that the bench runs, not for figures.</summary>
    public static RebuildBenchScale Tiny(int seed) => new("tiny", new SampleLaOptions
    {
        Seed = seed, PrimarySchools = 8, SecondarySchools = 2, SpecialSchools = 1, AlternativeProvisionSettings = 1, PlantErrors = false,
        EhcpPupils = 150, SenSupportPupils = 300, SchoolsExportingWholeRoll = 1, XlsxSchools = 1,
    }, null);

    /// <summary>Leicestershire: the demo's sample LA.</summary>
    public static RebuildBenchScale La(int seed) => new("la", new SampleLaOptions { Seed = seed }, null);

    public static RebuildBenchScale England(int seed, NationalScale scale) => new("national", new SampleLaOptions { Seed = seed }, scale);

    /// <summary>Written into a prepared store: a store is reused only for the same scale.</summary>
    public string Description => National is { } n ? $"{Name} seed {Home.Seed} settings {n.Settings} pupils {n.SenPupils} plans {n.EhcpPlans}" : $"{Name} seed {Home.Seed}";
}

/// <summary>
/// Prepares, once, a local folder store holding the canonical accepted returns in force exactly as
/// ingest leaves them: the sample LA's uploads (and, at national scale, every other LA's) go
/// through the real ingest workflow, each LA's with that LA's pipeline options. Only the flush to
/// disk after each write is skipped while preparing (tens of thousands of fsyncs would take longer
/// than everything else); the rebuild being timed opens the store as production does.
/// </summary>
public static class RebuildBenchStore
{
    private const string Marker = ".sendpipeline-bench";

    /// <returns>True when the store was prepared now, false when an earlier preparation was reused.</returns>
    public static async Task<bool> EnsureAsync(string root, RebuildBenchScale scale, string? history, string assumptions, TextWriter output)
    {
        var marker = Path.Combine(root, Marker);
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == scale.Description) return false;
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(marker)) throw new UsageException($"'{root}' is not empty and was not made by the bench; choose another --store.");
            Directory.Delete(root, recursive: true);
        }
        Directory.CreateDirectory(root);
        // Marked before anything is written, so a preparation cut short is cleared by the next run.
        await File.WriteAllTextAsync(marker, "preparing\n");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var home = scale.Home with { EhcpHistoryPath = history, AssumptionsPath = assumptions };
        TerminalProgress.Stage($"Generating the home LA into {root}");
        SampleLaGenerator.Generate(home, root);
        var staging = root + ".staging";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        if (scale.National is not null) TerminalProgress.Stage("Writing the rest of England's uploads");
        var national = scale.National is { } size ? NationalSampleWriter.AddRestOfEngland(home, size, root, staging) : null;

        var store = new LocalFolderStore(root, flushToDisk: false);
        var results = (await IngestCommand.IngestAsync(new Stores(store, store), home.LaCode)).ToList();
        if (national is not null)
        {
            TerminalProgress.Stage($"Ingesting {national.Uploads.Count:N0} uploads from the other LAs");
            results.AddRange(await IngestElsewhereAsync(store, national.Uploads, staging));
            Directory.Delete(staging, recursive: true);
            output.WriteLine($"England: {national.Settings:N0} settings, {national.CensusRows:N0} SEN pupils on the other LAs' censuses " +
                $"({national.EhcpOnCensus:N0} with EHC plans), {national.PlacedOutOfCensus:N0} placed on none.");
        }
        var accepted = results.Count(r => r.Validation.Status == UploadStatus.Accepted);
        output.WriteLine($"Prepared {root} in {watch.Elapsed.TotalSeconds:N0} s: {results.Count:N0} uploads ingested, {accepted:N0} accepted.");
        // Every national upload is meant to be clean: one rejected means the generator and the rules disagree.
        if (national is not null && results.Skip(results.Count - national.Uploads.Count).FirstOrDefault(r => r.Validation.Status != UploadStatus.Accepted) is { } bad)
            throw new InvalidOperationException($"The national upload {bad.Validation.UploadPath} was {bad.Validation.Status}: " +
                string.Join(", ", bad.Validation.RuleCounts.Select(r => $"{r.RuleId} x{r.Count}")));
        await File.WriteAllTextAsync(marker, scale.Description + "\n");
        return true;
    }

    /// <summary>
    /// Uploads each other LA's file into the store and ingests it with the workflow the CLI sweep
    /// runs, under that LA's pipeline options. Uploads are independent (each is its own return in
    /// force), so they are ingested a few at a time, through <see cref="RebuildBenchPreparation"/>.
    /// </summary>
    private static async Task<IReadOnlyList<IngestResult>> IngestElsewhereAsync(LocalFolderStore store, IReadOnlyList<NationalUpload> uploads, string staging)
    {
        var activities = new Dictionary<string, IngestActivities>(StringComparer.Ordinal);
        var prepared = new RebuildBenchPreparation(store, store);
        foreach (var la in uploads.Select(u => u.LaCode).Distinct())
            activities[la] = new IngestActivities(prepared, prepared, new PipelineOptions(la),
                NullLogger<IngestActivities>.Instance);
        var results = new IngestResult[uploads.Count];
        var ignored = new PendingRebuild();
        var progress = TerminalProgress.Uploads(uploads.Count);
        await Parallel.ForEachAsync(Enumerable.Range(0, uploads.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, async (i, cancel) =>
        {
            var upload = uploads[i];
            string hash;
            await using (var file = File.OpenRead(Path.Combine(staging, upload.UploadPath)))
                hash = await UploadIds.HashAsync(file, cancel);
            await using (var file = File.OpenRead(Path.Combine(staging, upload.UploadPath)))
                await store.WriteAsync(upload.UploadPath, file, overwrite: false, "text/csv", cancel);
            var request = new IngestRequest(upload.UploadPath, hash);
            var context = new DirectWorkflowContext(request.InstanceId, DirectWorkflowContext.ForIngest(activities[upload.LaCode], ignored));
            results[i] = await IngestWorkflow.RunAsync(context, request);
            progress?.Report(results[i]);
        });
        return results;
    }

    /// <summary>Rows of the canonical returns in force, as ingest counted them.</summary>
    public static async Task<(int Returns, long Rows)> InForceAsync(ITableStore tables)
    {
        var (returns, rows) = (0, 0L);
        await foreach (var row in tables.QueryAsync(StorageLayout.AcceptedTable))
        {
            returns++;
            rows += row.GetInt64(UploadRecords.Field.RowsRead);
        }
        return (returns, rows);
    }
}
