namespace SendPipeline.Cli.Tests;

/// <summary>
/// Issue 17: help never runs a command, mistakes are exit 2 with a sentence (and a suggestion for a typo),
/// and nothing is created by a command that was refused.
/// </summary>
public class CommandLineTests
{
    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        foreach (var command in CommandTree.Build(TextWriter.Null).Subcommands)
        {
            data.Add(command.Name);
            foreach (var sub in command.Subcommands) data.Add(command.Name + " " + sub.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Help_PrintsHelp_AndCreatesNothing(string command)
    {
        foreach (var help in new[] { "-h", "--help" })
        {
            var folder = CliRunner.TempDir();
            var (exit, output, error) = await RunTool(folder, [.. command.Split(' '), help]);
            Assert.True(exit == 0, $"{command} {help}: exit {exit}\n{output}{error}");
            Assert.Contains("Usage:", output);
            Assert.Contains("sendpipeline " + command, output);
            Assert.Contains("Example:", output);
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
    }

    [Theory]
    [InlineData("--stor", "--store", "ingest", "--stor", "x")]
    [InlineData("demoo", "demo", "demoo")]
    [InlineData("rebuil", "rebuild", "bench", "rebuil")]
    public async Task Typo_IsExit2_WithASuggestion(string typo, string suggestion, params string[] args)
    {
        var (exit, output, error) = await CliRunner.Run(args);
        Assert.Equal(Cli.CouldNotRun, exit);
        // System.CommandLine writes its "did you mean" to standard output, the error itself to standard error.
        Assert.Contains($"'{typo}' was not matched. Did you mean one of the following?\n{suggestion}\n", output);
        Assert.Contains($"Unrecognized command or argument '{typo}'", error);
    }

    [Fact]
    public async Task StrayWord_IsExit2()
    {
        var store = CliRunner.TempDir();
        var (exit, _, error) = await CliRunner.Run("ingest", "out/sample-la", "--store", store);
        Assert.Equal(Cli.CouldNotRun, exit);
        Assert.Contains("Unrecognized command or argument 'out/sample-la'", error);
    }

    [Theory]
    [InlineData("--horizon must be from 1 to 10, not 50.", "forecast-ehcp", "--horizon", "50")]
    [InlineData("--rows must be at least 1, not 0.", "bench", "--rows", "0")]
    [InlineData("--runs must be at least 1, not 0.", "bench", "--runs", "0")]
    [InlineData("'boss' is not a sign-off role.", "signoff", "--role", "boss", "--store", "{store}")]
    [InlineData("--port must be from 1 to 65535, not 70000.", "serve", "--port", "70000")]
    [InlineData("--quarter: 'Q4' is not a financial quarter; write it as \"2025-26 Q4\".",
        "submit", "--quarter", "Q4", "--store", "{store}")]
    public async Task BadValue_IsExit2_WithASentence_AndNoTrace(string sentence, params string[] args)
    {
        var store = CliRunner.TempDir();
        var (exit, output, error) = await CliRunner.Run([.. args.Select(a => a == "{store}" ? store : a)]);
        Assert.Equal(Cli.CouldNotRun, exit);
        Assert.Contains(sentence, error);
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("Exception", output + error);
    }

    [Fact]
    public async Task Connection_ThatIsNotAConnectionString_CreatesNothing()
    {
        var folder = CliRunner.TempDir();
        var (exit, _, error) = await RunTool(folder, ["ingest", "--connection", "bogus"]);
        Assert.Equal(Cli.CouldNotRun, exit);
        Assert.Contains("--connection takes a storage connection string", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task Store_ThatDoesNotExist_IsExit2_AndCreatesNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sendpipeline-missing-" + Guid.NewGuid().ToString("N"));
        var (exit, _, error) = await CliRunner.Run("ingest", "--store", missing);
        Assert.Equal(Cli.CouldNotRun, exit);
        Assert.Contains($"The store folder '{missing}' does not exist.", error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Demo_RefusesToReplaceAFolderHoldingSignOffs_WithoutForce()
    {
        var root = CliRunner.TempDir();
        var marker = Path.Combine(root, ".sendpipeline-demo");
        File.WriteAllText(marker, "made by the demo");
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddHours(-1));
        Directory.CreateDirectory(Path.Combine(root, ".tables"));
        var signOffs = Path.Combine(root, ".tables", "signoffs.json");
        File.WriteAllText(signOffs, "{}");

        var (exit, _, error) = await CliRunner.Run("demo", "--out", root);

        Assert.Equal(Cli.CouldNotRun, exit);
        Assert.Contains("sign-offs", error);
        Assert.Contains("--force", error);
        Assert.True(File.Exists(signOffs));
    }

    [Fact]
    public void Generate_And_Ingest_ShareTheDefaultStore()
    {
        var root = CommandTree.Build(TextWriter.Null);
        foreach (var name in new[] { "generate", "ingest" })
        {
            var help = new StringWriter();
            var invocation = new System.CommandLine.InvocationConfiguration { Output = help };
            Assert.Equal(0, root.Parse([name, "--help"]).Invoke(invocation));
            Assert.Contains(Path.Combine("out", "store"), help.ToString());
        }
    }

    /// <summary>The tool as a process in <paramref name="folder"/>, so what it creates there can be seen.</summary>
    private static Task<(int Exit, string Output, string Error)> RunTool(string folder, string[] args) =>
        ExternalProcess.RunAsync("dotnet", [typeof(Cli).Assembly.Location, .. args], "dotnet is on the PATH",
            TimeSpan.FromMinutes(2), workingDirectory: folder);
}
