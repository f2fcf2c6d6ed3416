using System.Diagnostics;
using System.Globalization;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Drill;

/// <summary>
/// A TEST HOOK, for proving crash safety with a real process: when <see cref="Variable"/> is set to
/// <c>N</c> (or <c>N:before</c>, <c>N:after</c>; after is the default), the CLI's stores count every write
/// and the process kills itself (SIGKILL, as <c>kill -9</c>: no finally blocks, no flushing) at the Nth,
/// just before it reaches the store or just after it returns. Unset, the stores are returned as they are.
/// Never set it outside a test.
/// </summary>
public static class CrashHook
{
    public const string Variable = "SENDPIPELINE_TEST_CRASH_AT_WRITE";

    public static Stores Wrap(Stores stores)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } value) return stores;
        var parts = value.Split(':');
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var write) || write < 1
            || parts.Length > 2 || (parts.Length == 2 && parts[1] is not ("before" or "after")))
            throw new UsageException($"{Variable} (a test hook) must be N, N:before or N:after with N at least 1, not '{value}'.");
        var moment = parts.Length == 2 && parts[1] == "before" ? CrashMoment.BeforeWrite : CrashMoment.AfterWrite;
        var faults = FaultSchedule.CrashAtWrite(write, moment, where =>
        {
            Console.Error.WriteLine($"{Variable}: killing this process at {where}.");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
        });
        return new Stores(new FaultyBlobStore(stores.Blobs, faults), new FaultyTableStore(stores.Tables, faults));
    }
}
