namespace SendPipeline.Core.Tests;

/// <summary>Finds files of the repository and of the shared folder beside it, wherever the tests run from.</summary>
internal static class Repo
{
    public static string File(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SendPipeline.sln")))
                return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException("The repository root (SendPipeline.sln) was not found.");
    }

    /// <summary>A file of the shared folder beside the repository (or its worktrees' parent).</summary>
    public static string Shared(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}");
    }
}
