using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>Snapshots, package versions and sign-offs on a real local store: written once, never trusted blindly.</summary>
public sealed class SubmissionStoresTests : IDisposable
{
    private const string Quarter = "2025-26 Q3";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-submission-stores-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;

    public SubmissionStoresTests() => _store = new LocalFolderStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SubmissionSnapshot Snapshot(decimal amount = 100m) => new("855", new FinancialQuarter(new FinancialYear(2025), 3),
        [SubmissionTable.Create(SubmissionTables.HnbFinance, [LaIdentity.Of("855").Row("202425", "1.2.1", "Actual", amount)])],
        [new CheckResult("SUB-003", "Finance", true, true, "ok", [])],
        [new LineageEntry("hnb-finance", "u1", "uploads/la/hnb-finance/a.csv", new string('c', 64))],
        [new AssumptionsLineage(AssumptionsLineage.ShippedDefaults, "default", new string('d', 64))], "rules1");

    [Fact]
    public async Task Snapshot_SavedAndLoaded_IsTheSameSnapshot()
    {
        var snapshot = Snapshot();
        var store = new SnapshotStore(_store);

        await store.SaveAsync(snapshot);
        await store.SaveAsync(snapshot);
        var loaded = await store.LoadAsync(Quarter, snapshot.Hash);

        Assert.Equal(snapshot.Hash, loaded.Hash);
        Assert.Equal(snapshot.Tables[0].Csv, loaded.Tables[0].Csv);
        Assert.Equal(SubmissionTables.HnbFinance, loaded.Tables[0].Definition);
        Assert.Equal([["202425", "Local authority", "E10000018", "855", "Leicestershire", "1.2.1", "Actual", 100m]],
            loaded.Tables[0].Rows());
    }

    [Fact]
    public async Task Snapshot_AlteredInStorage_IsRefusedWhenLoaded()
    {
        var snapshot = Snapshot();
        var folder = (await new SnapshotStore(_store).SaveAsync(snapshot)).Folder;
        var csv = Path.Combine(_root, folder, "hnb-finance.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace(",100.00\n", ",999.00\n", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new SnapshotStore(_store).LoadAsync(Quarter, snapshot.Hash));

        Assert.Contains("altered", error.Message);
    }

    [Fact]
    public async Task Package_VersionLeftIncomplete_IsNeitherReadNorReused()
    {
        var packages = new PackageStore(_store);
        var snapshot = Snapshot();
        var state = SignOffState.Evaluate([], snapshot.Hash);
        await packages.WriteAsync(Quarter, 1, SubmissionPackager.Build(snapshot, state, 1, DateTimeOffset.UnixEpoch));
        // A run that died after its first file: v2 has a workbook and no manifest.
        await _store.WriteAsync("submissions/2025-26-Q3/v2/dfe-return.xlsx", new MemoryStream([1, 2, 3]), overwrite: false);

        var latest = await packages.LatestAsync(Quarter);
        var next = await packages.NextVersionAsync(Quarter);

        Assert.Equal(1, latest!.Version);
        Assert.Equal(3, next);
    }

    [Fact]
    public async Task Package_WrittenTwiceUnderOneVersion_IsRefusedAndTheFirstKept()
    {
        var packages = new PackageStore(_store);
        var snapshot = Snapshot();
        var files = SubmissionPackager.Build(snapshot, SignOffState.Evaluate([], snapshot.Hash), 1, DateTimeOffset.UnixEpoch);
        await packages.WriteAsync(Quarter, 1, files);
        var other = SubmissionPackager.Build(Snapshot(200m), SignOffState.Evaluate([], snapshot.Hash), 1, DateTimeOffset.UnixEpoch);

        await Assert.ThrowsAsync<InvalidOperationException>(() => packages.WriteAsync(Quarter, 1, other));

        Assert.Equal(files.Single(f => f.Name == "hnb-finance.csv").Content, File.ReadAllBytes(Path.Combine(_root, "submissions/2025-26-Q3/v1/hnb-finance.csv")));
    }

    [Fact]
    public async Task SignOffs_AreKeptAsAnAuditTrail()
    {
        var signOffs = new SignOffStore(_store);
        var at = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);

        await signOffs.RecordAsync(Quarter, new SignOff("la-chief-executive", "First", at, "h1"));
        await signOffs.RecordAsync(Quarter, new SignOff("la-chief-executive", "Second", at.AddMinutes(1), "h2"));

        var all = await signOffs.ReadAsync(Quarter);
        Assert.Equal(["First", "Second"], all.Select(s => s.Name));
        Assert.Equal(at, all[0].SignedUtc);
    }

    [Fact]
    public async Task SignOffs_RecordWhoSignedAndWithWhichCredential()
    {
        var signOffs = new SignOffStore(_store);
        var at = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);

        await signOffs.RecordAsync(Quarter, new SignOff("la-chief-executive", "Alex Morgan", at, "h1", "local:alex-morgan", "signer-key:0123456789abcdef"));

