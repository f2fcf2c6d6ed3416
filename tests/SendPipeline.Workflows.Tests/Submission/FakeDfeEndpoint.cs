using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>A request as the endpoint received it.</summary>
internal sealed record ReceivedRequest(string Method, string Path, Dictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that plays the DfE endpoint: it records
/// every request and answers them in turn from a script; once the script runs out it answers 202.
/// </summary>
internal sealed class FakeDfeEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script;

    private FakeDfeEndpoint(WebApplication app, IEnumerable<Func<HttpContext, Task>> script)
    {
        _app = app;
        _script = new ConcurrentQueue<Func<HttpContext, Task>>(script);
    }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeDfeEndpoint> StartAsync(params Func<HttpContext, Task>[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var endpoint = new FakeDfeEndpoint(builder.Build(), script);
        endpoint._app.Run(endpoint.HandleAsync);
        await endpoint._app.StartAsync();
        var address = endpoint._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(address + "/submissions");
        return endpoint;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        Requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
        if (_script.TryDequeue(out var answer)) await answer(context);
        else context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>Answers with a status, optional headers and an optional body (JSON when it starts with '{').</summary>
    public static Func<HttpContext, Task> Reply(int status, string? body = null, params (string Name, string Value)[] headers) => async context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        if (body is null) return;
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
        await context.Response.WriteAsync(body);
    };

    /// <summary>Answers only after the client has given up waiting.</summary>
    public static Func<HttpContext, Task> Hang() => async context =>
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and closed the connection, as the test intends.
        }
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
