using System.Globalization;
using System.Text.RegularExpressions;
using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Tests;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The demo's dashboard in a real browser: its inline script runs to the end without an error.
/// The page's first script registers <c>window.onerror</c>, which marks <c>html</c> with
/// <see cref="DashboardHtml.ScriptErrorAttribute"/>; its last marks <c>body</c> with
/// <see cref="DashboardHtml.ScriptRanAttribute"/> when it has run without throwing. Both are read
/// from the DOM Chromium dumps after loading the file.
/// </summary>
public sealed class DashboardBrowserTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The markers are read from the opening tags only: the scripts' own text names them too.
    private static readonly Regex HtmlTag = new("<html[^>]*>", RegexOptions.Compiled), BodyTag = new("<body[^>]*>", RegexOptions.Compiled);

    [Fact]
    public async Task Demo_WritesADashboardThatRendersInChromiumWithoutScriptErrors()
    {
        HeadlessChromium.Find();
        var root = Path.Combine(_dir, "demo");

        var demo = await CliRunner.Run("demo", "--out", root, "--seed", "5");

        Assert.Equal(0, demo.Exit);
        Assert.Contains(RebuildActivities.DashboardPath, demo.Out);
        var file = Path.Combine(root, RebuildActivities.DashboardPath);
        var html = await File.ReadAllTextAsync(file);
        foreach (var chart in new[] { "ehcp-chart", "field-growth-chart", "field-placement-chart", "field-timeliness-chart",
            "hnb-chart", "workforce-chart", "settings-chart", "quality-chart" })
            Assert.Contains($"id=\"{chart}\"", html);
        // No UPN (a letter, 11 digits, a check character) from the census that went in.
        Assert.DoesNotMatch(new Regex("[A-Z][0-9]{11}[0-9A-Z]"), html);

        var dom = await HeadlessChromium.DumpDomAsync(file);

        Assert.DoesNotContain(DashboardHtml.ScriptErrorAttribute, HtmlTag.Match(dom).Value);
        Assert.Contains($"{DashboardHtml.ScriptRanAttribute}=\"yes\"", BodyTag.Match(dom).Value);
        // The script ran over the tables: their headers now hold sort buttons.
        Assert.Contains("<th scope=\"col\" class=\"n\"><button type=\"button\"", dom);

        // The detector itself: the same page with a script that throws must not pass as clean.
        var broken = Path.Combine(_dir, "broken.html");
        await File.WriteAllTextAsync(broken, html.Replace("</main>", "</main><script>undefinedFunction();</script>", StringComparison.Ordinal));
        Assert.Contains($"{DashboardHtml.ScriptErrorAttribute}=\"", HtmlTag.Match(await HeadlessChromium.DumpDomAsync(broken)).Value);
    }

    /// <summary>
    /// The demo's dashboard on a 400 px phone and a 1200 px desktop, through <c>tests/dashboard/dashboard.spec.mjs</c>
    /// (playwright-core driving Debian's Chromium): every chart text is drawn at 11 px or more, measured as the
    /// page's JS sees it on screen (its computed font size times the chart's scale), the page never scrolls
    /// sideways, and the same page with its charts shrunk to fit is caught drawing smaller text. Screenshots go
    /// to <c>tests/artifacts/dashboard/</c>.
    /// </summary>
    [Fact]
    public async Task Demo_DashboardAt400PxWide_KeepsChartTextAtLeast11Px()
    {
        var repo = Repo.File(".");
        var script = Path.Combine(repo, "tests", "dashboard", "dashboard.spec.mjs");
        var driver = Path.Combine(repo, ".tools", "playwright", "node_modules", "playwright-core", "package.json");
        Assert.True(File.Exists(HeadlessChromium.Find()), "Chromium is missing: run scripts/test.sh once.");
        Assert.True(File.Exists(driver),
            "playwright-core is not installed in .tools/playwright: run scripts/test.sh (scripts/playwright.sh install) once.");
        var root = Path.Combine(_dir, "demo");
        Assert.Equal(0, (await CliRunner.Run("demo", "--out", root, "--seed", "5")).Exit);
        var artifacts = Path.Combine(repo, "tests", "artifacts", "dashboard");
        if (Directory.Exists(artifacts)) Directory.Delete(artifacts, recursive: true);
        Directory.CreateDirectory(artifacts);

        var (exit, output, error) = await ExternalProcess.RunAsync("node", [script], "install Node.js and run scripts/test.sh once.",
            TimeSpan.FromSeconds(90), new Dictionary<string, string>
            {
                ["DASHBOARD"] = Path.Combine(root, RebuildActivities.DashboardPath),
                ["ARTIFACTS"] = artifacts,
                ["REPO"] = repo,
                ["SENDPIPELINE_CHROMIUM"] = HeadlessChromium.Find(),
            });

        Assert.True(exit == 0, $"The dashboard browser script failed (exit {exit}):\n{output}{error}");
        Assert.Contains("dashboard browser tests passed", output);
        var smallest = Regex.Matches(output, @"smallest chart text at (\d+) px: ([0-9.]+) px")
            .Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, smallest.Count);
        Assert.All(smallest, px => Assert.True(px >= 11, $"{px} px"));
        Assert.True(File.Exists(Path.Combine(artifacts, "dashboard-400.png")));
        Assert.True(File.Exists(Path.Combine(artifacts, "dashboard-1200.png")));
    }
}
