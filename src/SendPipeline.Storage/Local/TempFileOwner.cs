using System.Diagnostics;
using System.Globalization;

namespace SendPipeline.Storage.Local;

/// <summary>
/// Which process wrote a local store's temp file, so a temp file left by a killed process (it may hold
/// pupil data copied from an upload) can be removed without ever touching one a live process is writing.
/// A temp name is <c>{prefix}{pid}-{start}-{guid}</c>: the start mark tells a reused pid from its first owner.
/// </summary>
internal static class TempFileOwner
{
    private static readonly Lazy<string> CurrentTag = new(() =>
    {
        var pid = Environment.ProcessId;
        return $"{pid}-{StartMark(pid) ?? "0"}";
    });

    /// <summary>The name part for a temp file of this process, unique per call.</summary>
    public static string NewTempSuffix() => $"{CurrentTag.Value}-{Guid.NewGuid():N}";

    /// <summary>
    /// True only when the name says which process wrote it and that process is gone. Anything unreadable
    /// (an older name with no owner, a process we may not inspect) counts as alive: never delete in doubt.
    /// </summary>
    public static bool IsOrphaned(string suffix, Dictionary<int, string?> startMarks)
    {
        var parts = suffix.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit) || parts[1] == "0")
            return false;
        if (!startMarks.TryGetValue(pid, out var mark))
            startMarks[pid] = mark = StartMarkOrAlive(pid);
        // Gone (null), or the pid now belongs to a process started at another time: the writer is dead.
        return mark != AliveUnknown && mark != parts[1];
    }

    private static string? StartMarkOrAlive(int pid)
    {
        try
        {
            return StartMark(pid);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or InvalidOperationException
                                  or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return AliveUnknown;
        }
    }

    // A process that exists but could not be inspected: kept, as if it were the writer.
    private const string AliveUnknown = "alive";

    /// <summary>
    /// The process's start time, or null when no such process is running. On Linux the raw field 22 of
    /// /proc/{pid}/stat (clock ticks since boot), which is exact; elsewhere Process.StartTime in whole seconds.
    /// </summary>
    private static string? StartMark(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc/self"))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }

            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return fields[22 - 3];
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds()
                .ToString(CultureInfo.InvariantCulture);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
