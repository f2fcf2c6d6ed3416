using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Cli;

/// <summary>
/// Progress on long work (the demo's stages, ingest sweeps, the national benchmark's preparation, the drill)
/// for a person at a terminal: a line per stage and a count rewritten in place, on standard error so the
/// command's own output is unchanged. Silent when either stream is redirected, so tests and CI logs read as before.
/// </summary>
internal static class TerminalProgress
{
    /// <summary>A count is on the current line, so the next stage starts a new one.</summary>
    private static volatile bool _countShown;

    private static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>One line saying what the command is doing now.</summary>
    public static void Stage(string doing)
    {
        if (!Interactive) return;
        if (_countShown) Console.Error.WriteLine();
        _countShown = false;
        Console.Error.WriteLine($"… {doing}");
    }

    /// <summary>A count of uploads ingested, rewritten at most ten times a second; null when quiet.</summary>
    public static IProgress<IngestResult>? Uploads(int? total = null) => Interactive ? new UploadCounter(total) : null;

    private sealed class UploadCounter(int? total) : IProgress<IngestResult>
    {
        private int _done;
        private long _shownAt;

        // Reported synchronously by the sweep (Progress<T> would post to a thread and lag behind the work).
        public void Report(IngestResult value)
        {
            var done = Interlocked.Increment(ref _done);
            var now = Environment.TickCount64;
            var last = done == total;
            if (!last && now - Interlocked.Read(ref _shownAt) < 100) return;
            Interlocked.Exchange(ref _shownAt, now);
            _countShown = !last;
            var count = total is { } all ? $"{done:N0} of {all:N0}" : $"{done:N0}";
            Console.Error.Write($"\r  {count} uploads ingested");
            if (last) Console.Error.WriteLine();
        }
    }
}
