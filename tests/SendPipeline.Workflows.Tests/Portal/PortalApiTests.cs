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
        _api = new PortalApi(new PortalService(_keys, new UploadAccess(_keys, new Mock<IUploadAccessIssuer>().Object), sessions, store, store, TimeProvider.System));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private Task<PortalReply> Send(string method, string path, string? body = null, string? token = null) =>
        _api.HandleAsync(new PortalRequest(method, path, token is null ? null : "Bearer " + token, new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""))));

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
}
