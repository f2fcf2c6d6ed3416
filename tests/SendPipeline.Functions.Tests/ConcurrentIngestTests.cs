using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reference;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Ports;
using Xunit.Abstractions;
using static SendPipeline.Functions.Tests.DurableIngestHarness;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// The real orchestrators and activities on a real local store, in the in-process Durable host:
/// uploads ingested all at once must end in exactly the state of ingesting them one by one.
/// </summary>
public sealed class ConcurrentIngestTests(ITestOutputHelper output) : IDisposable
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

    /// <summary>
    /// Issue 9 part 4 at scale: N schools' censuses and one school's second upload half a second after its first,
    /// every trigger delivered twice at the same moment (at-least-once delivery), end in exactly the state of the same
    /// uploads ingested one by one in order of receipt: the same upload and accepted rows, reports, canonical files and
    /// data-quality report. That a rebuild running while an upload arrives leads to a second rebuild, not a lost one,
    /// is <see cref="RebuildOrchestratorTests"/>. N is 40 unless SENDPIPELINE_DURABLE_SCHOOLS says otherwise: 300 passes,
    /// but the in-process host hands out about four work items a second here, so it takes minutes (docs/reliability.md).
    /// </summary>
    private static int SchoolsAtOnce =>
        int.TryParse(Environment.GetEnvironmentVariable("SENDPIPELINE_DURABLE_SCHOOLS"), out var n) ? n : 40;

    [Fact]
    public async Task Uploads_from_many_schools_each_delivered_twice_at_once_end_in_the_state_of_ingesting_them_in_order_of_receipt()
    {
        var schools = SchoolsAtOnce;
        var uploads = ManySchools(schools, pupils: 2);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sequential = Seed(Path.Combine(_root, "sequential"), uploads);
        await SweepAsync(sequential);
        output.WriteLine($"one by one: {watch.Elapsed}");

        var concurrent = Seed(Path.Combine(_root, "concurrent"), uploads);
        watch.Restart();
        await using (var host = await StartAsync(concurrent))
        {
            var requests = await RequestsAsync(concurrent, uploads);
            var started = await Task.WhenAll(requests.Concat(requests).Select(r => IngestStarter.StartAsync(host.Client, r, NullLogger.Instance)));
            output.WriteLine($"started: {watch.Elapsed}");
            Assert.Equal(requests.Count, started.Count(s => s));
            Assert.All(await host.WaitForAllAsync(requests, TimeSpan.FromSeconds(60 + 2 * schools)), s => Assert.Equal(OrchestrationRuntimeStatus.Completed, s));
            output.WriteLine($"ingested: {watch.Elapsed}");
            await host.WaitUntilQuietAsync();
            output.WriteLine($"rebuilt: {watch.Elapsed}, {host.Builds} rebuilds");
        }

        // Not vacuous: 301 uploads recorded once each, 299 returns in force (one rejected), the later of the
        // same-second pair winning, and the shared child found on several censuses.
        Assert.Equal(schools + 1, await concurrent.QueryAsync(StorageLayout.UploadsTable).CountAsync());
        var inForce = await concurrent.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        Assert.Equal(schools - 1, inForce.Count);
        Assert.Equal($"uploads/{TwiceSchool}/school-census/again.csv", inForce.Single(r => r.RowKey == TwiceSchool + "~2026-01-15").GetString("UploadPath"));
        Assert.Contains("XR1001", await TextAsync(concurrent, "datasets/data-quality/data-quality.json"));
        Assert.Equal(await SnapshotAsync(sequential), await SnapshotAsync(concurrent));
    }
}
