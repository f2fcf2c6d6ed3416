using SendPipeline.Cli.Commands;
using SendPipeline.Cli.Drill;
using SendPipeline.Core.Reading;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Tests.Crash;

/// <summary>
/// Issue 15 item 1 with a real process: <c>sendpipeline ingest</c> run as a child process and killed (SIGKILL,
/// through the <see cref="CrashHook"/> test hook) at a chosen write, mid-ingest and mid-rebuild, then run again:
/// the store ends as an uninterrupted run's.
/// </summary>
public sealed class KilledProcessTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ingest_killed_by_the_operating_system_mid_ingest_and_mid_rebuild_then_rerun_ends_as_an_uninterrupted_run()
    {
        var template = Path.Combine(_dir, "template");
        SmallCrashLa.Create(template);
        var cleanRoot = Path.Combine(_dir, "clean");
        SmallCrashLa.Copy(template, cleanRoot);
        var counter = FaultSchedule.CrashAtWrite(long.MaxValue, CrashMoment.AfterWrite);
        await IngestCommand.IngestAndRebuildAsync(SmallCrashLa.Faulty(cleanRoot, counter), SmallCrashLa.La);
        var clean = StoreFactory.Create(cleanRoot);

        // A quarter in: ingest; two from the end: the rebuild's Power BI files.
        foreach (var point in new[] { $"{counter.Writes / 4}:after", $"{counter.Writes - 2}:before" })
        {
            var root = Path.Combine(_dir, "killed-" + point.Replace(':', '-'));
            SmallCrashLa.Copy(template, root);

            var (exit, output, error) = await RunCliAsync(root, point);

            Assert.True(exit != 0 && error.Contains("killing this process", StringComparison.Ordinal), $"{point}: exit {exit}\n{output}\n{error}");
            var (before, _, _) = await DrillComparison.CompareAsync(cleanRoot, clean, root, StoreFactory.Create(root));
            Assert.NotEmpty(before);

            (exit, output, error) = await RunCliAsync(root, crashAt: null);

            Assert.True(exit == 0, $"{point} rerun: exit {exit}\n{output}\n{error}");
            var (after, files, rows) = await DrillComparison.CompareAsync(cleanRoot, clean, root, StoreFactory.Create(root));
            Assert.True(after.Count == 0, $"{point}: {string.Join('\n', after)}");
            Assert.True(files > 30 && rows > 8, $"{files} files, {rows} rows");
        }
    }

    [Fact]
    public async Task A_canonical_copy_left_in_temp_by_a_killed_ingest_is_private_and_removed_at_the_next_start()
    {
        if (OperatingSystem.IsWindows()) return; // TMPDIR and file modes are Unix matters; %TEMP% is per user on Windows.
        var root = Path.Combine(_dir, "store");
        SmallCrashLa.Create(root);
        var temp = Path.Combine(_dir, "tmp");
        Directory.CreateDirectory(temp);

        // Write 1 is the first upload's JSON report, write 2 its canonical copy: killed just before it, while the
        // validated copy (UPNs and dates of birth) still sits in the temporary folder.
        var (exit, output, error) = await RunCliAsync(root, "2:before", temp);

        Assert.True(exit != 0, output + error);
        var folder = Path.Combine(temp, Assert.Single(Directory.GetDirectories(temp, "sendpipeline-*")));
        Assert.Equal(PrivateTemp.OwnerOnly, File.GetUnixFileMode(folder));
        var left = Assert.Single(Directory.GetFiles(folder, "*.csv", SearchOption.AllDirectories));
        Assert.Equal(PrivateTemp.OwnerOnly, File.GetUnixFileMode(Path.GetDirectoryName(left)!));
        Assert.Contains("UPN", await File.ReadAllTextAsync(left), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp, "*.csv"));

        (exit, output, error) = await RunCliAsync(root, crashAt: null, temp);

        Assert.True(exit == 0, output + error);
        Assert.False(File.Exists(left));
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    private static Task<(int Exit, string Output, string Error)> RunCliAsync(string store, string? crashAt, string? temp = null)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var environment = new Dictionary<string, string> { [CrashHook.Variable] = crashAt ?? "" };
        // The private folder is made under TMPDIR, which .NET's temp path follows on Unix.
        if (temp is not null) environment["TMPDIR"] = temp;
        return ExternalProcess.RunAsync(dotnet, [Path.Combine(AppContext.BaseDirectory, "sendpipeline.dll"), "ingest", "--store", store, "--la", SmallCrashLa.La],
            "the .NET host runs the CLI built beside the tests", TimeSpan.FromMinutes(3), environment);
    }
}
