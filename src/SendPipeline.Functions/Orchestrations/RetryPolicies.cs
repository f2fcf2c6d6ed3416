using Microsoft.DurableTask;

namespace SendPipeline.Functions.Orchestrations;

public static class RetryPolicies
{
    /// <summary>
    /// For every activity call. Activities are idempotent, so a retry is safe; the waits (5, 10, 20, 40 s)
    /// ride out storage throttling and a cold instance without holding an upload for more than ~75 s.
    /// </summary>
    public static RetryPolicy Activity { get; } = new(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1));
}
