using System.Text.RegularExpressions;
using SendPipeline.Cli.Drill;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Issue 9, the fault drill: with storage faults of every kind and a crash mid-rebuild, the demo's
/// datasets, Power BI files and tables still equal a fault-free run's.
/// </summary>
public sealed partial class DrillTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Drill_SmallLa_RecoversFromEveryFaultKindWithIdenticalOutputs()
    {
        var root = Path.Combine(_dir, "drill");

        var (exit, output, error) = await CliRunner.Run("drill", "--out", root, "--seed", "2", "--small");

        Assert.True(exit == 0, output + error);
        foreach (var kind in new[] { "blob read", "blob write", "table read", "table write" })
        {
            var count = Regex.Match(output, $@"^\s+{kind}\s+x(\d+)", RegexOptions.Multiline);
            Assert.True(count.Success && int.Parse(count.Groups[1].Value) > 0, $"no {kind} fault injected:\n{output}");
        }
        Assert.Contains("crash        x1", output);
        Assert.Matches(Retried(), output);
        Assert.Contains("was run again: recovered.", output);
        Assert.Contains("identical.", output);
        Assert.DoesNotContain("differs:", output);

        // The comparison must see a difference when there is one.
        var (clean, faulty) = (Path.Combine(root, "fault-free"), Path.Combine(root, "faulty"));
        var csv = Directory.GetFiles(Path.Combine(faulty, "powerbi"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(csv, "tampered\n");
        var (differences, files, rows) = await DrillComparison.CompareAsync(clean, StoreFactory.Create(clean), faulty, StoreFactory.Create(faulty));
        Assert.Single(differences);
        Assert.True(files > 30 && rows > 50, $"{files} files and {rows} rows compared");
    }

    [GeneratedRegex(@"Activities retried \([1-9]\d* retries\)")]
    private static partial Regex Retried();
}
