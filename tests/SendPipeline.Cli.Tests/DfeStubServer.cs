using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SendPipeline.Cli.Tests;

/// <summary>A real local HTTP endpoint standing in for the DfE: records every POST and answers 202.</summary>
internal sealed class DfeStubServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public sealed record Received(string? IdempotencyKey, string? Quarter, string? Status, byte[] Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url { get; }

    public DfeStubServer()
    {
        Url = $"http://127.0.0.1:{FreePort()}/returns/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Requests.Enqueue(new Received(context.Request.Headers["Idempotency-Key"], context.Request.Headers["X-Quarter"],
                context.Request.Headers["X-Package-Status"], body.ToArray()));
            context.Response.StatusCode = 202;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
