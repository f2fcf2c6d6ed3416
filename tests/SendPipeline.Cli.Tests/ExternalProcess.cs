using System.Diagnostics;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Runs a tool the tests need beside .NET (node, Chromium) and returns what it wrote, failing the test,
/// never skipping it, when the tool is missing or hangs: CI installs them through scripts/test.sh.
/// </summary>
internal static class ExternalProcess
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments,
        string missingAdvice, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{fileName} could not be started ({e.Message}): {missingAdvice}");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{Path.GetFileName(fileName)} took over {timeout.TotalSeconds:N0} s:\n{await stdout}{await stderr}");
            }
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
