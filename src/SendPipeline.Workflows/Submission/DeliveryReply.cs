using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SendPipeline.Workflows.Submission;

/// <summary>What the endpoint answered to one attempt, read from a bounded part of its reply.</summary>
internal sealed record DeliveryReply(int StatusCode, string Reason, string Excerpt, string? ReceiptId, bool Replayed, TimeSpan? RetryAfter)
{
    /// <summary>Replies are receipts or error messages; anything longer is not read, so a huge reply cannot exhaust memory.</summary>
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxExcerptChars = 500;

    public static async Task<DeliveryReply> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken ct)
    {
        var body = await ReadBodyAsync(response.Content, ct);
        var receiptId = ReceiptIdIn(response.Content.Headers.ContentType, body) ?? response.Headers.Location?.OriginalString;
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values)
            && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new DeliveryReply((int)response.StatusCode, response.ReasonPhrase ?? "", StartOf(body), receiptId, replayed,
            RetryAfterOf(response.Headers, now));
    }

    private static async Task<string> ReadBodyAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>A <c>receiptId</c> (any case) at the top of a JSON reply.</summary>
    private static string? ReceiptIdIn(MediaTypeHeaderValue? contentType, string body)
    {
        if (contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (!property.Name.Equals("receiptId", StringComparison.OrdinalIgnoreCase)) continue;
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }
        catch (JsonException)
        {
            // A reply that says it is JSON but is not still has its excerpt in any error message.
        }
        return null;
    }

    /// <summary>
    /// <c>Retry-After</c> as seconds, or as a date measured against the reply's own <c>Date</c> header
    /// (so a skewed local clock does not matter), else against our clock.
    /// </summary>
    private static TimeSpan? RetryAfterOf(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta;
        return retryAfter.Date is { } date ? date - (headers.Date ?? now) : null;
    }

    /// <summary>The start of the body on one line, for messages.</summary>
    private static string StartOf(string body)
    {
        var oneLine = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxExcerptChars ? oneLine : oneLine[..MaxExcerptChars] + "…";
    }
}
