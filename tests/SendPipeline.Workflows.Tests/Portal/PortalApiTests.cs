using System.Text;
using System.Text.Json;
using Moq;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Portal;

namespace SendPipeline.Workflows.Tests.Portal;

/// <summary>The routes both hosts map: the page and its assets, JSON in and out, and the headers that keep answers out of caches.</summary>
public sealed class PortalApiTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-portalapi-" + Guid.NewGuid().ToString("N"));
    private readonly SubmitterKeyStore _keys;
    private readonly PortalApi _api;

    public PortalApiTests()
    {
        var store = new LocalFolderStore(_root);
        _keys = new SubmitterKeyStore(store, TimeProvider.System);
        var sessions = new PortalSessions(new PortalOptions(new byte[32]), TimeProvider.System);
        _api = new PortalApi(new PortalService(_keys, new UploadAccess(_keys, new Mock<IUploadAccessIssuer>().Object), sessions, store, store, TimeProvider.System),
            new PortalRateLimiter(TimeProvider.System));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private Task<PortalReply> Send(string method, string path, string? body = null, string? token = null, PortalApi? api = null) =>
        (api ?? _api).HandleAsync(new PortalRequest(method, path, token is null ? null : "Bearer " + token,
            new MemoryStream(Encoding.UTF8.GetBytes(body ?? "")), "203.0.113.7"));

    [Theory]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("/", "text/html; charset=utf-8")]
    [InlineData("/assets/portal.js", "text/javascript; charset=utf-8")]
    [InlineData("/assets/portal.css", "text/css; charset=utf-8")]
    public async Task Get_PageAndAssets_AreServedFromTheAssembly(string path, string contentType)
    {
        var reply = await Send("GET", path);

        Assert.Equal((200, contentType), (reply.Status, reply.ContentType));
        Assert.NotEmpty(reply.Body);
    }

    [Fact]
    public async Task Page_LoadsNothingFromElsewhere()
    {
        var page = await Send("GET", "");

        Assert.Equal(PortalApi.ContentSecurityPolicy, page.Headers["Content-Security-Policy"]);
        foreach (var path in new[] { "", "/assets/portal.js", "/assets/portal.css" })
        {
            var text = Encoding.UTF8.GetString((await Send("GET", path)).Body);
            foreach (var external in new[] { "http:", "https:", "@import", " url(", "//cdn", "fonts." })
                Assert.DoesNotContain(external, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task SignIn_ThenList_AnswersJsonThatIsNeverCached()
    {
        var key = (await _keys.IssueAsync("8552001")).Key;

        var signIn = await Send("POST", "/session", JsonSerializer.Serialize(new { key }));
        var token = JsonDocument.Parse(signIn.Body).RootElement.GetProperty("token").GetString();
        var list = await Send("GET", "/uploads", token: token);

        Assert.Equal(200, signIn.Status);
        Assert.Equal((200, "[]"), (list.Status, Encoding.UTF8.GetString(list.Body)));
        Assert.All(new[] { signIn, list }, r => Assert.Equal("no-store", r.Headers["Cache-Control"]));
    }

    [Theory]
    [InlineData("POST", "/session", "not json", 401)]
    [InlineData("GET", "/uploads", null, 401)]
    [InlineData("GET", "/assets/../portal.html", null, 404)]
    [InlineData("DELETE", "/uploads", null, 404)]
    [InlineData("GET", "/elsewhere", null, 404)]
    public async Task Request_NotARoute_OrUnauthenticated_AnswersWithAnError(string method, string path, string? body, int status)
    {
        var reply = await Send(method, path, body);

        Assert.Equal(status, reply.Status);
        Assert.True(JsonDocument.Parse(reply.Body).RootElement.GetProperty("error").GetString() is { Length: > 0 });
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private PortalApi ApiOn(TimeProvider clock, PortalRateLimits limits)
    {
        var store = new LocalFolderStore(_root);
        var sessions = new PortalSessions(new PortalOptions(new byte[32]), clock);
        return new PortalApi(new PortalService(_keys, new UploadAccess(_keys, new Mock<IUploadAccessIssuer>().Object), sessions, store, store, clock),
            new PortalRateLimiter(clock, limits));
    }

    [Fact]
    public async Task SignIn_OverTheLimitFromOneClient_Is429WithRetryAfter_UntilTheWindowEnds()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var api = ApiOn(clock, PortalRateLimits.Default);
        var guess = JsonSerializer.Serialize(new { key = "8552001.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
        Task<PortalReply> From(string client) => api.HandleAsync(new PortalRequest("POST", "/session", null, new MemoryStream(Encoding.UTF8.GetBytes(guess)), client));

        for (var i = 0; i < PortalRateLimits.Default.SignInsPerWindow; i++) Assert.Equal(401, (await From("203.0.113.7")).Status);
        var limited = await From("203.0.113.7");
        var elsewhere = await From("198.51.100.2");
        clock.Advance(PortalRateLimits.Default.Window);
        var later = await From("203.0.113.7");

        Assert.Equal((429, "60"), (limited.Status, limited.Headers["Retry-After"]));
        Assert.Contains("Too many requests", JsonDocument.Parse(limited.Body).RootElement.GetProperty("error").GetString());
        Assert.Equal(401, elsewhere.Status);
        Assert.Equal(401, later.Status);
    }

    [Fact]
    public async Task Session_OverItsLimit_Is429_WhileAnotherSessionGoesOn()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var api = ApiOn(clock, new PortalRateLimits(10, 3, TimeSpan.FromMinutes(1)));
        async Task<string> SignIn() => JsonDocument.Parse((await Send("POST", "/session",
            JsonSerializer.Serialize(new { key = (await _keys.IssueAsync("8552001")).Key }), api: api)).Body).RootElement.GetProperty("token").GetString()!;
        var busy = await SignIn();
        var quiet = await SignIn();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++) statuses.Add((await Send("GET", "/uploads", token: busy, api: api)).Status);

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(200, (await Send("GET", "/uploads", token: quiet, api: api)).Status);
        Assert.Equal(200, (await Send("GET", "", api: api)).Status);
    }

    [Fact]
    public void RateLimiter_EndedWindows_AreSweptOutRatherThanKeptForever()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var limiter = new PortalRateLimiter(clock);
        for (var i = 0; i <= PortalRateLimiter.PurgeAbove; i++) Assert.True(limiter.TrySignIn("client-" + i, out _));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(limiter.TrySignIn("one more", out _));

        Assert.Equal(1, limiter.Partitions);
    }

    [Fact]
    public void Options_TheExampleSettingsFilesSecret_IsRefusedSayingHowToMakeOne()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SendPipeline.sln"))) root = Path.GetDirectoryName(root)!;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "SendPipeline.Functions", "local.settings.json.example")));
        var secret = settings.RootElement.GetProperty("Values").GetProperty("SendPipeline__PortalSessionSecret").GetString()!;

        var error = Assert.Throws<InvalidOperationException>(() => PortalOptions.FromSecret(secret));
        Assert.Contains("openssl rand -base64 48", error.Message);
        Assert.Throws<InvalidOperationException>(() => PortalOptions.FromSecret("local-development-only-portal-session-secret"));
        Assert.NotNull(PortalOptions.FromSecret(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))));
    }
}
