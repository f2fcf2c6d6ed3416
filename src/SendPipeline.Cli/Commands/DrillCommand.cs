using SendPipeline.Cli.Drill;
using SendPipeline.SampleData;
using SendPipeline.Storage;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.PowerBi;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline drill</c>: the demo twice from the same uploads, once fault-free and once with
/// injected storage errors (retried as Durable would) and a crash mid-rebuild (recovered by running the
/// rebuild again), then proves the two runs' datasets, Power BI files and tables are identical.
/// Exit 0 when identical, 1 when anything differs.
/// </summary>
public static class DrillCommand
{
    public const string Usage = "sendpipeline drill [--out DIR] [--seed N] [--small]";

    private const string Marker = ".sendpipeline-drill";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var root = Path.GetFullPath(args.Option("out") ?? Path.Combine("out", "drill"));
        var seed = args.Int("seed", 1);
        var small = args.Flag("small");
        var la = Settings.LaCode(args);
        args.EnsureAllRead();

        Prepare(root);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (cleanRoot, faultyRoot) = (Path.Combine(root, "fault-free"), Path.Combine(root, "faulty"));
        var options = new SampleLaOptions { Seed = seed, LaCode = la };
        if (small) options = Small(options);
        TerminalProgress.Stage("Generating the sample LA");
        SampleLaGenerator.Generate(options, cleanRoot);
        // The same uploads at the same times (receipt times come from the files'), and the same pupil key
        // secret, so that any difference is the faults' doing.
        CopyTree(cleanRoot, faultyRoot);
        var clean = StoreFactory.Create(cleanRoot);
        TerminalProgress.Stage("The fault-free run");
        await RunAsync(clean, la, options, new ActivityRetry(null), crashExpected: false);
        var secret = Path.Combine(faultyRoot, StorePupilKeySecret.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        File.Copy(Path.Combine(cleanRoot, StorePupilKeySecret.Path), secret, overwrite: false);
        var cleanTime = watch.Elapsed;

        var faults = new FaultSchedule(seed);
        var inner = StoreFactory.Create(faultyRoot);
        var faulty = new Stores(new FaultyBlobStore(inner.Blobs, faults), new FaultyTableStore(inner.Tables, faults));
        var retry = new ActivityRetry(faults);
        TerminalProgress.Stage("The run with seeded storage faults and a crash");
        var recovered = await RunAsync(faulty, la, options, retry, crashExpected: true);
        var faultyTime = watch.Elapsed - cleanTime;

        TerminalProgress.Stage("Comparing the two runs");
        var (differences, files, rows) = await DrillComparison.CompareAsync(cleanRoot, clean, faultyRoot, inner);
        Describe(output, faults, retry, recovered, differences, files, rows);
        output.WriteLine($"Fault-free run {cleanTime.TotalSeconds:N1} s (with generation), faulty run {faultyTime.TotalSeconds:N1} s. Runs kept in {root}.");
        return differences.Count == 0 && recovered ? 0 : 1;
    }

    /// <summary>Ingest, rebuild and the quarter's submission; true when a crash stopped the rebuild and a rerun completed it.</summary>
    private static async Task<bool> RunAsync(Stores stores, string la, SampleLaOptions options, ActivityRetry retry, bool crashExpected)
    {
        var hooks = new PipelineHooks(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, retry.Decorate);
        var pending = new PendingRebuild();
        var results = await IngestCommand.IngestAsync(stores, la, pending, hooks);
        var reason = $"{results.Count} uploads ingested";
        var recovered = false;
        try
        {
            TerminalProgress.Stage("Rebuilding the datasets");
            await RebuildCommand.RebuildAsync(stores, la, reason, hooks: hooks);
        }
        catch (SimulatedCrash) when (crashExpected)
        {
            // As Durable would on restart: the rebuild runs again from the returns in force.
            await RebuildCommand.RebuildAsync(stores, la, reason, hooks: hooks);
            recovered = true;
        }
        TerminalProgress.Stage("Drafting the quarter's DfE return");
        await SubmitCommand.SubmitAsync(stores, la, options.ServiceQuarter.ToString(), deliver: false, delivery: null, hooks);
        return recovered;
    }

    private static void Describe(TextWriter output, FaultSchedule faults, ActivityRetry retry, bool recovered, List<string> differences, int files, int rows)
    {
        output.WriteLine($"Faults injected (every {FaultSchedule.WriteEvery}th write and {FaultSchedule.ReadEvery}th read inside an activity, first attempts only):");
        foreach (var (kind, count) in faults.Injected.OrderBy(k => k.Key, StringComparer.Ordinal)) output.WriteLine($"  {kind,-12} x{count}");
        output.WriteLine($"  crash        x{(faults.Crashed ? 1 : 0)} ({faults.CrashActivity}, after {faults.CrashAfterWrites} writes)");
        output.WriteLine($"Activities retried ({retry.Retries.Values.Sum()} retries):");
        foreach (var (activity, count) in retry.Retries.OrderBy(k => k.Key, StringComparer.Ordinal)) output.WriteLine($"  {activity,-20} x{count}");
        output.WriteLine(recovered
            ? "Rebuild crashed part-way and was run again: recovered."
            : "Rebuild did not crash and recover as planned.");
        output.WriteLine($"Compared {files} files under {string.Join("/, ", DrillComparison.Folders)}/ and {rows} rows of the {string.Join(" and ", DrillComparison.Tables)} tables with the fault-free run:");
        output.WriteLine("  (submissions/ is not compared: each package records when it was published)");
        if (differences.Count == 0) output.WriteLine("  identical.");
        foreach (var difference in differences.Take(50)) output.WriteLine($"  differs: {difference}");
        if (differences.Count > 50) output.WriteLine($"  … and {differences.Count - 50} more");
    }

    /// <summary>A tenth of the sample LA: the same kinds of return and planted defects, quick enough for a test.</summary>
    private static SampleLaOptions Small(SampleLaOptions options) => options with
    {
        PrimarySchools = 24,
        SecondarySchools = 5,
        SpecialSchools = 3,
        AlternativeProvisionSettings = 2,
        EhcpPupils = 700,
        SenSupportPupils = 1_500,
    };

    /// <summary>Copies a store keeping each file's time, which is its upload's receipt time.</summary>
    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    private static void Prepare(string root)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, Marker)))
                throw new UsageException($"'{root}' is not empty and was not made by the drill; choose another --out.");
            Directory.Delete(root, recursive: true);
        }
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "Made by `sendpipeline drill`; the drill clears this folder when it runs again.\n");
    }
}
