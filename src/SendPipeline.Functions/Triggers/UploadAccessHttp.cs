using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Portal;

namespace SendPipeline.Functions.Triggers;

/// <summary>
/// <c>POST /api/uploads/access</c> with header <c>X-Submitter-Key</c> and <c>{ "returnType": "school-census",
/// "fileName": "autumn.csv" }</c>: a ten-minute, create-only SAS URL for that one file in the submitter's own
/// folder. Anonymous at the Functions level because the submitter key is the credential; the answer never
/// says whether a key exists, only that it did not authenticate. <c>POST /api/submitter-keys/{keyId}/revoke</c>
/// is the LA's, guarded by a function key like the submission routes: the key stops working at once, and the
/// portal sessions opened with it end at their next request.
/// </summary>
public sealed class UploadAccessHttp(UploadAccess access, SubmitterKeyStore keys)
{
    public const string KeyHeader = "X-Submitter-Key";

    [Function("RequestUploadAccess")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "uploads/access")] HttpRequestData request, FunctionContext context)
    {
        Body? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<Body>(request.Body, PortalJson.Options, context.CancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        var key = request.Headers.TryGetValues(KeyHeader, out var values) ? values.FirstOrDefault() : null;
        var result = body is { ReturnType: { } type, FileName: { } name }
            ? await access.RequestAsync(key, type, name, context.CancellationToken)
            : new UploadAccessResult(UploadAccessResult.BadRequest, null, "Send JSON: { \"returnType\": \"school-census\", \"fileName\": \"autumn.csv\" }.");

        var response = request.CreateResponse((HttpStatusCode)result.Status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        response.Headers.Add("Cache-Control", "no-store");
        object payload = result.Grant is { } grant
            ? new { uploadUrl = grant.UploadUrl, uploadPath = grant.UploadPath, expiresOn = grant.ExpiresOn, method = "PUT", headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" } }
            : new { error = result.Problem };
        await response.WriteStringAsync(JsonSerializer.Serialize(payload, PortalJson.Options));
        return response;
    }

    private sealed record Body(string? ReturnType, string? FileName);

    [Function("RevokeSubmitterKey")]
    public async Task<HttpResponseData> Revoke(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "submitter-keys/{keyId}/revoke")] HttpRequestData request,
        string keyId, FunctionContext context)
    {
        var submitter = await keys.RevokeAsync(keyId, context.CancellationToken);
        var response = request.CreateResponse(submitter is null ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        response.Headers.Add("Cache-Control", "no-store");
        object payload = submitter is null
            ? new { error = $"There is no upload key with id '{keyId}': the id is the 16 characters printed when it was issued." }
            : new
            {
                revoked = keyId.Trim().ToLowerInvariant(),
                submitterId = submitter,
                message = "Revoked: the key no longer signs in, and its portal sessions have ended.",
            };
        await response.WriteStringAsync(JsonSerializer.Serialize(payload, PortalJson.Options));
        return response;
    }
}
