using System.Globalization;
using SendPipeline.Cli.Commands;
using SendPipeline.SampleData;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Tests;

/// <summary>The demo LA, generated, ingested and rebuilt once for the scenario tests.</summary>
public sealed class ScenarioDemoLa : IAsyncLifetime
{
    public string Store { get; } = CliRunner.TempDir();

    public async Task InitializeAsync()
    {
        var noArgs = new CommandLine([], new HashSet<string>());
        SampleLaGenerator.Generate(new SampleLaOptions
        {
            Seed = 1, EhcpHistoryPath = GenerateCommand.HistoryPath(noArgs),
            AssumptionsPath = GenerateCommand.AssumptionsPath(noArgs)
        }, Store);
        await IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(Store), "855");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Store, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A scenario file of reform levers named <paramref name="version"/>.</summary>
    public string Scenario(string version, params (string Key, string Value)[] levers)
    {
        var path = Path.Combine(Store, version + ".csv");
        File.WriteAllText(path, "Section,Key,Scenario,Value,Unit,Note\n" + $"meta,assumptions-version,all,{version},,\n" +
            string.Concat(levers.Select(l => $"reform,{l.Key},reform,{l.Value},,\n")));
        return path;
    }
}

public sealed class ScenarioCommandTests(ScenarioDemoLa demo) : IClassFixture<ScenarioDemoLa>
{
    [Fact]
    public async Task AMistypedOption_IsNamedAsSuch_NotTakenForAScenarioFile()
    {
        var (exit, _, error) = await CliRunner.Run("scenario", "--store", demo.Store, "--gaol", "190000000");

        Assert.Equal(2, exit);
        Assert.Contains("'--gaol' is not an option of this command", error);
        Assert.DoesNotContain("No scenario file", error);
    }

    [Fact]
    public async Task Scenario_TwoFilesOnTheDemoLa_SideBySideWithTheBaseline_AndAsCsv()
    {
        var none = demo.Scenario("no-levers", ("ap-reduction", "0"), ("phase-transfer-moved", "0"), ("ceased-19-plus", "0"),
            ("eah-requests-avoided-per-day", "0"));
        var ap = demo.Scenario("ap-half", ("ap-reduction", "0.5"));
        var csv = Path.Combine(demo.Store, "out", "compare.csv");

        var (exit, output, error) = await CliRunner.Run("scenario", none, ap, "--store", demo.Store, "--out", csv);

        Assert.True(exit == 0, output + error);
        Assert.Contains("grow with their DfE placement group's cohort projection", output);
        var header = output.Split('\n').Single(l => l.TrimStart().StartsWith("year", StringComparison.Ordinal));
        Assert.Equal(["year", "baseline", "no-levers", "ap-half"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(output.Split('\n'), l => l.Contains("2027-28") && l.Contains("EHC plans"));
        var rows = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        decimal Spend(string scenario, string line) => decimal.Parse(rows.Single(r => r[0] == scenario && r[1] == "2027-28"
            && r[2] == "spend" && r[3] == line)[4], CultureInfo.InvariantCulture);
        // Every lever at 0 is the baseline; AP reduced costs less on 1.2.7 (AP outside the PRUs and AP academies).
        Assert.Equal(Spend("baseline", "total"), Spend("no-levers", "total"));
        Assert.True(Spend("ap-half", "1.2.7") < Spend("baseline", "1.2.7"));
        Assert.True(Spend("ap-half", "total") < Spend("baseline", "total"));
    }

    [Fact]
    public async Task Goal_OnTheDemoLa_FindsTheLeverValue_WhichThenGivesTheTarget()
    {
        var (exit, output, error) = await CliRunner.Run("scenario", "--store", demo.Store, "--goal", "190000000",
            "--year", "2027-28", "--lever", "ap-reduction");

        Assert.True(exit == 0, output + error);
        var found = System.Text.RegularExpressions.Regex.Match(output, @"ap-reduction = ([0-9.]+) ratio/year gives £190\.00m in 2027-28");
        Assert.True(found.Success, output);
        // The value found, written into a scenario over the assumptions in force, spends the target.
        var path = demo.Scenario("found", ("ap-reduction", found.Groups[1].Value));
        var csv = Path.Combine(demo.Store, "out", "found.csv");
        Assert.Equal(0, (await CliRunner.Run("scenario", path, "--store", demo.Store, "--out", csv)).Exit);
        var total = File.ReadAllLines(csv).Select(l => l.Split(',')).Single(r => r is ["found", "2027-28", "spend", "total", _])[4];
        Assert.Equal(190.0m, Math.Round(decimal.Parse(total, CultureInfo.InvariantCulture) / 1_000_000m, 1));
    }

    [Fact]
    public async Task Goal_OutOfReach_SaysSoWithExit1_AndBadInputIsExit2()
    {
        var (exit, output, _) = await CliRunner.Run("scenario", "--store", demo.Store, "--goal", "100000000",
            "--year", "2027-28", "--lever", "ap-reduction");
        Assert.Equal(1, exit);
        Assert.Contains("cannot be reached with ap-reduction in its range 0 to 0.5", output);

        var bad = demo.Scenario("bad", ("ap-reduction", "0.8"));
        var refused = await CliRunner.Run("scenario", bad, "--store", demo.Store);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("row 3, column Value", refused.Err);
        Assert.Contains("AS1310", refused.Err);
        var years = Path.Combine(demo.Store, "years.csv");
        File.WriteAllText(years, "Section,Key,Scenario,Value,Unit,Note\nforecast,end-year,all,2030-31,,\n");
        var moved = await CliRunner.Run("scenario", years, "--store", demo.Store);
        Assert.Equal(2, moved.Exit);
        Assert.Contains("scenarios run over the years of the assumptions in force", moved.Err);
        var noLever = await CliRunner.Run("scenario", "--store", demo.Store, "--goal", "1", "--year", "2027-28", "--lever", "damping");
        Assert.Equal(2, noLever.Exit);
        Assert.Contains("not a reform lever", noLever.Err);
    }
}
