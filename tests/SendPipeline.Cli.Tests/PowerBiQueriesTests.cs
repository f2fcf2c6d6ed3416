using SendPipeline.Core.Tests;

namespace SendPipeline.Cli.Tests;

public sealed class PowerBiQueriesTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CheckedInQueries_AreWhatTheCommandGeneratesFromTheSchema()
    {
        var (exit, _, error) = await CliRunner.Run("powerbi-queries", "--out", _dir);

        Assert.True(exit == 0, error);
        var checkedIn = Repo.File(Path.Combine("docs", "powerbi", "queries"));
        var generated = Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Path.Combine("blob", "fact_placement.pq"), generated);
        Assert.Equal(generated, Directory.GetFiles(checkedIn, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(checkedIn, f)).Order(StringComparer.Ordinal));
        foreach (var file in generated)
            Assert.True(File.ReadAllText(Path.Combine(_dir, file)) == File.ReadAllText(Path.Combine(checkedIn, file)),
                $"docs/powerbi/queries/{file} is stale: run `dotnet run --project src/SendPipeline.Cli -- powerbi-queries`.");
    }
}
