using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SendPipeline.Core.Reading;
using SendPipeline.Storage;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Portal;

namespace SendPipeline.Cli.Portal;

/// <param name="Port">0 picks a free port (the tests); the address is always 127.0.0.1.</param>
public sealed record PortalServerOptions(Stores Stores, string LaCode, int Port)
{
    public TimeSpan SessionLifetime { get; init; } = PortalOptions.DefaultSessionLifetime;

    public PortalRateLimits RateLimits { get; init; } = PortalRateLimits.Default;
}

/// <summary>
/// The upload portal on Kestrel, on 127.0.0.1 only, against a local store: the Functions app's routes
/// (<see cref="PortalApi"/>, the same code) plus the local upload endpoint that plays the SAS. Sessions
/// are signed with a secret made for this process, so they end when serve does.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalIngestQueue _ingest;

    private PortalServer(WebApplication app, LocalIngestQueue ingest, Uri url) => (_app, _ingest, Url) = (app, ingest, url);

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:5080/api/portal</c>.</summary>
    public Uri Url { get; }

    public static async Task<PortalServer> StartAsync(PortalServerOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Request lines carry upload paths; the portal's own log line says what happened, with ids and counts.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = Limits.MaxFileBytes;
        });
        var app = builder.Build();

        var clock = TimeProvider.System;
        var issuer = new LocalUploadAccessIssuer(clock);
        var keys = new SubmitterKeyStore(options.Stores.Tables, clock);
        var sessions = new PortalSessions(new PortalOptions(RandomNumberGenerator.GetBytes(32)) { SessionLifetime = options.SessionLifetime }, clock);
        var service = new PortalService(keys, new UploadAccess(keys, issuer), sessions, options.Stores.Blobs, options.Stores.Tables, clock);
        var api = new PortalApi(service, new PortalRateLimiter(clock, options.RateLimits));
        var ingest = new LocalIngestQueue(options.Stores, options.LaCode, log);
        var uploads = new LocalUploadEndpoint(issuer, options.Stores.Blobs, ingest);

        app.MapGet("/", () => Results.Redirect(PortalApi.Prefix));
        app.Map(PortalApi.Prefix + "/{**rest}", (HttpContext http) => ServeAsync(api, http));
        app.MapPut(LocalUploadAccessIssuer.RoutePrefix + "{ticket}", (HttpContext http, string ticket) => uploads.PutAsync(http, ticket));

        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        issuer.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return new PortalServer(app, ingest, new Uri(issuer.BaseUrl, PortalApi.Prefix));
    }

    /// <summary>Until Ctrl+C (serve) or disposal (tests).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    private static async Task ServeAsync(PortalApi api, HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var reply = await api.HandleAsync(new PortalRequest(http.Request.Method, path[Math.Min(path.Length, PortalApi.Prefix.Length)..],
            http.Request.Headers.Authorization.FirstOrDefault(), http.Request.Body, http.Connection.RemoteIpAddress?.ToString()),
            http.RequestAborted);
        http.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers) http.Response.Headers[name] = value;
        await http.Response.Body.WriteAsync(reply.Body, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _ingest.DisposeAsync();
    }
}
