using System.Diagnostics;
using System.Globalization;
using SendPipeline.Core.Returns.Sen2;
using SendPipeline.Core.Validation;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline bench sen2</c>: writes a national-size SEN2 Blade export (650,000 active plans and
/// 120,000 requests a year unless told otherwise) and times validating it across its modules, with the
/// canonical form written and the register read back, and the process's peak working set. The target is
/// under 10 s and 1 GB. A benchmark, not a test: the figures go in docs/performance.md.
/// </summary>
public static class Sen2BenchCommand
{
    public static int Run(CommandLine args, TextWriter output)
    {
        var plans = args.Int("plans", 650_000);
        var requests = args.Int("requests", 120_000);
        var file = args.Option("file");
        var register = !args.Flag("no-register");
        args.EnsureAllRead();
        var path = file ?? Path.Combine(Path.GetTempPath(), $"sendpipeline-sen2-{plans}-{Guid.NewGuid():N}.zip");
        try
        {
            if (file is null)
            {
                var made = Stopwatch.StartNew();
                using (var stream = File.Create(path)) Sen2ExtractWriter.Write(stream, plans, requests);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {path} ({new FileInfo(path).Length / 1048576.0:N1} MB) in {made.Elapsed.TotalSeconds:N1} s."));
            }
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = Sen2Return.Validate(File.OpenRead(path), Path.GetFileName(path), ValidationContext.For("855", "la"),
                Stream.Null, readRegister: register);
            watch.Stop();
            process.Refresh();
            cpu = process.TotalProcessorTime - cpu;
            var rows = result.RowsRead.Values.Sum();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Validated {rows:N0} rows in {result.RowsRead.Count} modules in {watch.Elapsed.TotalSeconds:N1} s " +
                $"({cpu.TotalSeconds:N1} s of processor time): " +
                $"{(result.Accepted ? "accepted" : "rejected")}, {result.Errors:N0} errors, {result.Queries:N0} queries, " +
                $"register of {result.Register?.People.Count ?? 0:N0} people."));
            output.WriteLine(string.Join(", ", result.RowsRead.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB (the whole process, generation included)."));
            return result.Accepted ? 0 : 1;
        }
        finally
        {
            if (file is null) File.Delete(path);
        }
    }
}
