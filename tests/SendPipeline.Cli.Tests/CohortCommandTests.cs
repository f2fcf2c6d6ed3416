namespace SendPipeline.Cli.Tests;

/// <summary>forecast-ehcp and backtest on the folder of DfE tables (the cohort model).</summary>
public sealed class CohortCommandTests : IDisposable
{
    private const string Header =
        "geographic_level,old_la_code,la_name,time_period,breakdown,ehcplans,ehcplans_lower,ehcplans_upper,method";

    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string DataDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "dfe-ehcp");
                if (File.Exists(Path.Combine(candidate, "caseload.csv"))) return candidate;
            }
            throw new DirectoryNotFoundException("shared/data/dfe-ehcp not found above the test binaries.");
        }
    }

    [Fact]
    public async Task Generate_WithTheDfeFolderAsHistory_UploadsItAsOneZip_AndAFolderWithoutTheCaseloadIsRefused()
    {
        var store = Path.Combine(_dir, "store");

        var (exit, _, error) = await CliRunner.Run("generate", "--history", DataDir, "--out", store);

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(store, "uploads", "la", "ehcp-history", "dfe-ehcp.zip")));
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var refused = await CliRunner.Run("generate", "--history", empty, "--out", Path.Combine(_dir, "other"));
        Assert.Equal(2, refused.Exit);
        Assert.Contains("has no caseload.csv", refused.Err);
    }

    [Fact]
    public async Task ForecastEhcp_ByPlacement_WritesEachGroupUnderItsDfeColumnName_AndTheTotal()
    {
        var output = Path.Combine(_dir, "cohort.csv");

        var (exit, console, _) = await CliRunner.Run("forecast-ehcp", "--data-dir", DataDir, "--by", "placement",
            "--train-through", "202223", "--horizon", "2", "--out", output);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(output);
        Assert.Equal(Header, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "855").ToList();
        Assert.Equal(["202324", "202425"], rows.Select(f => f[3]).Distinct());
        Assert.Equal(
            ["All EHC plans", "mainstream_excl_rp_unit", "mainstream_rp_unit", "special_la_maintained_academy_free",
                "special_independent_non_maintained", "ap_pru_total", "fe_total", "other_placements",
                    "mainstream_total", "special_total", "special_independent"],
            rows.Select(f => f[4]).Distinct());
        Assert.All(rows, f => Assert.Equal("cohort", f[8]));
        Assert.All(rows, f => Assert.True(int.Parse(f[6]) <= int.Parse(f[5]) && int.Parse(f[5]) <= int.Parse(f[7])));
        Assert.Contains("National,,England,202324,All EHC plans,", File.ReadAllText(output));
        Assert.Contains("skipped Northamptonshire (928)", console);
        Assert.Contains("York 2022 new_ehc_plans 6078 is Yorkshire and The Humber's regional figure; read as a gap",
            console);
    }

    [Fact]
    public async Task ForecastEhcp_DataDirWithoutBy_WritesTotalsOnly()
    {
        var output = Path.Combine(_dir, "totals.csv");

        var (exit, _, _) = await CliRunner.Run("forecast-ehcp", "--data-dir", DataDir, "--train-through", "202122",
            "--horizon", "1", "--out", output);

        Assert.Equal(0, exit);
        var rows = File.ReadAllLines(output).Skip(1).ToList();
        // 152 LAs reported in 2021/22 and England.
        Assert.Equal(153, rows.Count);
        Assert.All(rows, r => Assert.Contains(",All EHC plans,", r));
    }

    [Fact]
    public async Task ForecastEhcp_NewPlansFromRequests_ProjectsOtherTotalsThanTheTrend_AndSaysSoInTheBacktest()
    {
        var (trend, requests) = (Path.Combine(_dir, "trend.csv"), Path.Combine(_dir, "requests.csv"));

        var byTrend = await CliRunner.Run("forecast-ehcp", "--data-dir", DataDir, "--train-through", "202223",
            "--horizon", "2", "--out", trend);
        var fromRequests = await CliRunner.Run("forecast-ehcp", "--data-dir", DataDir, "--train-through", "202223",
            "--horizon", "2", "--out", requests, "--new-plans", "requests");

        Assert.Equal((0, 0), (byTrend.Exit, fromRequests.Exit));
        static string[] Leicestershire(string path) =>
            [.. File.ReadAllLines(path).Where(l => l.StartsWith("Local authority,855,", StringComparison.Ordinal))];
        Assert.Equal(2, Leicestershire(requests).Length);
        // The requests path projects new plans otherwise, so the totals differ (6,794 against 6,702 in 2023/24).
        Assert.NotEqual(Leicestershire(trend), Leicestershire(requests));
        var (exit, output, _) = await CliRunner.Run("backtest", "--data-dir", DataDir, "--new-plans", "requests");
        Assert.Equal(0, exit);
        Assert.Contains("new plans from requests and their conversion (--new-plans requests)", output);
    }

    [Theory]
    [InlineData("--new-plans", "bogus", "--new-plans")]
    [InlineData("--new-plans", "requests", "--history")]
    [InlineData("--by", "placement", "--history")]
    [InlineData("--by", "need", "--by")]
    [InlineData("--method", "linear-trend", "--method")]
    public async Task ForecastEhcp_CohortBadArguments_ExitTwo(string option, string value, string named)
    {
        var args = new List<string> { "forecast-ehcp", "--train-through", "202223", "--horizon", "1", "--out",
            Path.Combine(_dir, "x.csv") };
        if (named != "--history") args.AddRange(["--data-dir", DataDir]);
        args.AddRange([option, value]);

        var (exit, _, error) = await CliRunner.Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(named == "--history" ? "--data-dir" : named, error);
    }

    [Fact]
    public async Task Backtest_DataDir_ScoresEveryMethodOnTotalsAndGroups_WithCoverage()
    {
        var (exit, output, _) = await CliRunner.Run("backtest", "--data-dir", DataDir);

        Assert.Equal(0, exit);
        Assert.Contains("Origins (train through): 201011, 201112,", output);
        foreach (var method in new[] { "cohort", "shrunk-growth", "average-growth", "last-growth", "weighted-123",
            "linear-trend" })
        {
            Assert.Contains($"| All EHC plans | {method} | 1 |", output);
            Assert.Contains($"| ap_pru_total | {method} | 2 |", output);
        }
        Assert.Contains("The cohort model against the best simple method, the latest 4 origins (201819 on):", output);
        // Coverage by origin for each horizon: the first origin has nothing to calibrate on, the last no h=2 outcome.
        Assert.Contains("| cohort | coverage h=1 | h=2 | h=3 |", output);
        Assert.Contains("| n/a | n/a | n/a |", output);
        Assert.Matches(@"\| 202122 \|.*\| \d+\.\d % \| n/a \| n/a \|", output);
    }
}
