using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SendPipeline.Workflows.Portal;

namespace SendPipeline.Functions.Triggers;

/// <summary>
/// The upload portal (issue 8) in Azure: <c>/api/portal</c> and everything under it, handed whole to
/// <see cref="PortalApi"/>, the same routes <c>sendpipeline serve</c> maps. Anonymous at the Functions level
/// because the portal's own session (from the submitter's upload key) is the credential. The file itself
/// never passes through here: the page PUTs it to blob storage with the create-only SAS, and the Event Grid
/// blob trigger ingests it; the page polls the upload's record.
/// </summary>
public sealed class PortalHttp(PortalApi portal)
{
    [Function("Portal")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "delete", Route = "portal/{*rest}")] HttpRequestData request, string? rest,
        FunctionContext context)
    {
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.FirstOrDefault() : null;
        var portalRequest = new PortalRequest(request.Method, "/" + (rest ?? ""), authorization, request.Body, ClientAddress(request));
        var reply = await portal.HandleAsync(portalRequest, context.CancellationToken);
        var response = request.CreateResponse((HttpStatusCode)reply.Status);
        foreach (var (name, value) in reply.Headers) response.Headers.Add(name, value);
        await response.Body.WriteAsync(reply.Body, context.CancellationToken);
        return response;
    }

    /// <summary>
    /// The caller's address for the sign-in rate limit: App Service's front end appends the address it
    /// received the connection from to <c>X-Forwarded-For</c>, so the last entry is the one a client cannot
    /// write (any it sent come before it). The port, when given, is dropped.
    /// </summary>
    internal static string? ClientAddress(HttpRequestData request)
    {
        if (!request.Headers.TryGetValues("X-Forwarded-For", out var values)) return null;
        var last = string.Join(",", values)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (last is null) return null;
        return System.Net.IPEndPoint.TryParse(last, out var endPoint) ? endPoint.Address.ToString() : last;
    }
}
