using System.Text;
using System.Text.Json;
using SendPipeline.Core.Submission;

namespace SendPipeline.Workflows.Access;

/// <summary>Who App Service Authentication says the caller is, or why there is no one to trust.</summary>
public sealed record PlatformIdentity(VerifiedSigner? Signer, int Status, string? Problem)
{
    public const int Unauthenticated = 401, NotConfigured = 503;
}

/// <summary>
/// The caller's identity in Azure, taken only from App Service Authentication ("Easy Auth", Entra ID):
/// the platform validates the caller's token, removes any <c>X-MS-CLIENT-PRINCIPAL*</c> header a client
/// sent, and passes the validated claims in <see cref="Header"/> as base64 JSON. That header is trusted
/// only when the platform says authentication is on (<see cref="EnabledSetting"/> = True); without it any
/// client could have written the header, so nothing is trusted. Names typed by the caller (a body's
/// name, <c>X-MS-CLIENT-PRINCIPAL-NAME</c>) are never read: the name comes from the token's claims.
/// The person is the Entra object id, and the roles are the app roles (spec 4.7's five) assigned to them.
/// </summary>
public static class EasyAuthPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Set to True by App Service when authentication (<c>authsettingsV2</c>) is enabled on the app.</summary>
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public const string NotEnabledProblem =
        "Sign-off over HTTP needs App Service Authentication with Entra ID in front of the app, and it is not " +
        "enabled here, so no caller's identity can be trusted and nothing was signed. Deploy with " +
        "SENDPIPELINE_SIGNOFF_CLIENT_ID set (infra/README.md, 'Sign-off identities'), or sign locally with " +
        "sendpipeline signoff and a signer key.";

    public const string NotSignedInProblem =
        "Sign in with your Entra ID account: call with a bearer token for the app, e.g. from " +
        "az account get-access-token --resource api://CLIENT-ID (infra/README.md, 'Sign-off identities'). " +
        "Nothing was signed.";

    public static bool IsPlatformEnabled(string? setting) =>
        string.Equals(setting?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="enabledSetting">The value of <see cref="EnabledSetting"/> in the app's environment.</param>
    /// <param name="header">The value of <see cref="Header"/>, if the request had one.</param>
    public static PlatformIdentity Read(string? enabledSetting, string? header)
    {
        if (!IsPlatformEnabled(enabledSetting)) return new(null, PlatformIdentity.NotConfigured, NotEnabledProblem);
        return Decode(header) is { } signer
            ? new(signer, 200, null)
            : new(null, PlatformIdentity.Unauthenticated, NotSignedInProblem);
    }

    /// <summary>The signer in a principal header; null if missing, malformed, not Entra ID or no object id.</summary>
    public static VerifiedSigner? Decode(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024) return null;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header.Trim()));
            var root = json.RootElement;
            if (Text(root, "auth_typ") is not ("aad" or "AzureActiveDirectory")) return null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            var nameType = Text(root, "name_typ") ?? "name";
            var roleType = Text(root, "role_typ") ?? RoleClaim;
            var pairs = claims.EnumerateArray()
                .Select(c => (Type: Text(c, "typ") ?? "", Value: Text(c, "val") ?? "")).ToList();
            string? First(params string[] types) =>
                pairs.FirstOrDefault(p => types.Contains(p.Type, StringComparer.Ordinal) && p.Value.Length > 0).Value;

            if (First(ObjectIdClaim, "oid") is not { } objectId || !Guid.TryParse(objectId, out var oid)) return null;
            var name = First("name", nameType, "preferred_username") ?? objectId;
            var roles = pairs.Where(p => p.Type == roleType || p.Type is "roles" or RoleClaim).Select(p => p.Value)
                .Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var id = oid.ToString("D");
            return new VerifiedSigner("entra:" + id, name.Trim(), "entra-object-id:" + id, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException
                                       or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A principal header as App Service writes it, for tests and local tools.</summary>
    public static string Encode(string objectId, string name, IEnumerable<string> roles) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["auth_typ"] = "aad",
            ["name_typ"] = "name",
            ["role_typ"] = "roles",
            ["claims"] = (IEnumerable<object>)[
                new { typ = ObjectIdClaim, val = objectId },
                new { typ = "name", val = name },
                .. roles.Select(r => new { typ = "roles", val = r })],
        }));

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
