namespace SendPipeline.Workflows.Portal;

/// <summary>How many portal requests a window allows: per client to sign in, per session for the rest.</summary>
public sealed record PortalRateLimits(int SignInsPerWindow, int RequestsPerSessionPerWindow, TimeSpan Window)
{
    /// <summary>
    /// Ten sign-ins a minute is more than a person retyping a key needs and far too few to guess one; 120
    /// requests a minute covers the page polling for a report (one every two seconds) with room to spare.
    /// </summary>
    public static readonly PortalRateLimits Default = new(10, 120, TimeSpan.FromMinutes(1));
}

/// <summary>
/// A fixed-window count per partition (<c>sign-in:{client}</c>, <c>session:{id}</c>), in memory, for both
/// hosts: serve's one process, and each Functions instance on its own (so a scaled-out app allows a
/// multiple of the limit, which still stops one client hammering one instance). Written here rather than
/// taken from System.Threading.RateLimiting because that library reads the system clock itself, and the
/// portal's decisions all run on the injected clock, which is what makes them testable without waiting.
/// </summary>
public sealed class PortalRateLimiter(TimeProvider clock, PortalRateLimits? limits = null)
{
    private readonly PortalRateLimits _limits = limits ?? PortalRateLimits.Default;
    private readonly Dictionary<string, (DateTimeOffset WindowEnds, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Above this many partitions, ended windows are swept out before counting.</summary>
    public const int PurgeAbove = 1_000;

    public PortalRateLimits Limits => _limits;

    /// <summary>Counts a sign-in attempt from a client address; false, with seconds to wait, over the limit.</summary>
    public bool TrySignIn(string? client, out int retryAfterSeconds) =>
        TryAcquire("sign-in:" + (string.IsNullOrEmpty(client) ? "unknown" : client), _limits.SignInsPerWindow,
            out retryAfterSeconds);

    /// <summary>Counts a request made with a session.</summary>
    public bool TrySessionRequest(string sessionKey, out int retryAfterSeconds) =>
        TryAcquire("session:" + sessionKey, _limits.RequestsPerSessionPerWindow, out retryAfterSeconds);

    private bool TryAcquire(string partition, int limit, out int retryAfterSeconds)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            // Ended windows are dropped as they are met, so the table holds only the last window's callers.
            if (_windows.Count > PurgeAbove)
                foreach (var ended in _windows.Where(w => w.Value.WindowEnds <= now).Select(w => w.Key).ToList())
                    _windows.Remove(ended);
            if (!_windows.TryGetValue(partition, out var window) || window.WindowEnds <= now)
                window = (now + _limits.Window, 0);
            if (window.Count >= limit)
            {
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((window.WindowEnds - now).TotalSeconds));
                return false;
            }
            _windows[partition] = (window.WindowEnds, window.Count + 1);
            retryAfterSeconds = 0;
            return true;
        }
    }

    /// <summary>How many partitions are being counted (for the test that old windows do not pile up).</summary>
    public int Partitions
    {
        get
        {
            lock (_lock) return _windows.Count;
        }
    }
}
