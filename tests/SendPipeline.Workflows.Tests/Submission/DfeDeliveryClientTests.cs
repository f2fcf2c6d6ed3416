using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SendPipeline.Workflows.Submission;
using static SendPipeline.Workflows.Tests.Submission.FakeDfeEndpoint;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>The delivery client against a real local HTTP server; waits between attempts are recorded, not slept.</summary>
public sealed class DfeDeliveryClientTests : IDisposable
{
    private const string Key = "855-2026-Q1-v3-0123456789abcdef";
    private static readonly byte[] Package = [.. "PK\u0003\u0004 a stand-in for the package zip"u8, 0x00, 0xFF];
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["X-LA-Code"] = "855", ["X-Quarter"] = "2026-Q1", ["X-Package-Version"] = "3", ["X-Package-Status"] = "signed-off",
    };

    private readonly HttpClient _http = new();
    private readonly List<TimeSpan> _pauses = [];

    public void Dispose() => _http.Dispose();

    private readonly RecordingLogger<DfeDeliveryClient> _logger = new();

    private DfeDeliveryClient Client(Uri endpoint, Func<DeliveryOptions, DeliveryOptions>? configure = null)
    {
        var options = new DeliveryOptions(endpoint) { ApiKey = "the-api-key" };
        var timing = new DeliveryTiming((delay, _) =>
        {
            _pauses.Add(delay);
            return Task.CompletedTask;
        }, () => 0.5, TimeProvider.System);
        return new DfeDeliveryClient(_http, configure?.Invoke(options) ?? options, _logger, timing);
    }

    [Fact]
    public async Task PostAsync_AcceptedFirstTime_PostsTheZipWithKeyHeadersAndBearerKey()
    {
        await using var dfe = await StartAsync(Reply(202, null, ("Location", "/receipts/R-1")));

        var receipt = await Client(dfe.Url).PostAsync(Package, Key, Headers);

        Assert.Equal(new DeliveryReceipt(202, 1, Key, "/receipts/R-1"), receipt);
        var request = Assert.Single(dfe.Requests);
        Assert.Equal(("POST", "/submissions"), (request.Method, request.Path));
        Assert.Equal(Package, request.Body);
        Assert.Equal("application/zip", request.Headers["Content-Type"]);
        Assert.Equal(Key, request.Headers["Idempotency-Key"]);
        Assert.Equal("Bearer the-api-key", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("Ocp-Apim-Subscription-Key"));
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Package))}:", request.Headers["Content-Digest"]);
        Assert.All(Headers, h => Assert.Equal(h.Value, request.Headers[h.Key]));
        Assert.Empty(_pauses);
    }

    [Fact]
    public async Task PostAsync_TwoServiceUnavailableThenAccepted_RetriesWithTheSameKeyAndBody()
    {
        await using var dfe = await StartAsync(Reply(503), Reply(503), Reply(202, """{"receiptId":"DFE-42"}"""));

        var receipt = await Client(dfe.Url).PostAsync(Package, Key, Headers);

        Assert.Equal(new DeliveryReceipt(202, 3, Key, "DFE-42"), receipt);
        Assert.Equal(3, dfe.Requests.Count);
        Assert.All(dfe.Requests, r =>
        {
            Assert.Equal(Key, r.Headers["Idempotency-Key"]);
            Assert.Equal(Package, r.Body);
        });
        // Exponential from 2 s with the jitter fixed at 0.5: three quarters of 2 s, then of 4 s.
        Assert.Equal([TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)], _pauses);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", 0)]
    [InlineData("3600", 60)] // capped by MaxBackoff
    public async Task PostAsync_TooManyRequestsWithRetryAfterSeconds_WaitsAsAsked(string retryAfter, int expectedSeconds)
    {
        await using var dfe = await StartAsync(Reply(429, "slow down", ("Retry-After", retryAfter)));

        var receipt = await Client(dfe.Url).PostAsync(Package, Key, Headers);

        Assert.Equal(2, receipt.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], _pauses);
    }

    [Fact]
    public async Task PostAsync_RetryAfterAsADate_WaitsUntilThatDate()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(30).ToString("R");
        await using var dfe = await StartAsync(Reply(503, null, ("Retry-After", at)));

        await Client(dfe.Url).PostAsync(Package, Key, Headers);

        // Measured from the reply's Date header; both are whole seconds.
        Assert.InRange(Assert.Single(_pauses), TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task PostAsync_BadRequest_FailsAfterOneAttemptNamingTheStatusAndReply()
    {
        await using var dfe = await StartAsync(Reply(400, """{"error":"manifest.json is missing"}"""));

        var error = await Assert.ThrowsAsync<DeliveryRejectedException>(() => Client(dfe.Url).PostAsync(Package, Key, Headers));

        Assert.Equal((400, 1, Key, false), (error.StatusCode, error.Attempts, error.IdempotencyKey, error.Retryable));
        Assert.Contains("HTTP 400 Bad Request", error.Message);
        Assert.Contains("manifest.json is missing", error.Message);
        Assert.Single(dfe.Requests);
        Assert.Empty(_pauses);
    }

    [Fact]
    public async Task PostAsync_ConflictWithoutSignOfAReplay_IsRefusedNamingTheKey()
    {
        await using var dfe = await StartAsync(Reply(409, "Idempotency key reused with a different request body"));

        var error = await Assert.ThrowsAsync<DeliveryRejectedException>(() => Client(dfe.Url).PostAsync(Package, Key, Headers));

        Assert.Equal((409, 1), (error.StatusCode, error.Attempts));
        Assert.Contains($"idempotency key {Key} is already in use for a different package", error.Message);
        Assert.Contains("reused with a different request body", error.Message);
        Assert.Single(dfe.Requests);
    }

    [Theory]
    [InlineData("""{"receiptId":"DFE-41"}""", null, "DFE-41")]
    [InlineData(null, "true", null)]
    public async Task PostAsync_ConflictReplayingAnAcceptedPackage_CountsAsDelivered(string? body, string? replayed, string? receiptId)
    {
        await using var dfe = await StartAsync(Reply(409, body, replayed is null ? [] : [("Idempotent-Replayed", replayed)]));

        var receipt = await Client(dfe.Url).PostAsync(Package, Key, Headers);

        Assert.Equal(new DeliveryReceipt(409, 1, Key, receiptId), receipt);
    }

    [Fact]
    public async Task PostAsync_UnavailableEveryTime_GivesUpAfterMaxAttempts()
    {
        await using var dfe = await StartAsync(Reply(503, "down for maintenance"), Reply(503, "down for maintenance"), Reply(503, "down for maintenance"));

        var error = await Assert.ThrowsAsync<DeliveryRejectedException>(() =>
            Client(dfe.Url, o => o with { MaxAttempts = 3 }).PostAsync(Package, Key, Headers));

        Assert.Equal((503, 3, true), (error.StatusCode, error.Attempts, error.Retryable));
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.Contains("down for maintenance", error.Message);
        Assert.Contains("same idempotency key", error.Message);
        Assert.Equal(3, dfe.Requests.Count);
        // No wait after the last attempt.
        Assert.Equal(2, _pauses.Count);
    }

    [Fact]
    public async Task PostAsync_AttemptTimesOut_IsRetriedAndThenDelivered()
    {
        await using var dfe = await StartAsync(Hang());

        var receipt = await Client(dfe.Url, o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(300) }).PostAsync(Package, Key, Headers);

        Assert.Equal((202, 2), (receipt.StatusCode, receipt.Attempts));
        Assert.Equal(2, dfe.Requests.Count);
        Assert.All(dfe.Requests, r => Assert.Equal(Key, r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task PostAsync_TimesOutEveryTime_GivesUpSayingNoReplyCame()
    {
        await using var dfe = await StartAsync(Hang(), Hang());

        var error = await Assert.ThrowsAsync<DeliveryRejectedException>(() =>
            Client(dfe.Url, o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 }).PostAsync(Package, Key, Headers));

        Assert.Equal((null, 2, true), (error.StatusCode, error.Attempts, error.Retryable));
        Assert.Contains("no reply within 0.2 s", error.Message);
    }

    [Fact]
    public async Task PostAsync_NobodyListening_RetriesThenReportsTheNetworkError()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var error = await Assert.ThrowsAsync<DeliveryRejectedException>(() =>
            Client(new Uri($"http://127.0.0.1:{port}/submissions"), o => o with { MaxAttempts = 2 }).PostAsync(Package, Key, Headers));

        Assert.Equal((null, 2), (error.StatusCode, error.Attempts));
        Assert.Contains("network error", error.Message);
        Assert.Single(_pauses);
    }

    [Fact]
    public async Task PostAsync_SubscriptionKeyAuth_SendsTheApiManagementHeaderInstead()
    {
        await using var dfe = await StartAsync();

        await Client(dfe.Url, o => o with { Auth = DeliveryAuth.SubscriptionKey }).PostAsync(Package, Key, Headers);

        var request = Assert.Single(dfe.Requests);
        Assert.Equal("the-api-key", request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task PostAsync_ExtraHeaderTheClientSetsItself_IsRefusedBeforeSending()
    {
        await using var dfe = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Client(dfe.Url).PostAsync(Package, Key, new Dictionary<string, string> { ["idempotency-key"] = "other" }));

        Assert.Contains("'idempotency-key'", error.Message);
        Assert.Empty(dfe.Requests);
    }

    [Fact]
    public async Task PostAsync_CallerCancels_StopsWithoutRetrying()
    {
        await using var dfe = await StartAsync(Hang());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(dfe.Url).PostAsync(Package, Key, Headers, cancel.Token));

        Assert.Empty(_pauses);
    }

    [Fact]
    public async Task PostAsync_Logs_CarryTheKeyAndStatusesButNeverTheApiKeyPackageOrReply()
    {
        await using var dfe = await StartAsync(Reply(503, "reply text that may quote the package"), Reply(202));

        await Client(dfe.Url).PostAsync(Package, Key, Headers);

        var logs = string.Join('\n', _logger.Messages);
        Assert.Contains(Key, logs);
        Assert.Contains("HTTP 503", logs);
        Assert.Contains("delivered: HTTP 202 after 2 attempt(s)", logs);
        Assert.DoesNotContain("the-api-key", logs);
        Assert.DoesNotContain("stand-in for the package", logs);
        Assert.DoesNotContain("reply text", logs);
    }
}
