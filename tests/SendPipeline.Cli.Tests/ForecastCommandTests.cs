using SendPipeline.Core.Forecasting;

namespace SendPipeline.Cli.Tests;

public sealed class ForecastCommandTests : IDisposable
{
    private const string Header = "geographic_level,old_la_code,la_name,time_period,ehcplans,ehcplans_lower,ehcplans_upper,method";

    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string History
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "dfe-ehcp-caseload-201819-202223.csv");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("shared/data/dfe-ehcp-caseload-201819-202223.csv not found above the test binaries.");
        }
    }

    [Fact]
    public async Task ForecastEhcp_WritesOneRowPerAreaAndYear_WithTheDfeColumns()
    {
        var output = Path.Combine(_dir, "out/forecast.csv");

        var (exit, console, _) = await CliRunner.Run("forecast-ehcp", "--history", History, "--train-through", "202122", "--horizon", "2", "--out", output);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(output);
        Assert.Equal(Header, lines[0]);
        // 152 LAs reported in 2021/22 (after Northamptonshire's split) and England, two years each.
        Assert.Equal(153 * 2, lines.Length - 1);
        Assert.Equal(["202223", "202324"], lines.Skip(1).Select(Fields).Select(f => f[3]).Distinct());
        var england = lines.Skip(1).Select(Fields).Where(f => f[0] == "National").ToList();
        Assert.Equal(2, england.Count);
        Assert.All(england, f => Assert.Equal(("", "England"), (f[1], f[2])));
        Assert.All(lines.Skip(1).Select(Fields), f =>
        {
            Assert.Equal(8, f.Length);
            Assert.Equal(ForecastMethods.Default.Name, f[7]);
            long lower = long.Parse(f[5]), point = long.Parse(f[4]), upper = long.Parse(f[6]);
            Assert.True(0 <= lower && lower <= point && point <= upper);
        });
        Assert.Contains("skipped Northamptonshire (928)", console);
    }

    [Fact]
    public async Task ForecastEhcp_MethodOption_NamesTheMethodOnEveryRow()
    {
        var output = Path.Combine(_dir, "f.csv");

        var (exit, _, _) = await CliRunner.Run("forecast-ehcp", "--history", History, "--train-through", "202223", "--horizon", "3", "--out", output,
            "--method", "linear-trend");

        Assert.Equal(0, exit);
        var rows = File.ReadAllLines(output).Skip(1).Select(Fields).ToList();
        Assert.Equal(153 * 3, rows.Count);
        Assert.All(rows, f => Assert.Equal("linear-trend", f[7]));
    }

    [Theory]
    [InlineData("--train-through", "2021")]
    [InlineData("--train-through", "201718")]
    [InlineData("--horizon", "0")]
    [InlineData("--method", "crystal-ball")]
    public async Task ForecastEhcp_BadArguments_ExitTwo(string option, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--history"] = History, ["--train-through"] = "202223", ["--horizon"] = "1", ["--out"] = Path.Combine(_dir, "x.csv"),
        };
        args[option] = value;

        var (exit, _, error) = await CliRunner.Run(["forecast-ehcp", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Contains(option, error);
    }

    [Fact]
    public async Task ForecastEhcp_TooFewYearsToCalibrateIntervals_ExitsTwo()
    {
        var (exit, _, error) = await CliRunner.Run("forecast-ehcp", "--history", History, "--train-through", "201920", "--horizon", "1",
            "--out", Path.Combine(_dir, "x.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("at least three years", error);
    }

    [Fact]
    public async Task Backtest_PrintsEveryMethodAtEveryHorizon()
    {
        var (exit, output, _) = await CliRunner.Run("backtest", "--history", History);

        Assert.Equal(0, exit);
        Assert.Contains("LAs scored: 148; skipped (a year missing, suppressed or under another code): 8", output);
        foreach (var method in ForecastMethods.All)
            for (var h = 1; h <= 3; h++)
                Assert.Contains($"| {method.Name} | {h} |", output);
    }

    [Fact]
    public async Task Backtest_WithoutHistory_ExitsTwo()
    {
        var (exit, _, _) = await CliRunner.Run("backtest");

        Assert.Equal(2, exit);
    }

    // The real file's LA names with commas are quoted; a plain split would misread them.
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
