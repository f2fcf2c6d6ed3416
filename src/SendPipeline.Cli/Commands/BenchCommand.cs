using System.Diagnostics;
using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Validation;
using SendPipeline.SampleData.Writing;
using Census = SendPipeline.Core.Returns.SchoolCensus.SchoolCensusColumns;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline bench</c> (or <c>bench validate</c>): validates a generated N-row census and reads the same file raw (CSV
/// fields plus its three dates), each in a fresh child process so each peak working set is its own.
/// A benchmark, not a test: the figures go in docs/performance.md.
/// </summary>
public static class BenchCommand
{
    public const string Usage = "sendpipeline bench [validate] [--rows N] [--runs N] [--file PATH] | bench bounds [--rows N] [--keep DIR]";

    /// <summary><c>bench</c> and <c>bench validate</c> time validation; <c>bench rebuild</c> times the rebuild.</summary>
    public static async Task<int> RunAsync(CommandLine args, TextWriter output) => args.Positional switch
    {
        [] or ["validate"] => Run(args, output),
        ["rebuild"] => await RebuildBenchCommand.RunAsync(args, output),
        ["bounds"] => BoundsBenchCommand.Run(args, output),
        ["sen2"] => Sen2BenchCommand.Run(args, output),
        _ => throw new UsageException($"bench takes validate, rebuild or bounds, not '{string.Join(' ', args.Positional)}'."),
    };

    public static int Run(CommandLine args, TextWriter output)
    {
        var phase = args.Option("phase");
        var file = args.Option("file");
        var rows = args.Int("rows", 1_000_000);
        var runs = Math.Max(1, args.Int("runs", 3));
        args.EnsureAllRead();
        if (phase is not null)
        {
            if (file is null) throw new UsageException("--phase needs --file.");
            return RunPhase(phase, file, output);
        }

        var path = file ?? Path.Combine(Path.GetTempPath(), $"sendpipeline-bench-{rows}-{Guid.NewGuid():N}.csv");
        if (file is null || !File.Exists(path))
        {
            var watch = Stopwatch.StartNew();
            using (var stream = File.Create(path)) CensusFileWriter.WriteLarge(stream, rows, seed: 1);
            output.WriteLine($"Generated {rows:N0} census rows ({new FileInfo(path).Length / 1048576.0:N1} MB) in {watch.Elapsed.TotalSeconds:N1} s: {path}");
        }
        output.WriteLine($"Best of {runs} runs, each phase in its own process (one thread, workstation GC):");
        output.WriteLine("| phase | rows | cold s | cold rows/s | warm s | warm rows/s | " +
            "cold cpu s | warm cpu s | peak working set |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var results = new Dictionary<string, PhaseResult>();
        foreach (var p in new[] { "raw", "validate" })
        {
            var all = Enumerable.Range(0, runs).Select(_ => RunChild(p, path)).ToList();
            var best = new PhaseResult(all[0].Rows, all.Min(r => r.ColdSeconds), all.Min(r => r.WarmSeconds),
                all.Max(r => r.PeakBytes), all.Min(r => r.ColdCpu), all.Min(r => r.WarmCpu));
            results[p] = best;
            output.WriteLine($"| {p} | {best.Rows:N0} | {best.ColdSeconds:N3} | {best.Rows / best.ColdSeconds:N0} | " +
                $"{best.WarmSeconds:N3} | {best.Rows / best.WarmSeconds:N0} | " +
                $"{best.ColdCpu:N3} | {best.WarmCpu:N3} | {best.PeakBytes / 1048576.0:N0} MB |");
        }
        var ratio = results["raw"].WarmSeconds / results["validate"].WarmSeconds;
        output.WriteLine($"Warm, validation runs at {ratio:P0} of raw-read speed (peak working set is the larger of the runs).");
        if (file is null) File.Delete(path);
        return 0;
    }

    /// <summary>
    /// Wall seconds, and the processor seconds of the whole process (the JIT's threads included), which a loaded
    /// machine disturbs less.
    /// </summary>
    private sealed record PhaseResult(long Rows, double ColdSeconds, double WarmSeconds, long PeakBytes,
        double ColdCpu, double WarmCpu);

    private static PhaseResult RunChild(string phase, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Running under `dotnet sendpipeline.dll` the process path is dotnet itself: pass the dll first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        foreach (var a in new[] { "bench", "--phase", phase, "--file", path }) start.ArgumentList.Add(a);
        start.Environment["DOTNET_gcServer"] = "0";
        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"Benchmark phase {phase} failed: {line}");
        var parts = line.Split(' ');
        return new PhaseResult(long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture),
            double.Parse(parts[4], CultureInfo.InvariantCulture), double.Parse(parts[5], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Two passes in this process: the first includes the JIT compiling and tiering up the code (a
    /// cold start, as a fresh CLI run sees); the second is the steady state a warm Functions worker
    /// sees. Prints "rows coldSeconds warmSeconds peakBytes coldCpuSeconds warmCpuSeconds".
    /// </summary>
    private static int RunPhase(string phase, string path, TextWriter output)
    {
        Func<string, long> pass = phase switch
        {
            "raw" => ReadRaw,
            "validate" => Validate,
            _ => throw new UsageException($"Unknown phase '{phase}'."),
        };
        using var self = Process.GetCurrentProcess();
        var (watch, cpu) = (Stopwatch.StartNew(), self.TotalProcessorTime);
        var rows = pass(path);
        var (cold, coldCpu) = (watch.Elapsed.TotalSeconds, Cpu(self, ref cpu));
        watch.Restart();
        pass(path);
        var (warm, warmCpu) = (watch.Elapsed.TotalSeconds, Cpu(self, ref cpu));
        if (Environment.GetEnvironmentVariable("SENDPIPELINE_BENCH_ALLOC") is not null)
            Console.Error.WriteLine($"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N1} MB, gen0 {GC.CollectionCount(0)}, gen2 {GC.CollectionCount(2)}");
        self.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows} {cold} {warm} {self.PeakWorkingSet64} {coldCpu} {warmCpu}"));
        return 0;
    }

    /// <summary>Processor seconds the process used since <paramref name="since"/>, which moves on to now.</summary>
    private static double Cpu(Process self, ref TimeSpan since)
    {
        self.Refresh();
        var (now, before) = (self.TotalProcessorTime, since);
        since = now;
        return (now - before).TotalSeconds;
    }

    /// <summary>The baseline: every field of every row read, and the three dates parsed.</summary>
    private static long ReadRaw(string path)
    {
        var text = new DetectingTextReader(File.OpenRead(path));
        using var reader = new CsvTabularReader(text, () => text.EncodingName);
        int census = reader.Header.IndexOf(Census.CensusDate.Name), dob = reader.Header.IndexOf(Census.Dob.Name),
            entry = reader.Header.IndexOf(Census.EntryDate.Name);
        long rows = 0, checksum = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++) checksum += reader[i].Length;
            if (Values.TryParseDate(reader[census], out var a)) checksum += a.DayNumber;
            if (Values.TryParseDate(reader[dob], out var b)) checksum += b.DayNumber;
            if (Values.TryParseDate(reader[entry], out var c)) checksum += c.DayNumber;
        }
        return checksum == 0 ? -1 : rows;
    }

    /// <summary>Every rule, and the canonical copy written (to nowhere), exactly as ingest runs it.</summary>
    private static long Validate(string path)
    {
        // The canonical copy is written as ingest writes it (as bytes), only to a null stream instead of a file.
        var report = ReturnValidator.ValidateInto(File.OpenRead(path),
            new ValidationRequest(path, "school-census", null, "855") { Length = new FileInfo(path).Length }, Stream.Null);
        if (!report.Accepted) throw new InvalidOperationException($"The benchmark file was rejected: {report.Errors} errors.");
        return report.RowsRead;
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        throw new InvalidDataException($"Column {value} is missing.");
    }
}
