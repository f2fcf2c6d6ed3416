using System.Collections.Concurrent;

namespace SendPipeline.Cli.Drill;

/// <summary>A storage error the drill injects: an <see cref="IOException"/>, as a dropped connection or a throttle surfaces.</summary>
public sealed class InjectedStorageFault(string kind) : IOException($"Injected transient fault: {kind}.");

/// <summary>The drill's stand-in for a host that dies mid-activity: not an IOException, so no retry catches it.</summary>
public sealed class SimulatedCrash(string activity) : Exception($"Simulated crash in {activity}.");

/// <summary>
/// When the drill's faulty stores fail. Every 7th write and every 11th read (counted across the run,
/// offset by the seed, so a seed always gives the same faults) throws <see cref="InjectedStorageFault"/>,
/// but only on an activity's first attempt: a transient fault clears within the retry's backoff, and an
/// activity of hundreds of writes would otherwise never finish. Storage calls made outside an activity
/// (the upload sweep, standing in for the blob trigger, which Azure retries itself) are not faulted.
/// One crash is planted: the first attempt of <see cref="CrashActivity"/> dies after its
/// <see cref="CrashAfterWrites"/>th write, leaving its outputs half written.
/// </summary>
public sealed class FaultSchedule(int seed)
{
    public const int WriteEvery = 7, ReadEvery = 11;
    public string CrashActivity { get; init; } = Workflows.Rebuild.RebuildActivityNames.BuildPowerBi;
    public int CrashAfterWrites { get; init; } = 5;

    private static readonly AsyncLocal<Attempt?> Current = new();
    private long _writes = seed, _reads = seed;
    private int _crashed;

    /// <summary>Faults injected, by kind (e.g. "blob write").</summary>
    public ConcurrentDictionary<string, int> Injected { get; } = new();
    public bool Crashed => _crashed == 1;

    /// <summary>Marks the code run inside the returned scope as one attempt of an activity.</summary>
    public IDisposable Enter(string activity, int attempt)
    {
        var previous = Current.Value;
        Current.Value = new Attempt(activity, attempt);
        return new Scope(() => Current.Value = previous);
    }

    public void BeforeWrite(string kind)
    {
        if (Current.Value is not { } attempt) return;
        // Atomic: BuildPowerBi writes its tables in parallel within one attempt.
        var writes = Interlocked.Increment(ref attempt.Writes);
        if (attempt.Activity == CrashActivity && writes > CrashAfterWrites && Interlocked.CompareExchange(ref _crashed, 1, 0) == 0)
            throw new SimulatedCrash(attempt.Activity);
        if (Interlocked.Increment(ref _writes) % WriteEvery == 0 && attempt.Number == 1) Inject(kind + " write");
    }

    public void BeforeRead(string kind)
    {
        if (Current.Value is not { } attempt) return;
        if (Interlocked.Increment(ref _reads) % ReadEvery == 0 && attempt.Number == 1) Inject(kind + " read");
    }

    private void Inject(string kind)
    {
        Injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        throw new InjectedStorageFault(kind);
    }

    private sealed class Attempt(string activity, int number)
    {
        public string Activity { get; } = activity;
        public int Number { get; } = number;
        public int Writes;
    }

    private sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
