using SendPipeline.Core.Reference;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Ports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using static SendPipeline.Functions.Tests.DurableIngestHarness;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// The real orchestrators and activities on a real local store, in the in-process Durable host:
/// uploads ingested all at once must end in exactly the state of ingesting them one by one.
/// </summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-concurrent-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string Shared = Upn.Create("855200125900");

    private static DateTime At(int minute) => new(2026, 1, 20, 9, minute, 0, DateTimeKind.Utc);

    /// <summary>Census uploads, each with a fixed receipt time so both runs see the same order.</summary>
    private static readonly TestUpload[] Uploads =
    [
        new("uploads/8552001/school-census/jan.csv", Census("8552001", 3, Shared), At(1)),
        new("uploads/8552001/school-census/jan-corrected.csv", Census("8552001", 4, Shared), At(5)),
        new("uploads/8552002/school-census/jan.csv", Census("8552002", 2, Shared), At(2)),
        new("uploads/8552003/school-census/jan.csv", Census("8552003", 2, null).Replace(",F,", ",Q,", StringComparison.Ordinal), At(3)),
        new("uploads/8552004/school-census/jan.csv", Census("8552004", 5, null), At(4)),
        new("uploads/8552004/school-census/again.csv", Census("8552004", 1, null), At(6)),
    ];

    [Fact]
    public async Task Uploads_ingested_concurrently_end_in_the_state_of_ingesting_them_one_by_one()
    {
        var sequential = Seed(Path.Combine(_root, "sequential"), Uploads);
        await SweepAsync(sequential);

        var concurrent = Seed(Path.Combine(_root, "concurrent"), Uploads);
        await using (var host = await StartAsync(concurrent))
        {
            var requests = await RequestsAsync(concurrent, Uploads);
            // Every upload triggered at once, and one delivered twice: the duplicate must do nothing.
            await Task.WhenAll(requests.Append(requests[0]).Select(r => IngestStarter.StartAsync(host.Client, r, NullLogger.Instance)));
            Assert.All(await host.WaitForAllAsync(requests, TimeSpan.FromSeconds(60)), s => Assert.Equal(OrchestrationRuntimeStatus.Completed, s));
            await host.WaitUntilQuietAsync();
            Assert.InRange(host.Builds, 1, 2);
        }

        // Not vacuous: three schools' censuses in force (one rejected), the later corrected one winning, and a child on two censuses.
        var inForce = await concurrent.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        Assert.Equal(["8552001~2026-01-15", "8552002~2026-01-15", "8552004~2026-01-15"], inForce.Select(r => r.RowKey));
        Assert.Equal("uploads/8552001/school-census/jan-corrected.csv", inForce[0].GetString("UploadPath"));
        Assert.Equal("uploads/8552004/school-census/again.csv", inForce[2].GetString("UploadPath"));
        Assert.Contains("XR1001", await TextAsync(concurrent, "datasets/data-quality/data-quality.json"));
        Assert.Equal(await SnapshotAsync(sequential), await SnapshotAsync(concurrent));
    }
}
