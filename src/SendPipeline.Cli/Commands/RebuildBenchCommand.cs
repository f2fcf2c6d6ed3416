using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.National;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline bench rebuild</c>: times the rebuild of all three datasets (data quality,
/// workforce, HNB forecast) from a prepared store of canonical returns in force, through the
/// rebuild workflow and the direct host as <c>rebuild</c> runs it, in a fresh child process per run.
/// A benchmark, not a test: the figures go in docs/performance.md.
/// </summary>
public static class RebuildBenchCommand
{
    public const string Usage = "sendpipeline bench rebuild [--scale tiny|la|national] [--runs N] [--store DIR] [--seed N]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var phase = args.Option("phase");
        var store = args.Option("store");
        var scaleName = args.Option("scale") ?? "la";
        var runs = Math.Max(1, args.Int("runs", 3));
        var seed = args.Int("seed", 1);
        var la = Settings.LaCode(args);
        var national = new NationalScale(args.Int("settings", NationalScale.England.Settings), args.Int("pupils", NationalScale.England.SenPupils),
            args.Int("plans", NationalScale.England.EhcpPlans));
        var history = GenerateCommand.HistoryPath(args);
        var assumptions = GenerateCommand.AssumptionsPath(args);
        args.EnsureAllRead();
        if (phase is not null)
        {
            if (store is null) throw new UsageException("--phase needs --store.");
            return await RunPhaseAsync(Path.GetFullPath(store), la, output);
        }

        var scale = scaleName switch
        {
            "tiny" => RebuildBenchScale.Tiny(seed),
            "la" => RebuildBenchScale.La(seed),
            "national" => RebuildBenchScale.England(seed, national),
            _ => throw new UsageException($"--scale is tiny, la or national, not '{scaleName}'."),
        };
        var root = Path.GetFullPath(store ?? Path.Combine("out", $"bench-{scale.Name}"));
        if (!await RebuildBenchStore.EnsureAsync(root, scale, history, assumptions, output))
            output.WriteLine($"Reusing the store prepared earlier at {root}.");
        var (returns, rows) = await RebuildBenchStore.InForceAsync(StoreFactory.Create(root).Tables);

        output.WriteLine($"Rebuild of {returns:N0} returns in force ({rows:N0} rows), best of {runs} runs, each in its own process;");
        output.WriteLine("cold is the first rebuild in the process (JIT included), warm a second one with a fresh picture loader (no cached picture).");
        output.WriteLine("after one upload: one school sends its census again, and the cold rebuild's activities");
        output.WriteLine("rebuild from the parts they kept.");
        output.WriteLine("| scale | returns | rows | cold s | cold rows/s | warm s | warm rows/s | " +
            "after one upload s (returns read) | peak working set |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var all = Enumerable.Range(0, runs).Select(_ => RunChild(root, scale.Home.LaCode)).ToList();
        var (cold, warm, peak) = (all.Min(r => r.Cold), all.Min(r => r.Warm), all.Max(r => r.PeakBytes));
        var after = all.MinBy(r => r.AfterUpload)!;
        output.WriteLine($"| {scale.Name} | {returns:N0} | {rows:N0} | {cold:N3} | {rows / cold:N0} | {warm:N3} | " +
            $"{rows / warm:N0} | {after.AfterUpload:N3} ({after.ReturnsRead}) | {peak / 1048576.0:N0} MB |");
        return 0;
    }

    private sealed record Timing(double Cold, double Warm, long PeakBytes, double AfterUpload, int ReturnsRead);

    private static Timing RunChild(string root, string laCode)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Running under `dotnet sendpipeline.dll` (or a test host) the process path is dotnet itself: pass the dll first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(RebuildBenchCommand).Assembly.Location);
        foreach (var a in new[] { "bench", "rebuild", "--phase", "child", "--store", root, "--la", laCode }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"The rebuild benchmark failed: {line}");
        var parts = line.Split(' ');
        return new Timing(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture),
            int.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Three rebuilds in this process. Cold: the first, JIT included. Warm: new activities and so a new picture
    /// loader, which reads and checks every return again, as a worker that has just started. After one upload: one
    /// of the home LA's schools sends its census again with its last pupil gone (a new upload under
    /// <c>uploads/</c>, ingested as the trigger would), and the cold rebuild's activities rebuild, as a long-lived
    /// worker does: they read only that return and recombine the parts they kept. Each run adds one upload to the
    /// store. Prints "coldSeconds warmSeconds peakBytes afterUploadSeconds returnsRead".
    /// </summary>
    private static async Task<int> RunPhaseAsync(string root, string laCode, TextWriter output)
    {
        var stores = StoreFactory.Create(root);
        var watch = Stopwatch.StartNew();
        var worker = RebuildCommand.Activities(stores, laCode, null, PipelineHooks.None);
        await RebuildCommand.RebuildAsync(worker, "bench, cold", StepTimings("cold"));
        var cold = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await RebuildCommand.RebuildAsync(stores, laCode, "bench, warm", hooks: StepTimings("warm"));
        var warm = watch.Elapsed.TotalSeconds;
        await UploadOneSchoolsCensusAgainAsync(stores, laCode);
        watch.Restart();
        await RebuildCommand.RebuildAsync(worker, "bench, after one upload", StepTimings("after one upload"));
        var afterUpload = watch.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("SENDPIPELINE_BENCH_ALLOC") is not null)
            Console.Error.WriteLine($"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N1} MB, gen0 {GC.CollectionCount(0)}, gen2 {GC.CollectionCount(2)}");
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cold} {warm} {self.PeakWorkingSet64} {afterUpload} {worker.Pictures.ReturnsReadLastTime}"));
        return 0;
    }

    /// <summary>
    /// One of the home LA's schools (the first in force with more than one pupil) sends its latest census again
    /// without its last row, and it goes through ingest with the home LA's options, as the blob trigger would run it.
    /// </summary>
    private static async Task UploadOneSchoolsCensusAgainAsync(Stores stores, string laCode)
    {
        var censuses = stores.Tables.QueryAsync(StorageLayout.AcceptedTable, UploadRecords.Key("school-census"));
        await foreach (var row in censuses)
        {
            var path = row.GetString(UploadRecords.Field.UploadPath);
            var school = row.GetString(UploadRecords.Field.Submitter);
            if (path is null || school is null || !school.StartsWith(laCode, StringComparison.Ordinal)) continue;
            string text;
            await using (var stream = await stores.Blobs.OpenReadAsync(path))
                text = await new StreamReader(stream).ReadToEndAsync();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length < 3) continue;
            var again = $"uploads/{school}/school-census/bench-{DateTime.UtcNow:yyyyMMddHHmmssfff}.csv";
            var shorter = Encoding.UTF8.GetBytes(string.Join('\n', lines[..^1]) + "\n");
            await stores.Blobs.WriteAsync(again, new MemoryStream(shorter), overwrite: false);
            var ingest = new IngestActivities(stores.Blobs, stores.Tables, new PipelineOptions(laCode),
                NullLogger<IngestActivities>.Instance);
            if (!UploadPath.TryParse(again, out var upload, out var problem))
                throw new InvalidOperationException(problem);
            var result = await new UploadSweep(stores.Blobs, stores.Tables, ingest).IngestAsync(upload);
            if (result?.Record?.BecameCurrent != true)
                throw new InvalidOperationException(
                    $"The bench's upload {again} did not come into force ({result?.Validation.Status}).");
            return;
        }
        throw new InvalidOperationException($"No census of LA {laCode} in force to send again.");
    }

    /// <summary>
    /// Each step of the rebuild on standard error (the parent reads only standard output): its seconds (wall, and
    /// processor for a shared machine), what it allocated, the managed heap it left and the process's peak working
    /// set so far, so a profile names the step that holds the memory, not a guess.
    /// </summary>
    private static PipelineHooks StepTimings(string rebuild) => PipelineHooks.None with
    {
        Decorate = (name, activity) => async input =>
        {
            var (watch, allocated) = (Stopwatch.StartNew(), GC.GetTotalAllocatedBytes());
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var result = await activity(input);
            using var self = Process.GetCurrentProcess();
            var used = (self.TotalProcessorTime - processor).TotalSeconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes() - allocated) / 1048576.0;
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rebuild} {name,-18} {watch.Elapsed.TotalSeconds,7:F3} s  processor {used,7:F3} s" +
                $"  allocated {allocatedMb,8:F1} MB" +
                $"  heap {heap,7:F0} MB  peak {self.PeakWorkingSet64 / 1048576.0,6:F0} MB"));
            return result;
        },
    };
}
