namespace SendPipeline.Workflows.Submission;

/// <summary>How long to wait before the next attempt.</summary>
public static class DeliveryBackoff
{
    /// <summary>
    /// After <paramref name="failedAttempts"/> failures: the endpoint's <c>Retry-After</c> when it gave
    /// one, else exponential backoff (<c>InitialBackoff × 2^(n−1)</c>) with "equal jitter": half the
    /// step fixed, half scaled by <paramref name="jitter"/> in [0, 1), so clients that failed together
    /// spread out but never retry at once. Both are capped by <c>MaxBackoff</c>.
    /// </summary>
    public static TimeSpan Delay(int failedAttempts, TimeSpan? retryAfter, DeliveryOptions options, double jitter)
    {
        if (retryAfter is { } asked)
            return asked <= TimeSpan.Zero ? TimeSpan.Zero : Min(asked, options.MaxBackoff);
        // 2^20 is far past any sensible cap, and keeps the product inside TimeSpan's range.
        var exponent = Math.Clamp(failedAttempts - 1, 0, 20);
        var step = Min(options.InitialBackoff * Math.Pow(2, exponent), options.MaxBackoff);
        return step / 2 + step / 2 * Math.Clamp(jitter, 0, 1);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
