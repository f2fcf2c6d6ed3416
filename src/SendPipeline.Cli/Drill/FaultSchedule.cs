using System.Collections.Concurrent;

namespace SendPipeline.Cli.Drill;

/// <summary>A storage error the drill injects: an <see cref="IOException"/>, as a dropped connection or a throttle surfaces.</summary>
public sealed class InjectedStorageFault(string kind) : IOException($"Injected transient fault: {kind}.");

/// <summary>The drill's stand-in for a host that dies: not an IOException, so no retry catches it.</summary>
public sealed class SimulatedCrash(string where) : Exception($"Simulated crash in {where}.");

/// <summary>Whether a crash planted at a write happens just before the write reaches the store or just after it returns.</summary>
public enum CrashMoment { BeforeWrite, AfterWrite }

/// <summary>
/// When the drill's faulty stores fail. Two modes:
/// <list type="bullet">
/// <item><b>Transient faults</b> (<c>new FaultSchedule(seed)</c>, the drill): every 7th write and every 11th read
/// (counted across the run, offset by the seed, so a seed always gives the same faults) throws
/// <see cref="InjectedStorageFault"/>, but only on an activity's first attempt: a transient fault clears within
/// the retry's backoff, and an activity of hundreds of writes would otherwise never finish. Storage calls made
/// outside an activity (the upload sweep, standing in for the blob trigger, which Azure retries itself) are not
/// faulted. One crash is planted: the first attempt of <see cref="CrashActivity"/> dies after its
/// <see cref="CrashAfterWrites"/>th write, leaving its outputs half written.</item>
/// <item><b>Crash at write N</b> (<see cref="CrashAtWrite"/>): every write through the stores is counted, in or out
/// of an activity; at the Nth the process "dies" just before or just after it. From then on every storage call
/// fails too, so writes still in flight elsewhere (Power BI writes tables in parallel) stop as a killed process's
/// would. <see cref="Writes"/> with N beyond the run counts a run's writes.</item>
/// </list>
/// </summary>
public sealed class FaultSchedule(int seed)
{
    public const int WriteEvery = 7, ReadEvery = 11;
    public string CrashActivity { get; init; } = Workflows.Rebuild.RebuildActivityNames.BuildPowerBi;
    public int CrashAfterWrites { get; init; } = 5;

    private static readonly AsyncLocal<Attempt?> Current = new();
    private long _writes = seed, _reads = seed;
    private int _crashed;
    private bool _transient = true;
    private long _crashAtWrite, _allWrites;
    private CrashMoment _moment;
    private Action<string>? _die;

    /// <summary>
    /// A schedule that injects nothing but a crash at the <paramref name="write"/>th write (1-based), before or after
    /// it. <paramref name="die"/> is what dying means (default: throw <see cref="SimulatedCrash"/>; the CLI's test hook
    /// kills its own process); it is given where the crash is.
    /// </summary>
    public static FaultSchedule CrashAtWrite(long write, CrashMoment moment, Action<string>? die = null) =>
        new(0) { _transient = false, _crashAtWrite = write, _moment = moment, _die = die, CrashActivity = "" };

    /// <summary>Faults injected, by kind (e.g. "blob write").</summary>
    public ConcurrentDictionary<string, int> Injected { get; } = new();
    public bool Crashed => Volatile.Read(ref _crashed) == 1;

    /// <summary>Writes begun through the faulty stores (crash-at-write mode counts every one).</summary>
    public long Writes => Interlocked.Read(ref _allWrites);

    /// <summary>Marks the code run inside the returned scope as one attempt of an activity.</summary>
    public IDisposable Enter(string activity, int attempt)
    {
        var previous = Current.Value;
        Current.Value = new Attempt(activity, attempt);
        return new Scope(() => Current.Value = previous);
    }

    /// <summary>Called before a write reaches the store; returns the write's number, for <see cref="AfterWrite"/>.</summary>
    public long BeforeWrite(string kind)
    {
        ThrowIfDead();
        var number = Interlocked.Increment(ref _allWrites);
        if (!_transient)
        {
            if (number == _crashAtWrite && _moment == CrashMoment.BeforeWrite) Die($"write {number} ({kind}), before it");
            return number;
        }
        if (Current.Value is not { } attempt) return number;
        // Atomic: BuildPowerBi writes its tables in parallel within one attempt.
        var writes = Interlocked.Increment(ref attempt.Writes);
        if (attempt.Activity == CrashActivity && writes > CrashAfterWrites && Interlocked.CompareExchange(ref _crashed, 1, 0) == 0)
            throw new SimulatedCrash(attempt.Activity);
        if (Interlocked.Increment(ref _writes) % WriteEvery == 0 && attempt.Number == 1) Inject(kind + " write");
        return number;
    }

    /// <summary>Called once the write numbered <paramref name="number"/> has returned.</summary>
    public void AfterWrite(long number, string kind)
    {
        if (!_transient && number == _crashAtWrite && _moment == CrashMoment.AfterWrite) Die($"write {number} ({kind}), after it");
        ThrowIfDead();
    }

    public void BeforeRead(string kind)
    {
        ThrowIfDead();
        if (!_transient || Current.Value is not { } attempt) return;
        if (Interlocked.Increment(ref _reads) % ReadEvery == 0 && attempt.Number == 1) Inject(kind + " read");
    }

    private void ThrowIfDead()
    {
        if (!_transient && Crashed) throw new SimulatedCrash("a process already dead");
    }

    private void Die(string where)
    {
        Interlocked.Exchange(ref _crashed, 1);
        _die?.Invoke(where);
        throw new SimulatedCrash(where);
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
