using System.Collections.Concurrent;
using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Cli.Drill;

/// <summary>
/// Retries a failed activity as the Functions app's <c>RetryPolicies.Activity</c> does: up to 5 attempts,
/// waits doubling from the first, capped; only on <see cref="IOException"/> (storage), as anything else is
/// a bug or a crash that retrying would hide. It reruns the whole activity, which is safe because every
/// activity is idempotent. The drill's waits are milliseconds, not the app's seconds.
/// </summary>
public sealed class ActivityRetry(FaultSchedule? faults, int maxAttempts = 5, int firstWaitMs = 10, int maxWaitMs = 200)
{
    /// <summary>Retries made, by activity name.</summary>
    public ConcurrentDictionary<string, int> Retries { get; } = new();

    public ActivityDecorator Decorate => (name, activity) => async input =>
    {
        var wait = firstWaitMs;
        for (var attempt = 1; ; attempt++)
        {
            var crashedBefore = faults?.Crashed ?? false;
            try
            {
                using (faults?.Enter(name, attempt))
                    return await activity(input);
            }
            // The planted crash killed this attempt, but a parallel write's injected fault may be what surfaced
            // (Power BI writes its tables at once): a dead process retries nothing, so the crash is what counts.
            catch (IOException) when (faults is { Crashed: true } && !crashedBefore)
            {
                throw new SimulatedCrash(name);
            }
            catch (IOException) when (attempt < maxAttempts)
            {
                Retries.AddOrUpdate(name, 1, (_, n) => n + 1);
                await Task.Delay(wait);
                wait = Math.Min(wait * 2, maxWaitMs);
            }
        }
    };
}