        var read = Assert.Single(await signOffs.ReadAsync(Quarter));
        Assert.Equal(("local:alex-morgan", "signer-key:0123456789abcdef"), (read.SignerId, read.CredentialId));
    }

    private SubmissionActivities Activities() =>
        new(_store, _store, new PipelineOptions("855"), TimeProvider.System, null, NullLogger<SubmissionActivities>.Instance);

    [Fact]
    public async Task Sign_UnknownRoleOrNoCredential_IsRefusedSayingWhatToDo()
    {
        var activities = Activities();
        var keys = new SignerKeyStore(_store, TimeProvider.System);
        var current = await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter));
        var key = (await keys.IssueAsync("la-chief-executive", "Alex Morgan")).Issued!;
        var signer = await keys.AuthenticateAsync(key.Key);

        var mayor = await activities.SignAsync(new SignOffRequest(Quarter, "mayor", current.Hash, signer));
        var uncredentialed = await activities.SignAsync(new SignOffRequest(Quarter, "la-chief-executive", current.Hash, null));
        var signed = await activities.SignAsync(new SignOffRequest(Quarter, "LA-Chief-Executive", current.Hash[..12], signer));

        Assert.False(mayor.Recorded);
        Assert.Contains("la-chief-executive, icb-chief-executive", mayor.Message);
        Assert.False(uncredentialed.Recorded);
        Assert.Contains("No valid sign-off credential", uncredentialed.Message);
        Assert.True(signed.Recorded, signed.Message);
        Assert.Equal(4, signed.MissingRoles.Count);
        var recorded = Assert.Single(await new SignOffStore(_store).ReadAsync(Quarter));
        Assert.Equal(("Alex Morgan", "signer-key:" + key.KeyId), (recorded.Name, recorded.CredentialId));
    }

    [Fact]
    public async Task Sign_MadeUpRevokedOrWrongRoleKey_DoesNotCount()
    {
        var activities = Activities();
        var keys = new SignerKeyStore(_store, TimeProvider.System);
        var current = await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter));
        var cfo = (await keys.IssueAsync("la-chief-financial-officer", "Robin Hughes")).Issued!;
        var revoked = (await keys.IssueAsync("la-chief-executive", "Alex Morgan")).Issued!;
        await keys.RevokeAsync(revoked.KeyId);
        var madeUp = SignerKeys.Prefix + new string('A', 43);

        var results = new[]
        {
            await activities.SignAsync(new SignOffRequest(Quarter, "la-chief-executive", current.Hash, await keys.AuthenticateAsync(madeUp))),
            await activities.SignAsync(new SignOffRequest(Quarter, "la-chief-executive", current.Hash, await keys.AuthenticateAsync(revoked.Key))),
            await activities.SignAsync(new SignOffRequest(Quarter, "la-chief-executive", current.Hash, await keys.AuthenticateAsync(cfo.Key))),
        };

        Assert.All(results, r => Assert.False(r.Recorded));
        Assert.Contains("does not hold the LA Chief Executive sign-off", results[2].Message);
        Assert.Empty(await new SignOffStore(_store).ReadAsync(Quarter));
        Assert.Contains("la-chief-executive", results[2].MissingRoles);
    }

    [Fact]
    public async Task Sign_KeyRevokedAfterItSigned_ItsSignatureNoLongerCounts()
    {
        var activities = Activities();
        var keys = new SignerKeyStore(_store, TimeProvider.System);
        var current = await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter));
        var ceo = (await keys.IssueAsync("la-chief-executive", "Alex Morgan")).Issued!;
        var signed = await activities.SignAsync(
            new SignOffRequest(Quarter, "la-chief-executive", current.Hash, await keys.AuthenticateAsync(ceo.Key)));
        Assert.True(signed.Recorded);
        Assert.DoesNotContain("la-chief-executive", signed.MissingRoles);

        // The key was lost: revoking it must take back what it signed, or a thief's signature would stand.
        await keys.RevokeAsync(ceo.KeyId);
        var cfo = (await keys.IssueAsync("la-chief-financial-officer", "Robin Hughes")).Issued!;
        var after = await activities.SignAsync(
            new SignOffRequest(Quarter, "la-chief-financial-officer", current.Hash, await keys.AuthenticateAsync(cfo.Key)));

        Assert.True(after.Recorded);
        Assert.Contains("la-chief-executive", after.MissingRoles);
        Assert.Single(await new SignOffStore(_store).ReadAsync(Quarter), s => s.Role == "la-chief-executive");
    }

    [Fact]
    public async Task Sign_OneEntraPrincipalHoldingEveryAppRole_SignsOneRoleOnly()
    {
        var activities = Activities();
        var current = await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter));
        var everything = EasyAuthPrincipal.Decode(EasyAuthPrincipal.Encode(Guid.NewGuid().ToString(), "Made Up", SignOffRoles.All.Select(r => r.Id)))!;

        var results = new List<SignOffResult>();
        foreach (var role in SignOffRoles.All) results.Add(await activities.SignAsync(new SignOffRequest(Quarter, role.Id, current.Hash, everything)));

        Assert.True(results[0].Recorded);
        Assert.All(results.Skip(1), r => Assert.False(r.Recorded));
        Assert.Contains("one person cannot sign two roles", results[1].Message);
        Assert.Equal(4, results[^1].MissingRoles.Count);
    }
}
