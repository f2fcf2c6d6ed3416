using System.Runtime.InteropServices;

namespace SendPipeline.Storage.Local;

/// <summary>
/// Moves a finished temp file to its final name only if nothing is there yet, as one atomic step.
/// </summary>
/// <remarks>
/// File.Move(overwrite: false) is not enough on Unix: .NET checks that the target is absent and then
/// calls rename(2), which replaces silently, so two racing writers can both "win" (the contract
/// tests caught exactly that). link(2) fails with EEXIST atomically instead. On Windows,
/// File.Move(overwrite: false) is MoveFileEx without REPLACE_EXISTING, which is already atomic.
/// </remarks>
internal static class NoReplaceMove
{
    private const int EEXIST = 17; // Same value on Linux and macOS.

    /// <summary>Returns false, leaving <paramref name="source"/> in place, when the target exists.</summary>
    public static bool TryMove(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(source, target, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                return false;
            }
        }

        if (link(source, target) == 0)
        {
            File.Delete(source);
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST) return false;
        throw new IOException($"Could not link '{source}' to '{target}' (errno {errno}); the store folder must be on a file system with hard links.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string oldPath, string newPath);
}
