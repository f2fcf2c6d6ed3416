using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Tests;
using SendPipeline.SampleData;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.PowerBi;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The demo LA's Power BI star schema as an analyst meets it: tests/powerbi/analyst-check.mjs reads every
/// Parquet file and CSV with DuckDB (installed by scripts/duckdb.sh), checks counts, keys, relationships,
/// the date table and the totals against the datasets, and searches every output for the pupils' UPNs,
/// ULNs and dates of birth taken from the uploaded files.
/// </summary>
public sealed class PowerBiAnalystTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Also: under 1% of placements have an unknown setting, and every placement has its cost, funding
    /// element and primary need (the script fails otherwise, and reports the count it found).
    /// </summary>
    [Fact]
    public async Task Rebuild_SampleLa_StarSchemaPassesTheAnalystsDuckDbChecks()
    {
        var output = await RebuildAndCheckAsync(suppressUnder: null);

        Assert.Matches("\"unknownSettings\":\\{\"total\":[1-9][0-9]*,\"unknown\":", output);
        // Leicestershire, its ten LAIT neighbours, East Midlands and England; the LA's 14 Januaries (2010 to 2023, the
        // age table's and caseload.csv's), the five of caseload.csv each equal to fact_ehcp_caseload; every area's five
        // Januaries of placement groups checked against its plans.
        Assert.Contains("\"field\":{\"areas\":13,\"neighbours\":10,\"januaries\":14,\"matched\":5," +
            "\"placementSplits\":65}", output);
    }

    /// <summary>
    /// With a threshold of 10: no pupil-level fact is written, the aggregate tables pass every check, and
    /// most of their cells are published (the script fails when half or fewer are).
    /// </summary>
    [Fact]
    public async Task Rebuild_SampleLaSuppressedAt10_PublishesAggregatesAndNoPupilLevelFacts()
    {
        var output = await RebuildAndCheckAsync(suppressUnder: 10);

        var tables = Directory.GetDirectories(Path.Combine(_dir, "powerbi")).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain("fact_sen_pupil", tables);
        Assert.DoesNotContain("fact_placement", tables);
        Assert.Contains("agg_sen_pupil_setting", tables);
        Assert.Contains("\"aggregateCells\":{\"cells\":", output);
    }

    private async Task<string> RebuildAndCheckAsync(int? suppressUnder)
    {
        var repo = Repo.File(".");
        var duckdb = Path.Combine(repo, ".tools", "duckdb", "node_modules", "@duckdb", "node-api", "package.json");
        Assert.True(File.Exists(duckdb), $"DuckDB's Node API is not installed at {duckdb}: run scripts/test.sh (or scripts/duckdb.sh install).");
        SampleLaGenerator.Generate(new SampleLaOptions { Seed = 7, EhcpHistoryPath = GenerateCommand.HistoryPath(new CommandLine([], new HashSet<string>())) }, _dir);
        var stores = StoreFactory.Create(_dir);

        var (_, rebuild) = await IngestCommand.IngestAndRebuildAsync(stores, "855", suppressUnder);

        Assert.NotNull(rebuild);
        Assert.Equal(suppressUnder, rebuild.PowerBi.SuppressUnder);
        var pupils = Path.Combine(_dir, "pupils.json");
        var identifiers = UploadedPupils(_dir);
        Assert.True(identifiers.Count > 1000, $"only {identifiers.Count} pupils read from the uploads");
        await File.WriteAllTextAsync(pupils, JsonSerializer.Serialize(identifiers));
        var (exit, output) = await RunNodeAsync(repo, [Path.Combine(repo, "tests", "powerbi", "analyst-check.mjs"), _dir, pupils], Secret());
        Assert.True(exit == 0, output);
        Assert.Contains("\"failures\":[]", output);
        return output;
    }

    /// <summary>The secret the rebuild used: the environment's, or the one it made in the store.</summary>
    private string Secret() =>
        Environment.GetEnvironmentVariable(PipelineOptions.PupilKeySecretEnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_dir, StorePupilKeySecret.Path)));

    /// <summary>
    /// Every UPN and ULN in the census and placement CSVs uploaded, with the date of birth. An ISO date of
    /// birth is searched for only on the pupil's own rows (calendar dates such as 2015-06-15 appear in any
    /// date table); one uploaded as dd/mm/yyyy, a form no output writes, is searched for everywhere.
    /// </summary>
    private static List<Dictionary<string, object?>> UploadedPupils(string root)
    {
        var pupils = new List<Dictionary<string, object?>>();
        var files = Directory.GetFiles(Path.Combine(root, "uploads"), "*.csv", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}school-census{Path.DirectorySeparatorChar}") || f.Contains($"{Path.DirectorySeparatorChar}placements{Path.DirectorySeparatorChar}"));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length == 0) continue;
            var header = lines[0].Trim('\uFEFF').Split(',').Select(h => h.Trim().ToUpperInvariant()).ToList();
            var (upn, uln, dob) = (header.IndexOf("UPN"), header.IndexOf("ULN"), header.IndexOf("DOB"));
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split(',');
                string Cell(int i) => i >= 0 && i < cells.Length ? cells[i].Trim().Trim('"') : "";
                var birth = Cell(dob);
                var iso = DateOnly.TryParseExact(birth, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                string[] raw = birth.Contains('/') ? [birth] : [];
                foreach (var id in new[] { Cell(upn), Cell(uln) }.Where(i => i.Length >= 10))
                    pupils.Add(new() { ["id"] = id, ["dob"] = iso, ["raw"] = raw });
            }
        }
        return pupils;
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(string repo, string[] args, string secret)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("node", args, "install Node.js and run scripts/test.sh, which installs DuckDB for this test.",
            TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["PUPIL_KEY_SECRET"] = secret }, repo);
        return (exit, output + error);
    }
}
