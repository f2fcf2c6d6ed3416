using System.Diagnostics;
using System.Text;
using SendPipeline.Cli.Portal;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Tests;
using SendPipeline.Storage;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The upload portal in a real browser: <c>sendpipeline serve</c> in-process on free ports against a temporary
/// store, and <c>tests/portal/portal.spec.mjs</c> driving Debian's Chromium through playwright-core. Screenshots
/// of each state go to <c>tests/artifacts/portal/</c>. Fails, never skips, when node, playwright-core or
/// Chromium is missing: <c>scripts/test.sh</c> installs them.
/// </summary>
public sealed class PortalBrowserTests : IDisposable
{
    private static readonly string Header = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n";

    private readonly string _root = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Portal_InChromium_AcceptsCleanCensusShowsErrorsAtRowsAndKeepsSchoolsApart()
    {
        var repo = Repo.File(".");
        var script = Path.Combine(repo, "tests", "portal", "portal.spec.mjs");
        var driver = Path.Combine(repo, ".tools", "playwright", "node_modules", "playwright-core", "package.json");
        var chromium = HeadlessChromium.Find();
        Assert.True(File.Exists(driver), "playwright-core is not installed in .tools/playwright: run scripts/test.sh (scripts/playwright.sh install) once.");

        var stores = StoreFactory.Create(Path.Combine(_root, "store"));
        var keys = new SubmitterKeyStore(stores.Tables, TimeProvider.System);
        var keyA = (await keys.IssueAsync("8552001")).Key;
        var keyB = (await keys.IssueAsync("8552002")).Key;
        var fixtures = Directory.CreateDirectory(Path.Combine(_root, "fixtures")).FullName;
        File.WriteAllText(Path.Combine(fixtures, "clean.csv"), Census());
        // Row 3 (the second pupil) has a Sex the spec does not allow, row 5 a year group that is not one.
        File.WriteAllText(Path.Combine(fixtures, "errors.csv"), Census(pupil => pupil switch { 2 => ("Q", "4"), 4 => ("M", "Z9"), _ => ("M", "4") }));
        File.WriteAllText(Path.Combine(fixtures, "notes.txt"), "not a return");
        var artifacts = Path.Combine(repo, "tests", "artifacts", "portal");
        if (Directory.Exists(artifacts)) Directory.Delete(artifacts, recursive: true);
        Directory.CreateDirectory(artifacts);

        var written = new StringWriter();
        var log = TextWriter.Synchronized(written);
        await using var server = await PortalServer.StartAsync(new PortalServerOptions(stores, "855", 0), log);
        await using var shortSessions = await PortalServer.StartAsync(
            new PortalServerOptions(stores, "855", 0) { SessionLifetime = TimeSpan.FromSeconds(2) }, log);

        var (exit, output) = await RunNodeAsync(script, new Dictionary<string, string>
        {
            ["PORTAL_URL"] = server.Url.AbsoluteUri,
            ["PORTAL_SHORT_URL"] = shortSessions.Url.AbsoluteUri,
            ["KEY_A"] = keyA,
            ["KEY_B"] = keyB,
            ["FIXTURES"] = fixtures,
            ["ARTIFACTS"] = artifacts,
            ["REPO"] = repo,
            ["SENDPIPELINE_CHROMIUM"] = chromium,
        });

        Assert.True(exit == 0, $"The browser script failed (exit {exit}):\n{output}\nserve said:\n{written}");
        Assert.Contains("portal browser tests passed", output);
        Assert.Equal(9, Directory.GetFiles(artifacts, "*.png").Length);
        // serve's log has ids, statuses and counts only: never a pupil's UPN from the files.
        Assert.DoesNotContain(Upn.Create("855200125001"), written.ToString());
    }

    /// <summary>Four year 4 pupils at the January 2026 census; <paramref name="plant"/> gives each pupil's Sex and year group.</summary>
    private static string Census(Func<int, (string Sex, string Year)>? plant = null)
    {
        var text = new StringBuilder(Header);
        for (var pupil = 1; pupil <= 4; pupil++)
        {
            var (sex, year) = plant?.Invoke(pupil) ?? ("M", "4");
            text.Append($"8552001,2026-01-15,{Upn.Create($"855200125{pupil:000}")},2016-10-01,{sex},{year},K,SLCN\r\n");
        }
        return text.ToString();
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("node", [script], "install Node.js and run scripts/test.sh once.", TimeSpan.FromSeconds(90), environment);
        return (exit, output + error);
    }
}
