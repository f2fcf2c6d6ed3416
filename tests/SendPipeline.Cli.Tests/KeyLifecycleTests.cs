using SendPipeline.Cli.Portal;
using SendPipeline.Storage;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Tests;

/// <summary>Keys the LA issues can be revoked from the command line, and serve's upload tickets do not outlive their grant.</summary>
public sealed class KeyLifecycleTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SubmitterKey_RevokedById_NoLongerSignsIn()
    {
        var issued = await CliRunner.Run("submitter-key", "--submitter", "8552001", "--store", _dir);
        var key = issued.Out.Split('\n')[1].Trim();
        var keys = new SubmitterKeyStore(StoreFactory.Create(_dir).Tables, TimeProvider.System);
        Assert.NotNull(await keys.AuthenticateAsync(key));
        var id = SubmitterKeyStore.KeyIdOf(SendPipeline.Core.Uploads.SubmitterKeys.HashOf(key));
        Assert.Contains($"--revoke {id}", issued.Out);

        var revoked = await CliRunner.Run("submitter-key", "--revoke", id, "--store", _dir);
        var unknown = await CliRunner.Run("submitter-key", "--revoke", "0000000000000000", "--store", _dir);

        Assert.True(revoked.Exit == 0, revoked.Out + revoked.Err);
        Assert.Contains("Revoked upload key", revoked.Out);
        Assert.Null(await keys.AuthenticateAsync(key));
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("There is no upload key with id", unknown.Out);
    }

    [Fact]
    public async Task SignerKey_RefusesASecondRoleForOnePerson_ListsAndRevokes()
    {
        var first = await CliRunner.Run("signer-key", "--role", "la-chief-executive", "--name", "Alex Morgan", "--store", _dir);
        var second = await CliRunner.Run("signer-key", "--role", "icb-chief-executive", "--name", "Alex Morgan", "--store", _dir);
        var badRole = await CliRunner.Run("signer-key", "--role", "mayor", "--name", "Alex Morgan", "--store", _dir);
        var id = first.Out.Split("key id ")[1][..16];

        var revoked = await CliRunner.Run("signer-key", "--revoke", id, "--store", _dir);
        var listed = await CliRunner.Run("signer-key", "--list", "--store", _dir);

        Assert.Equal(0, first.Exit);
        Assert.Equal(1, second.Exit);
        Assert.Contains("one person cannot hold two roles", second.Out);
        Assert.Equal(2, badRole.Exit);
        Assert.Equal(0, revoked.Exit);
        Assert.Contains($"{id}  la-chief-executive", listed.Out);
        Assert.Contains("(revoked)", listed.Out);
    }

    [Fact]
    public async Task LocalUploadTicket_Expired_IsRefusedAndPurged()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var issuer = new LocalUploadAccessIssuer(clock) { BaseUrl = new Uri("http://127.0.0.1:5080/") };
        var expiring = await issuer.GrantCreateAsync("uploads/8552001/school-census/a.csv", UploadAccess.Lifetime);
        var unused = await issuer.GrantCreateAsync("uploads/8552001/school-census/b.csv", UploadAccess.Lifetime);
        Assert.Equal(2, issuer.Outstanding);

        clock.Advance(UploadAccess.Lifetime);
        var redeemed = issuer.Redeem(expiring.UploadUrl.Segments[^1]);

        Assert.Null(redeemed);
        Assert.Equal(0, issuer.Outstanding);
        Assert.Null(issuer.Redeem(unused.UploadUrl.Segments[^1]));
        var fresh = await issuer.GrantCreateAsync("uploads/8552001/school-census/c.csv", UploadAccess.Lifetime);
        Assert.Equal("uploads/8552001/school-census/c.csv", issuer.Redeem(fresh.UploadUrl.Segments[^1]));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
