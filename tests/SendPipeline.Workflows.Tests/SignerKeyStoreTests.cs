using SendPipeline.Core.Submission;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Workflows.Tests;

/// <summary>The register of signer keys: one person per role and one role per person, hashed, revocable.</summary>
public sealed class SignerKeyStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-signerkeys-" + Guid.NewGuid().ToString("N"));
    private readonly SignerKeyStore _keys;

    public SignerKeyStoreTests() => _keys = new SignerKeyStore(new LocalFolderStore(_root), TimeProvider.System);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Issue_OneNameForAllFiveRoles_IsRefusedAfterTheFirstSayingWhy()
    {
        var issues = new List<SignerKeyIssue>();
        foreach (var role in SignOffRoles.All) issues.Add(await _keys.IssueAsync(role.Id, role == SignOffRoles.LaChiefExecutive ? "Made Up" : " made   UP "));

        Assert.NotNull(issues[0].Issued);
        Assert.All(issues.Skip(1), i => Assert.Null(i.Issued));
        Assert.Contains("Made Up already holds the LA Chief Executive sign-off", issues[1].Problem);
        Assert.Contains("one person cannot hold two roles", issues[1].Problem);
        Assert.Single(await _keys.ListAsync());
    }

    [Fact]
    public async Task Issue_RoleHeldBySomeoneElse_IsRefusedUntilTheirKeyIsRevoked()
    {
        var first = (await _keys.IssueAsync("icb-chief-executive", "Sam Patel")).Issued!;

        var refused = await _keys.IssueAsync("icb-chief-executive", "Jordan Reid");
        await _keys.RevokeAsync(first.KeyId);
        var handedOver = await _keys.IssueAsync("icb-chief-executive", "Jordan Reid");

        Assert.Contains($"held by Sam Patel (key {first.KeyId})", refused.Problem);
        Assert.NotNull(handedOver.Issued);
    }

    [Fact]
    public async Task Authenticate_IssuedKey_IsItsHolderAndRoleUntilRevoked_AndOnlyItsHashIsStored()
    {
        var issued = (await _keys.IssueAsync("la-chief-executive", "Alex  Morgan")).Issued!;

        var signer = await _keys.AuthenticateAsync(issued.Key);
        Assert.Equal(("Alex Morgan", "signer-key:" + issued.KeyId, "local:alex-morgan"), (signer?.Name, signer?.CredentialId, signer?.SignerId));
        Assert.Equal(["la-chief-executive"], signer!.Roles);
        Assert.Null(await _keys.AuthenticateAsync(issued.Key[..^1] + (issued.Key[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await _keys.AuthenticateAsync("Alex Morgan"));
        Assert.DoesNotContain(issued.Key["signer.".Length..], string.Concat(Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));

        Assert.NotNull(await _keys.RevokeAsync(issued.KeyId));
        Assert.Null(await _keys.AuthenticateAsync(issued.Key));
        Assert.Null(await _keys.RevokeAsync("not-a-key-id"));
    }
}
