namespace SendPipeline.Storage.Tests;

/// <summary>
/// The one place the tests learn where Azurite is (linked into every test project that needs it):
/// <c>AZURITE_CONNECTION_STRING</c> (scripts/test.sh exports it), else the connection string of the
/// Azurite that <c>scripts/azurite.sh start</c> left running (it picks free ports when 10000-10002 are
/// taken), else <c>UseDevelopmentStorage=true</c> for a developer who started Azurite on its usual ports.
/// </summary>
internal static class AzuriteConnection
{
    public const string Variable = "AZURITE_CONNECTION_STRING";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Written by scripts/azurite.sh while its Azurite runs, removed when it stops it.</summary>
    public const string ScriptFile = ".tools/azurite/connection-string";

    private static readonly (string Value, string Source) Resolved = Resolve();

    public static string String => Resolved.Value;

    /// <summary>Where <see cref="String"/> came from, for failure messages.</summary>
    public static string Source => Resolved.Source;

    private static (string, string) Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set) return (set, Variable);
        if (RepositoryFile(ScriptFile) is { } file && File.ReadAllText(file).Trim() is { Length: > 0 } written)
            return (written, $"{file} (a stale file if that Azurite died: scripts/azurite.sh stop removes it)");
        return (DevelopmentStorage, $"the default {DevelopmentStorage}");
    }

    private static string? RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "SendPipeline.sln"))) continue;
            var path = Path.Combine(dir.FullName, relative);
            return File.Exists(path) ? path : null;
        }
        return null;
    }
}
