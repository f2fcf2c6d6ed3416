using System.Text.RegularExpressions;
using SendPipeline.Core.Dashboard;
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
        foreach (var chart in new[] { "ehcp-chart", "hnb-chart", "workforce-chart", "settings-chart", "quality-chart" })
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
}
