using System.Text.Json;

namespace SendPipeline.Workflows.Portal;

/// <summary>
/// The portal's routes, once for both hosts, under <see cref="Prefix"/>:
/// <c>GET /api/portal</c> the page; <c>GET /api/portal/assets/{portal.js|portal.css}</c>;
/// <c>POST /api/portal/session</c> <c>{ "key" }</c> signs in; <c>GET /api/portal/session</c>;
/// <c>DELETE /api/portal/session</c> signs out;
/// <c>POST /api/portal/uploads</c> <c>{ "returnType", "fileName", "size" }</c> asks to send a file;
/// <c>GET /api/portal/uploads</c> lists one's own; <c>GET /api/portal/uploads/{id}</c> one with its report;
/// <c>GET /api/portal/uploads/{id}/report.csv</c> the report for Excel. Every API answer is
/// <c>no-store</c>: it may hold pupils' values and must not stay in a shared PC's cache. Signing in is
/// rate-limited per client address and every other API call per session (<see cref="PortalRateLimiter"/>):
/// over the limit the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class PortalApi(PortalService portal, PortalRateLimiter limiter)
{
    public const string Prefix = "/api/portal";
    private const int MaxJsonBytes = 16 * 1024;

    /// <summary>
    /// The page may talk to its own origin and, in Azure, PUT to blob storage with the SAS; nothing else
    /// runs or loads, so a value from an upload shown in the page can never become script.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.blob.core.windows.net; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task<PortalReply> HandleAsync(PortalRequest request, CancellationToken cancellationToken = default)
    {
        var path = request.Path.TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var token = BearerToken(request.Authorization);
        var method = request.Method.ToUpperInvariant();
        if (Limited(method, segments, token, request.Client) is { } tooMany) return tooMany;
        return (method, segments) switch
        {
            ("GET", []) => Asset(PortalAssets.Page),
            ("GET", ["assets", var name]) => Asset(name),
            ("POST", ["session"]) => await SignInAsync(request.Body, cancellationToken),
            ("GET", ["session"]) => Json(await portal.SessionAsync(token, cancellationToken)),
            ("DELETE", ["session"]) => Json(await portal.SignOutAsync(token, cancellationToken)),
            ("POST", ["uploads"]) => Json(await portal.RequestUploadAsync(token, await ReadAsync<PortalUploadRequest>(request.Body, cancellationToken)
                ?? new PortalUploadRequest(null, null, null), cancellationToken)),
            ("GET", ["uploads"]) => Json(await portal.ListUploadsAsync(token, cancellationToken)),
            ("GET", ["uploads", var id]) => Json(await portal.GetUploadAsync(token, id, cancellationToken)),
            ("GET", ["uploads", var id, "report.csv"]) => File(await portal.GetReportCsvAsync(token, id, cancellationToken)),
            _ => Json(PortalStatus.Fail<object>(PortalStatus.NotFound, "There is nothing at that address.")),
        };
    }

    /// <summary>
    /// The page and its assets are not counted; signing in counts against the client's address, and
    /// anything else against the session the token names (a forged one fails its MAC check next, before
    /// any storage is touched).
    /// </summary>
    private PortalReply? Limited(string method, string[] segments, string? token, string? client)
    {
        if (segments is [] or ["assets", _]) return null;
        int retryAfter;
        var allowed = (method, segments) is ("POST", ["session"])
            ? limiter.TrySignIn(client, out retryAfter)
            : limiter.TrySessionRequest(SessionKey(token, client), out retryAfter);
        if (allowed) return null;
        var reply = Json(PortalStatus.Fail<object>(PortalStatus.TooManyRequests,
            $"Too many requests: wait {retryAfter} seconds and try again."));
        var headers = new Dictionary<string, string>(reply.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return reply with { Headers = headers };
    }

    /// <summary>The session id field of a token, or the client's address for requests without one.</summary>
    private static string SessionKey(string? token, string? client) =>
        token?.Split('.') is { Length: 5 } parts ? parts[2] : "none:" + (client ?? "unknown");

    private async Task<PortalReply> SignInAsync(Stream body, CancellationToken cancellationToken) =>
        Json(await portal.SignInAsync((await ReadAsync<SignInBody>(body, cancellationToken))?.Key, cancellationToken));

    private sealed record SignInBody(string? Key);

    private static string? BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    private static async Task<T?> ReadAsync<T>(Stream body, CancellationToken cancellationToken) where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return buffer.Length == 0 ? null : JsonSerializer.Deserialize<T>(buffer.ToArray(), PortalJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PortalReply Asset(string name)
    {
        if (!PortalAssets.TryGet(name, out var contentType, out var content))
            return Json(PortalStatus.Fail<object>(PortalStatus.NotFound, "There is nothing at that address."));
        var headers = Headers(contentType, "no-cache");
        if (name == PortalAssets.Page) headers["Content-Security-Policy"] = ContentSecurityPolicy;
        return new PortalReply(PortalStatus.Ok, headers, content);
    }

    private static PortalReply Json<T>(PortalResult<T> result)
    {
        object body = result.Succeeded ? result.Value! : new { error = result.Problem };
        return new PortalReply(result.Status, Headers("application/json; charset=utf-8", "no-store"),
            JsonSerializer.SerializeToUtf8Bytes(body, PortalJson.Options));
    }

    private static PortalReply File(PortalResult<PortalFile> result)
    {
        if (result.Value is not { } file) return Json(result);
        var headers = Headers(file.ContentType, "no-store");
        headers["Content-Disposition"] = $"attachment; filename=\"{file.FileName}\"";
        return new PortalReply(PortalStatus.Ok, headers, file.Content);
    }

    private static Dictionary<string, string> Headers(string contentType, string cacheControl) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = contentType,
        ["Cache-Control"] = cacheControl,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
    };
}
