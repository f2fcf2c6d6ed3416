using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>A clock that always says the same time, so two runs publish the same bytes.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// A quarter ready to publish as final on a given store: a small snapshot whose blocking check passes,
/// stored under its hash, signed by all five roles. Publishing and delivering go through the real activities.
/// </summary>
internal sealed class SignedQuarter(IBlobStore blobs, ITableStore tables, string quarter)
{
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 7, 0, 0, TimeSpan.Zero);

    public string Quarter { get; } = quarter;

    public SubmissionSnapshot Snapshot { get; } = new("855", QuarterPaths.Parse(quarter),
        [SubmissionTable.Create(SubmissionTables.HnbFinance, [LaIdentity.Of("855").Row("202425", "1.2.1", "Actual", 100m)])],
        [new CheckResult("SUB-003", "Finance", true, true, "ok", [])],
        [new LineageEntry("hnb-finance", "u1", "uploads/la/hnb-finance/a.csv", new string('c', 64))],
        [new AssumptionsLineage(AssumptionsLineage.ShippedDefaults, "default", new string('d', 64))], "rules1");

    public SnapshotRef Reference => new(Quarter, Snapshot.Hash, QuarterPaths.Snapshot(Quarter, Snapshot.Hash), []);

    public async Task SaveAndSignAsync()
    {
        await new SnapshotStore(blobs).SaveAsync(Snapshot);
        var signOffs = new SignOffStore(tables);
        var at = Now.AddDays(-1);
        foreach (var role in SignOffRoles.All)
        {
            at = at.AddMinutes(1);
            await signOffs.RecordAsync(Quarter, new SignOff(role.Id, "Officer " + role.Id, at, Snapshot.Hash,
                SignerId: "signer-" + role.Id, CredentialId: "key-" + role.Id));
        }
    }

    public SubmissionActivities Activities(DfeDeliveryClient? delivery, IBlobStore? blobStore = null, ITableStore? tableStore = null) =>
        new(blobStore ?? blobs, tableStore ?? tables, new PipelineOptions("855"), new FixedClock(Now), delivery, NullLogger<SubmissionActivities>.Instance);

    public static DfeDeliveryClient Client(HttpClient http, Uri endpoint) =>
        new(http, new DeliveryOptions(endpoint) { MaxAttempts = 2, InitialBackoff = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(10) },
            NullLogger<DfeDeliveryClient>.Instance);
}
