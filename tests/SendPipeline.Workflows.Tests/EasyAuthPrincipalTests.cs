using System.Text;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Workflows.Tests;

/// <summary>The signer in Azure comes only from the principal App Service Authentication validated, and only when it is on.</summary>
public sealed class EasyAuthPrincipalTests
{
    private const string ObjectId = "8d4c1b5e-2f0a-4c1e-9b7a-3e6f5d2c1a90";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("False")]
    public void Read_PlatformAuthNotEnabled_TrustsNoHeaderAndSaysWhy(string? enabled)
    {
        var identity = EasyAuthPrincipal.Read(enabled, EasyAuthPrincipal.Encode(ObjectId, "Alex Morgan", ["la-chief-executive"]));

        Assert.Null(identity.Signer);
        Assert.Equal(PlatformIdentity.NotConfigured, identity.Status);
        Assert.Contains("App Service Authentication", identity.Problem);
    }

    [Fact]
    public void Read_EnabledWithAValidatedPrincipal_IsThatPersonWithTheirAppRoles()
    {
        var identity = EasyAuthPrincipal.Read("True", EasyAuthPrincipal.Encode(ObjectId.ToUpperInvariant(), "Alex Morgan", ["la-chief-executive"]));

        Assert.Equal(("entra:" + ObjectId, "entra-object-id:" + ObjectId, "Alex Morgan"), (identity.Signer?.SignerId, identity.Signer?.CredentialId, identity.Signer?.Name));
        Assert.Equal(["la-chief-executive"], identity.Signer!.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("eyJub3QiOiJhIHByaW5jaXBhbCJ9")]
    public void Read_EnabledWithoutAUsablePrincipal_IsUnauthenticated(string? header)
    {
        var identity = EasyAuthPrincipal.Read("true", header);

        Assert.Equal((null, PlatformIdentity.Unauthenticated), (identity.Signer, identity.Status));
    }

    [Fact]
    public void Decode_PrincipalAsAppServiceWritesIt_ReadsRoleTypeAndObjectIdClaims()
    {
        var json = "{\"auth_typ\":\"aad\",\"name_typ\":\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name\"," +
            "\"role_typ\":\"http://schemas.microsoft.com/ws/2008/06/identity/claims/role\",\"claims\":[" +
            "{\"typ\":\"http://schemas.microsoft.com/identity/claims/objectidentifier\",\"val\":\"" + ObjectId + "\"}," +
            "{\"typ\":\"name\",\"val\":\"Sam Patel\"}," +
            "{\"typ\":\"http://schemas.microsoft.com/ws/2008/06/identity/claims/role\",\"val\":\"icb-chief-executive\"}]}";

        var signer = EasyAuthPrincipal.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(("Sam Patel", "entra:" + ObjectId), (signer?.Name, signer?.SignerId));
        Assert.Equal(["icb-chief-executive"], signer!.Roles);
    }
}
