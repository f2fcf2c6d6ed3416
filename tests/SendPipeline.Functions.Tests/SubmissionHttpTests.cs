using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Core.Submission;
using SendPipeline.Functions.Triggers;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// <c>POST /api/submissions/{quarter}/signoffs</c>: the signer is only ever the principal App Service
/// Authentication validated, and only when the platform says it is on; their app roles decide what they may sign.
/// </summary>
public sealed class SubmissionHttpTests : IDisposable
{
    private const string Quarter = "2025-26-Q3";
    private const string CeoObjectId = "8d4c1b5e-2f0a-4c1e-9b7a-3e6f5d2c1a90";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-signhttp-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private readonly SubmissionActivities _activities;

    public SubmissionHttpTests()
    {
        _store = new LocalFolderStore(_root);
        _activities = new SubmissionActivities(_store, _store, new PipelineOptions("855"), TimeProvider.System, null, NullLogger<SubmissionActivities>.Instance);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private SubmissionHttp Http(string? authEnabled) => new(_activities,
        new ConfigurationBuilder().AddInMemoryCollection(authEnabled is null ? [] : [new(EasyAuthPrincipal.EnabledSetting, authEnabled)]).Build(),
        NullLogger<SubmissionHttp>.Instance);

    private async Task<(HttpStatusCode Status, JsonElement Body)> Sign(SubmissionHttp http, string role, string hash, params (string Name, string Value)[] headers)
    {
        var context = Mock.Of<FunctionContext>(c => c.CancellationToken == CancellationToken.None);
        var body = JsonSerializer.Serialize(new { role, name = "Typed Name", snapshotHash = hash });
        var response = (FakeResponse)await http.Sign(new FakeRequest(context, "POST", body, headers), Quarter, context);
        return (response.StatusCode, JsonDocument.Parse(response.Text).RootElement);
    }

    private async Task<string> CurrentHash() => (await _activities.FreezeSnapshotAsync(new SubmissionRequest("2025-26 Q3"))).Hash;

    private static (string, string) Principal(string objectId, string name, params string[] roles) =>
        (EasyAuthPrincipal.Header, EasyAuthPrincipal.Encode(objectId, name, roles));

    [Fact]
    public async Task Sign_WithoutPlatformAuth_IgnoresCallerSuppliedPrincipalHeaders_AndRecordsNothing()
    {
        var hash = await CurrentHash();

        var (status, body) = await Sign(Http(authEnabled: null), "la-chief-executive", hash,
            ("X-MS-CLIENT-PRINCIPAL-NAME", "Made Up"), Principal(CeoObjectId, "Made Up", "la-chief-executive"));
        var (statusFalse, _) = await Sign(Http(authEnabled: "False"), "la-chief-executive", hash, Principal(CeoObjectId, "Made Up", "la-chief-executive"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (status, statusFalse));
        Assert.Contains("App Service Authentication", body.GetProperty("error").GetString());
        Assert.Empty(await new SignOffStore(_store).ReadAsync("2025-26 Q3"));
    }

    [Fact]
    public async Task Sign_PlatformAuthOnButNoPrincipal_Is401EvenWithANameHeader()
    {
        var (status, body) = await Sign(Http("True"), "la-chief-executive", await CurrentHash(), ("X-MS-CLIENT-PRINCIPAL-NAME", "Made Up"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Sign in with your Entra ID account", body.GetProperty("error").GetString());
        Assert.Empty(await new SignOffStore(_store).ReadAsync("2025-26 Q3"));
    }

    [Fact]
    public async Task Sign_ValidatedPrincipalWithTheRole_IsRecordedUnderTheirObjectIdAndTokenName_AndTheManifestSaysSo()
    {
        var hash = await CurrentHash();

        var (status, body) = await Sign(Http("True"), "la-chief-executive", hash, Principal(CeoObjectId, "Alex Morgan", "la-chief-executive"));
        await _activities.PublishPackageAsync(await _activities.FreezeSnapshotAsync(new SubmissionRequest("2025-26 Q3")));

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        var recorded = Assert.Single(await new SignOffStore(_store).ReadAsync("2025-26 Q3"));
        Assert.Equal(("Alex Morgan", "entra:" + CeoObjectId, "entra-object-id:" + CeoObjectId), (recorded.Name, recorded.SignerId, recorded.CredentialId));
        await using var json = await _store.OpenReadAsync("submissions/2025-26-Q3/v1/manifest.json");
        var signed = Assert.Single(PackageManifest.Read(json).SignOffs);
        Assert.Equal(("la-chief-executive", "entra-object-id:" + CeoObjectId), (signed.Role, signed.CredentialId));
    }

    [Fact]
    public async Task Sign_RoleNotAssignedToThePrincipal_Is403_AndOnePrincipalCannotSignASecondRole()
    {
        var hash = await CurrentHash();
        var http = Http("True");

        var (wrongRole, _) = await Sign(http, "icb-chief-executive", hash, Principal(CeoObjectId, "Alex Morgan", "la-chief-executive"));
        var everyRole = SignOffRoles.All.Select(r => r.Id).ToArray();
        var (first, _) = await Sign(http, "la-chief-executive", hash, Principal(CeoObjectId, "Alex Morgan", everyRole));
        var (second, secondBody) = await Sign(http, "icb-chief-executive", hash, Principal(CeoObjectId, "Alex Morgan", everyRole));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Conflict), (wrongRole, first, second));
        Assert.Contains("one person cannot sign two roles", secondBody.GetProperty("message").GetString());
        Assert.Single(await new SignOffStore(_store).ReadAsync("2025-26 Q3"));
    }
}
