namespace SendPipeline.Cli.Tests;

/// <summary>
/// <c>bench</c> at a tiny size: it validates a generated census (its canonical copy written as ingest writes it)
/// and reads it raw, each in a child process, and prints both rows. Not timed: the figures belong in
/// docs/performance.md.
/// </summary>
public sealed class ValidationBenchTests
{
    [Fact]
    public async Task Bench_TinyCensus_ValidatesAndReadsItInChildProcesses()
    {
        var (exit, output, error) = await CliRunner.Run("bench", "--rows", "300", "--runs", "1");

        Assert.True(exit == 0, error + output);
        Assert.Contains("| raw | 300 |", output);
        Assert.Contains("| validate | 300 |", output);
    }
}
