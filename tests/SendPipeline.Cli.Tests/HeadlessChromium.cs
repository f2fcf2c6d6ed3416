using System.Diagnostics;
using SendPipeline.Core.Tests;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Renders a local HTML file in headless Chromium and returns the DOM after its scripts ran
/// (<c>--dump-dom</c>). Missing Chromium is a failure, not a skip: scripts/test.sh installs it.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly Lazy<string> Found = new(Locate);

    /// <summary>
    /// The browser, as <c>scripts/chromium.sh path</c> finds it for every browser test and script alike:
    /// <c>SENDPIPELINE_CHROMIUM</c>, else a Chromium on PATH, else playwright-core's own when installed.
    /// </summary>
    public static string Find() => Found.Value;

    private static string Locate()
    {
        const string Advice = "run scripts/test.sh (or scripts/chromium.sh ensure), or set SENDPIPELINE_CHROMIUM to a Chromium.";
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repo.File(Path.Combine("scripts", "chromium.sh")));
        start.ArgumentList.Add("path");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"bash could not be started to run scripts/chromium.sh ({e.Message}): {Advice}", e);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var browser = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0 && browser.Length > 0,
                $"No Chromium found by scripts/chromium.sh path ({error.Result.Trim()}): {Advice}");
            return browser;
        }
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
