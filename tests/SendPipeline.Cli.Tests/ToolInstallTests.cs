using SendPipeline.Core.Tests;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The CLI as a user installs it (scripts/install-tool.sh): packed as the .NET tool SendPipeline.Cli,
/// installed into a tool path of the test's own and run as <c>sendpipeline</c> from an unrelated folder.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _root = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Tool_PackedAndInstalledIntoAToolPath_RunsRulesFromAnotherFolder()
    {
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        // A version of its own and a package cache of its own: NuGet would otherwise install the package it
        // cached for an earlier run of the same version, and the user's cache would fill with test packages.
        var version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        var quiet = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        // --no-build: packs the CLI this test project was built with, in the same configuration.
        await Dotnet(quiet, "pack", Repo.File(Path.Combine("src", "SendPipeline.Cli", "SendPipeline.Cli.csproj")),
            "-c", Configuration, "--no-build", "-nologo", "-o", feed, $"-p:PackageVersion={version}");
        Assert.True(File.Exists(Path.Combine(feed, $"SendPipeline.Cli.{version}.nupkg")), "dotnet pack wrote no SendPipeline.Cli package.");
        await Dotnet(quiet, "tool", "install", "SendPipeline.Cli", "--tool-path", tools, "--add-source", feed, "--version", version);

        var (exit, output, error) = await ExternalProcess.RunAsync(Path.Combine(tools, "sendpipeline"), ["rules"],
            "dotnet tool install reported success but wrote no sendpipeline command.", TimeSpan.FromMinutes(1), workingDirectory: elsewhere);

        Assert.True(exit == 0, $"sendpipeline rules exited {exit}: {error}");
        Assert.Matches(@"^Rule catalogue \S+: \d+ rules", output);
        Assert.Contains("FILE-001 error", output);
    }

    private async Task Dotnet(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("dotnet", arguments, "the .NET SDK is needed.",
            TimeSpan.FromMinutes(3), environment, workingDirectory: _root);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} exited {exit}:\n{output}{error}");
    }
}
