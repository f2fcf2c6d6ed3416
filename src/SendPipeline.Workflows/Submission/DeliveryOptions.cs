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
    /// <summary>Checked when set: a package (the LA's return, with its API key) never travels unencrypted off this machine.</summary>
    public Uri Endpoint { get => _endpoint; init => _endpoint = Checked(value); }

    private readonly Uri _endpoint = Checked(Endpoint);

    /// <summary>
    /// The endpoint as a URL, or an <see cref="ArgumentException"/> whose message says what is wrong:
    /// an absolute https URL, or http only to this machine (127.0.0.0/8, ::1, localhost) for a local stub.
    /// </summary>
    public static Uri ParseEndpoint(string endpoint)
    {
        if (!Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new ArgumentException($"The DfE endpoint '{endpoint}' is not an https URL.");
        return Checked(uri);
    }

    private static Uri Checked(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && IsLoopback(endpoint))) return endpoint;
        throw new ArgumentException($"The DfE endpoint '{endpoint}' must use https: plain http is allowed only to this machine " +
                                    "(127.0.0.1, ::1 or localhost), for a local test endpoint.");
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

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
