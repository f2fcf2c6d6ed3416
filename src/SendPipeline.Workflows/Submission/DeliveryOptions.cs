namespace SendPipeline.Workflows.Submission;

/// <summary>How the API key is presented to the DfE endpoint.</summary>
public enum DeliveryAuth
{
    /// <summary><c>Authorization: Bearer {ApiKey}</c>: standard HTTP, what a plain API or a token gateway expects.</summary>
    Bearer,

    /// <summary><c>Ocp-Apim-Subscription-Key: {ApiKey}</c>: what an endpoint behind Azure API Management expects.</summary>
    SubscriptionKey,
}

/// <summary>
/// Where and how packages are delivered. Retries wait <see cref="InitialBackoff"/>, then twice as long
/// each time (with jitter), never more than <see cref="MaxBackoff"/>; a <c>Retry-After</c> from the
/// endpoint replaces the backoff, capped by <see cref="MaxBackoff"/> too.
/// </summary>
public sealed record DeliveryOptions(Uri Endpoint)
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt may take, reply body included, before it counts as failed and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The endpoint's API key; no credential is sent when it is null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Bearer by default; <see cref="DeliveryAuth.SubscriptionKey"/> for Azure API Management.</summary>
    public DeliveryAuth Auth { get; init; } = DeliveryAuth.Bearer;
}
