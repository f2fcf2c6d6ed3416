namespace SendPipeline.Cli.Tests;

/// <summary>
/// <c>bench rebuild</c> at its tiny scale: it prepares a store through the real ingest, rebuilds in
/// a child process and prints its table. Not timed: the figures belong in docs/performance.md.
/// </summary>
public sealed class RebuildBenchTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        if (Directory.Exists(_dir + "-store")) Directory.Delete(_dir + "-store", recursive: true);
    }

    [Fact]
    public async Task BenchRebuild_TinyScale_PreparesOnceAndPrintsItsTable()
    {
        var store = _dir + "-store";

        var (exit, output, error) = await CliRunner.Run("bench", "rebuild", "--scale", "tiny", "--runs", "1", "--store", store);

        Assert.True(exit == 0, error + output);
        Assert.Contains("Prepared ", output);
        Assert.Contains("| scale | returns | rows | cold s | cold rows/s | warm s | warm rows/s | " +
            "after one upload s (returns read) | peak working set |", output);
        var row = output.Split('\n').Single(l => l.StartsWith("| tiny |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        Assert.True(int.Parse(row[2], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 10, $"returns in force: {row[2]}");
        // After one school's upload the worker that rebuilt cold read that one return, not every one.
        Assert.EndsWith("(1)", row[8]);
        Assert.True(File.Exists(Path.Combine(store, "datasets", "data-quality", "data-quality.json")), "the child process rebuilt the datasets");

        var (again, secondOutput, _) = await CliRunner.Run("bench", "rebuild", "--scale", "tiny", "--runs", "1", "--store", store);

        Assert.Equal(0, again);
        Assert.Contains("Reusing the store prepared earlier", secondOutput);
    }

    [Fact]
    public async Task Bench_UnknownSubcommand_IsAUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("bench", "compile");

        Assert.Equal(Cli.CouldNotRun, exit);
        Assert.Contains("Unrecognized command or argument 'compile'", error);
    }
}
