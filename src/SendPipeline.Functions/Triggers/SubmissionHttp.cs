using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Portal;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Triggers;

/// <summary>
/// The submission by hand, for officers: start a quarter's run, and sign a snapshot. Function-level keys
/// guard both. A signature also needs the signer's own identity, and that comes only from App Service
/// Authentication (Entra ID): the validated principal it injects (<see cref="EasyAuthPrincipal"/>), trusted
/// only when the platform says authentication is on; the role signed must be one of the app roles
/// assigned to them. No name or principal a caller writes in the body or a header is read.
/// </summary>
public sealed class SubmissionHttp(
    SubmissionActivities activities, IConfiguration configuration, ILogger<SubmissionHttp> logger)
{

    /// <summary><c>POST /api/submissions/2026-27-Q2</c>: runs the quarter (add <c>?deliver=false</c> to publish without posting).</summary>
    [Function("StartSubmission")]
    public async Task<HttpResponseData> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "submissions/{quarter}")] HttpRequestData request, string quarter,
        [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        if (!TryQuarter(quarter, out var parsed, out var problem)) return await Json(request, HttpStatusCode.BadRequest, new { error = problem });
        var deliver = !string.Equals(request.Query["deliver"], "false", StringComparison.OrdinalIgnoreCase);
        var (instanceId, started) = await SubmissionStarter.StartAsync(client, new SubmissionRequest(parsed, deliver), logger, context.CancellationToken);
        return await Json(request, started ? HttpStatusCode.Accepted : HttpStatusCode.Conflict,
            new { instanceId, started, message = started ? $"The {parsed} submission has started." : $"A {parsed} submission is already running." });
    }

    /// <summary>
    /// <c>POST /api/submissions/2026-27-Q2/signoffs</c> with <c>{ "role": "...", "snapshotHash": "..." }</c>, as the
    /// signer's Entra identity: 503 when App Service Authentication is not on, 401 without a validated
    /// principal, 403 for a role not assigned to them, 201 when recorded, 409 when refused (the reason given).
    /// </summary>
    [Function("SignSubmission")]
    public async Task<HttpResponseData> Sign(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "submissions/{quarter}/signoffs")] HttpRequestData request, string quarter,
        FunctionContext context)
    {
        if (!TryQuarter(quarter, out var parsed, out var problem)) return await Json(request, HttpStatusCode.BadRequest, new { error = problem });
        var header = request.Headers.TryGetValues(EasyAuthPrincipal.Header, out var principal)
            ? principal.FirstOrDefault() : null;
        var identity = EasyAuthPrincipal.Read(configuration[EasyAuthPrincipal.EnabledSetting], header);
        if (identity.Signer is not { } signer)
            return await Json(request, (HttpStatusCode)identity.Status, new { error = identity.Problem });
        SignOffBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SignOffBody>(request.Body, PortalJson.Options, context.CancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
            return await Json(request, HttpStatusCode.BadRequest,
                new { error = "Send JSON: { \"role\": \"la-chief-executive\", \"snapshotHash\": \"...\" }." });
        if (SignOffRoles.Find(body.Role ?? "") is { } role && !signer.Roles.Contains(role.Id, StringComparer.OrdinalIgnoreCase))
            return await Json(request, HttpStatusCode.Forbidden, new
            {
                error = $"{signer.Name} does not hold the {role.Title} sign-off: that app role is not assigned to them " +
                    "in Entra ID. Nothing was signed.",
            });
        var signOff = new SignOffRequest(parsed, body.Role ?? "", body.SnapshotHash ?? "", signer);
        var result = await activities.SignAsync(signOff, context.CancellationToken);
        return await Json(request, result.Recorded ? HttpStatusCode.Created : HttpStatusCode.Conflict, result);
    }

    private sealed record SignOffBody(string? Role, string? SnapshotHash);

    private static bool TryQuarter(string text, out string quarter, out string problem)
    {
        // The route carries 2026-27-Q2 (no space); the quarter is written 2026-27 Q2 everywhere else.
        var spaced = text.Length == 10 && text[7] == '-' ? text[..7] + " " + text[8..] : text;
        try
        {
            quarter = QuarterPaths.Parse(spaced).ToString();
            problem = "";
            return true;
        }
        catch (ArgumentException)
        {
            quarter = "";
            problem = $"'{text}' is not a financial quarter: use 2026-27-Q2 in the URL.";
            return false;
        }
    }

    private static async Task<HttpResponseData> Json(HttpRequestData request, HttpStatusCode status, object body)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await response.WriteStringAsync(JsonSerializer.Serialize(body, PortalJson.Options));
        return response;
    }
}
