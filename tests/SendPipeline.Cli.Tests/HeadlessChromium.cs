using System.Diagnostics;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Renders a local HTML file in headless Chromium and returns the DOM after its scripts ran
/// (<c>--dump-dom</c>). Missing Chromium is a failure, not a skip: scripts/test.sh installs it.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser: <c>SENDPIPELINE_CHROMIUM</c>, else the first of <see cref="Names"/> on PATH (as scripts/chromium.sh finds it).</summary>
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("SENDPIPELINE_CHROMIUM") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"SENDPIPELINE_CHROMIUM={configured} does not exist: unset it, or run scripts/test.sh (scripts/chromium.sh ensure) to install Chromium.");
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Names)
            foreach (var dir in path)
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        Assert.Fail("Chromium is not installed, so the dashboard cannot be rendered: run scripts/test.sh (or scripts/chromium.sh ensure), or set SENDPIPELINE_CHROMIUM.");
        return "";
    }

    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        // A profile of its own: another Chromium on the machine holds a lock on the default one.
        var profile = Path.Combine(Path.GetTempPath(), "sendpipeline-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, dom, error) = await ExternalProcess.RunAsync(Find(),
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(htmlFile).AbsoluteUri],
                "run scripts/test.sh (or scripts/chromium.sh ensure), or set SENDPIPELINE_CHROMIUM.", TimeSpan.FromSeconds(90));
            Assert.True(exit == 0 && dom.Length > 0, $"Chromium exited {exit}: {error}");
            return dom;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { /* a crash reporter may still hold a file; temp is cleaned anyway */ }
        }
    }
}
