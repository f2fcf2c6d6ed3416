namespace SendPipeline.Workflows.Submission;

/// <summary>
/// The package was not delivered: the endpoint refused it outright, or gave no acceptance before the
/// attempts ran out. The message says what the endpoint answered and what to do next.
/// </summary>
public sealed class DeliveryRejectedException : Exception
{
    public DeliveryRejectedException(string message, int? statusCode, int attempts, string idempotencyKey, string? responseExcerpt, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Attempts = attempts;
        IdempotencyKey = idempotencyKey;
        ResponseExcerpt = responseExcerpt;
    }

    /// <summary>The last HTTP status received, or null when the last attempt got no answer (timeout, network error).</summary>
    public int? StatusCode { get; }

    public int Attempts { get; }

    public string IdempotencyKey { get; }

    /// <summary>The start of the endpoint's last reply body, for the officer or the DfE service desk.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>True when the attempts ran out on failures that could pass, so delivering again later may succeed.</summary>
    public bool Retryable => StatusCode is null or 408 or 429 or >= 500;
}
