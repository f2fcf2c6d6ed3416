using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// Delivers a submission package to the DfE endpoint: one POST of the zip (<c>application/zip</c>)
/// with an <c>Idempotency-Key</c> that is the same on every attempt, so a retry after a lost reply can
/// never be accepted as a second submission.
/// <para>
/// Outcomes. Any 2xx is delivered (200/201/202, and 204 or others the endpoint may use); a server
/// that has seen the key before is assumed to replay its original 2xx, which is delivered too.
/// A 409 is delivered when the endpoint says it is a replay of a package it accepted: an
/// <c>Idempotent-Replayed: true</c> header, or a receipt (a <c>receiptId</c> or <c>Location</c>),
/// since an endpoint only points at a receipt for a package it took. Network errors, attempt
/// timeouts, 408, 429 and 5xx are retried with backoff (<see cref="DeliveryBackoff"/>), honouring
/// <c>Retry-After</c>. Anything else (400, 401, 403, 409 without such a sign, 413, 422, …) is final:
/// sending the same bytes again cannot change the answer.
/// </para>
/// Logs carry the key, statuses, attempts and sizes, never the package or the endpoint's reply.
/// Set <see cref="HttpClient.Timeout"/> at or above <see cref="DeliveryOptions.AttemptTimeout"/>
/// (or infinite): the per-attempt timeout is this client's own.
/// </summary>
public sealed partial class DfeDeliveryClient(HttpClient http, DeliveryOptions options, ILogger<DfeDeliveryClient> logger, DeliveryTiming? timing = null)
{
    /// <summary>Headers this client sets itself; the caller's extra headers may not replace them.</summary>
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Idempotency-Key", "Authorization", "Ocp-Apim-Subscription-Key", "Content-Type", "Content-Length", "Content-Digest",
    };

    private readonly DeliveryTiming _timing = timing ?? DeliveryTiming.Real;

    /// <summary>
    /// Posts the package, retrying as described on the class, and returns the endpoint's receipt.
    /// Throws <see cref="DeliveryRejectedException"/> when it is refused or the attempts run out, and
    /// <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <param name="headers">Extra headers, e.g. <c>X-LA-Code</c>, <c>X-Quarter</c>, <c>X-Package-Version</c>, <c>X-Package-Status</c>.</param>
    public async Task<DeliveryReceipt> PostAsync(byte[] packageZip, string idempotencyKey, IReadOnlyDictionary<string, string> headers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(packageZip);
        ArgumentNullException.ThrowIfNull(headers);
        CheckKey(idempotencyKey);
        var reserved = headers.Keys.FirstOrDefault(OwnHeaders.Contains);
        if (reserved is not null)
            throw new ArgumentException($"The header '{reserved}' is set by the delivery client itself and cannot be passed as an extra header.", nameof(headers));
        if (options.MaxAttempts < 1) throw new ArgumentException("DeliveryOptions.MaxAttempts must be at least 1.", nameof(options));

        // RFC 9530: lets the endpoint check the body arrived whole, and tie the key to this exact package.
        var digest = $"sha-256=:{Convert.ToBase64String(SHA256.HashData(packageZip))}:";
        var endpoint = options.Endpoint.GetLeftPart(UriPartial.Path);
        LogDelivering(logger, packageZip.Length, endpoint, idempotencyKey);

        for (var attempt = 1; ; attempt++)
        {
            string problem;
            int? status = null;
            string? excerpt = null;
            TimeSpan? retryAfter = null;
            Exception? failure = null;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                attemptCts.CancelAfter(options.AttemptTimeout);
                try
                {
                    using var request = Request(packageZip, idempotencyKey, headers, digest);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token);
                    var reply = await DeliveryReply.ReadAsync(response, _timing.Clock.GetUtcNow(), attemptCts.Token);
                    if (IsDelivered(reply))
                    {
                        LogDelivered(logger, idempotencyKey, reply.StatusCode, attempt, reply.ReceiptId ?? "(none)");
                        return new DeliveryReceipt(reply.StatusCode, attempt, idempotencyKey, reply.ReceiptId);
                    }
                    (status, excerpt, retryAfter) = (reply.StatusCode, reply.Excerpt, reply.RetryAfter);
                    problem = $"HTTP {reply.StatusCode} {reply.Reason}".TrimEnd();
                    if (!IsRetryable(reply.StatusCode))
                    {
                        LogRejected(logger, idempotencyKey, reply.StatusCode, attempt);
                        throw new DeliveryRejectedException(Refused(reply, idempotencyKey), reply.StatusCode, attempt, idempotencyKey, reply.Excerpt);
                    }
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    // Our attempt timeout, or HttpClient.Timeout: the outcome is unknown, which the key makes safe to retry.
                    (problem, failure) = ($"no reply within {options.AttemptTimeout.TotalSeconds:0.###} s", e);
                }
                catch (HttpRequestException e)
                {
                    (problem, failure) = ($"network error ({e.HttpRequestError}: {e.Message})", e);
                }
            }

            if (attempt >= options.MaxAttempts)
            {
                LogGaveUp(logger, idempotencyKey, attempt, problem);
                throw new DeliveryRejectedException(GaveUp(attempt, problem, excerpt, idempotencyKey), status, attempt, idempotencyKey, excerpt, failure);
            }
            var delay = DeliveryBackoff.Delay(attempt, retryAfter, options, _timing.Jitter());
            LogRetrying(logger, attempt, options.MaxAttempts, idempotencyKey, problem, delay);
            await _timing.Pause(delay, ct);
        }
    }

    private HttpRequestMessage Request(byte[] packageZip, string idempotencyKey, IReadOnlyDictionary<string, string> headers, string digest)
    {
        // A fresh message and content each attempt: HttpClient will not send one twice.
        var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint)
        {
            Content = new ByteArrayContent(packageZip),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        request.Content.Headers.Add("Content-Digest", digest);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (options.ApiKey is { Length: > 0 } key)
        {
            if (options.Auth == DeliveryAuth.SubscriptionKey) request.Headers.Add("Ocp-Apim-Subscription-Key", key);
            else request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal)) request.Headers.Add(name, value);
        return request;
    }

    private static bool IsDelivered(DeliveryReply reply) =>
        reply.StatusCode is >= 200 and < 300 || (reply.StatusCode == 409 && (reply.Replayed || reply.ReceiptId is not null));

    private static bool IsRetryable(int status) => status is 408 or 429 or >= 500;

    private static void CheckKey(string idempotencyKey)
    {
        if (string.IsNullOrEmpty(idempotencyKey) || idempotencyKey.Length > 255 || idempotencyKey.Any(c => c is <= ' ' or > '~'))
            throw new ArgumentException("The idempotency key must be 1 to 255 visible ASCII characters (no spaces).", nameof(idempotencyKey));
    }

    private static string Refused(DeliveryReply reply, string key)
    {
        var advice = reply.StatusCode switch
        {
            400 => "The endpoint found the request or package malformed; check the package against the DfE specification before sending again.",
            401 or 403 => "The endpoint did not accept the credentials; check the DfE API key configured for delivery and its authentication scheme.",
            404 or 405 => "The endpoint address looks wrong; check the configured DfE endpoint.",
            409 => $"The idempotency key {key} is already in use for a different package, or an earlier attempt is still being processed. " +
                   "If the package changed, send it as a new version with its own key; if not, deliver again later with the same key.",
            413 => "The package is larger than the endpoint accepts.",
            422 => $"The endpoint could not process the package (or saw the key {key} reused with different content); read its reply before sending again.",
            _ => "Sending the same package again will get the same answer; read the endpoint's reply and correct the cause first.",
        };
        var said = reply.Excerpt.Length > 0 ? $" and said: \"{reply.Excerpt}\"" : " with an empty reply";
        return $"The DfE endpoint refused the package (idempotency key {key}) with HTTP {reply.StatusCode} {reply.Reason}".TrimEnd() + $"{said}. {advice}";
    }

    private static string GaveUp(int attempts, string problem, string? excerpt, string key)
    {
        var said = string.IsNullOrEmpty(excerpt) ? "" : $", saying \"{excerpt}\"";
        return $"The DfE endpoint did not accept the package after {attempts} attempt(s) (idempotency key {key}); the last got {problem}{said}. " +
               "The package is not confirmed as delivered: deliver it again later with the same idempotency key, which stops the endpoint accepting it twice.";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering a {Bytes}-byte package to {Endpoint} with idempotency key {IdempotencyKey}")]
    private static partial void LogDelivering(ILogger logger, int bytes, string endpoint, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Package with idempotency key {IdempotencyKey} delivered: HTTP {Status} after {Attempts} attempt(s), receipt {ReceiptId}")]
    private static partial void LogDelivered(ILogger logger, string idempotencyKey, int status, int attempts, string receiptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery attempt {Attempt} of {MaxAttempts} (idempotency key {IdempotencyKey}) got {Problem}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int attempt, int maxAttempts, string idempotencyKey, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Package with idempotency key {IdempotencyKey} refused: HTTP {Status} on attempt {Attempt}")]
    private static partial void LogRejected(ILogger logger, string idempotencyKey, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering the package with idempotency key {IdempotencyKey} after {Attempts} attempt(s): {Problem}")]
    private static partial void LogGaveUp(ILogger logger, string idempotencyKey, int attempts, string problem);
}
