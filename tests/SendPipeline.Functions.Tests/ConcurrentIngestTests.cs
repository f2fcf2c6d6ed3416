using System.Diagnostics;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Core.Reference;
using SendPipeline.Functions.Activities;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Functions.Triggers;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

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

    /// <summary>Census uploads, each with a fixed receipt time so both runs see the same order.</summary>
    private static readonly (string Path, string Csv, int Minute)[] Uploads =
    [
        ("uploads/8552001/school-census/jan.csv", Census("8552001", 3, Shared), 1),
        ("uploads/8552001/school-census/jan-corrected.csv", Census("8552001", 4, Shared), 5),
        ("uploads/8552002/school-census/jan.csv", Census("8552002", 2, Shared), 2),
        ("uploads/8552003/school-census/jan.csv", Census("8552003", 2, null).Replace(",F,", ",Q,"), 3),
        ("uploads/8552004/school-census/jan.csv", Census("8552004", 5, null), 4),
        ("uploads/8552004/school-census/again.csv", Census("8552004", 1, null), 6),
    ];

    private static string Census(string school, int pupils, string? shared)
    {
        var text = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        for (var i = 1; i <= pupils; i++) text.Append($"{school},2026-01-15,{Upn.Create(school + $"25{i:000}")},2016-10-01,F,4,K,SLCN\r\n");
        if (shared is not null) text.Append($"{school},2026-01-15,{shared},2016-10-01,M,4,E,ASD\r\n");
        return text.ToString();
    }

    private static LocalFolderStore Seed(string root)
    {
        var store = new LocalFolderStore(root);
        foreach (var (path, csv, minute) in Uploads)
        {
            store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(csv)), overwrite: false).GetAwaiter().GetResult();
            File.SetLastWriteTimeUtc(Path.Combine(root, path), new DateTime(2026, 1, 20, 9, minute, 0, DateTimeKind.Utc));
        }
        return store;
    }

    [Fact]
    public async Task Uploads_ingested_concurrently_end_in_the_state_of_ingesting_them_one_by_one()
    {
        var options = new PipelineOptions("855");
        var sequential = Seed(Path.Combine(_root, "sequential"));
        var pending = new PendingRebuild();
        await new UploadSweep(sequential, sequential, new IngestActivities(sequential, sequential, options, NullLogger<IngestActivities>.Instance), pending).RunAsync();
        await new RebuildActivities(sequential, sequential, options, NullLogger<RebuildActivities>.Instance).BuildDataQualityAsync(new RebuildRequest("sequential"));

        var concurrent = Seed(Path.Combine(_root, "concurrent"));
        var builds = 0;
        DurableTaskTestHost? host = null;
        var ingest = new IngestActivityFunctions(new IngestActivities(concurrent, concurrent, options, NullLogger<IngestActivities>.Instance));
        var rebuild = new RebuildActivityFunctions(new RebuildActivities(concurrent, concurrent, options, NullLogger<RebuildActivities>.Instance),
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), NullLogger<RebuildActivityFunctions>.Instance);
        var context = Mock.Of<FunctionContext>(c => c.CancellationToken == CancellationToken.None);
        host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<IngestRequest, IngestResult>(IngestWorkflow.Name, (ctx, request) => IngestOrchestrator.RunAsync(ctx, request));
            registry.AddOrchestratorFunc<RebuildRequest, RebuildResult?>(RebuildWorkflow.Name, (ctx, request) => RebuildOrchestrator.RunAsync(ctx, request));
            registry.AddActivityFunc<IngestRequest, ValidationSummary>(IngestActivityNames.ValidateUpload, (_, input) => ingest.ValidateUpload(input, context));
            registry.AddActivityFunc<ValidationSummary, ReportFiles>(IngestActivityNames.WriteReport, (_, input) => ingest.WriteReport(input, context));
            registry.AddActivityFunc<RecordRequest, RecordOutcome>(IngestActivityNames.RecordUpload, (_, input) => ingest.RecordUpload(input, context));
            registry.AddActivityFunc<RebuildRequest, bool>(IngestActivityNames.RequestRebuild, async (_, input) =>
            {
                await RebuildSignal.SignalAsync(host!.Client, input with { DebounceSeconds = 1 }, NullLogger.Instance);
                return true;
            });
            registry.AddActivityFunc<RebuildRequest, WorkforceSummary>(RebuildActivityNames.BuildWorkforce, (_, input) => rebuild.BuildWorkforce(input, context));
            registry.AddActivityFunc<RebuildRequest, HnbForecastSummary>(RebuildActivityNames.BuildHnbForecast, (_, input) => rebuild.BuildHnbForecast(input, context));
            registry.AddActivityFunc<RebuildRequest, DashboardSummary>(RebuildActivityNames.BuildDashboard, (_, input) => rebuild.BuildDashboard(input, context));
            registry.AddActivityFunc<RebuildRequest, PowerBiSummary>(RebuildActivityNames.BuildPowerBi, (_, input) => rebuild.BuildPowerBi(input, context));
            registry.AddActivityFunc<RebuildRequest, DataQualitySummary>(RebuildActivityNames.BuildDataQuality, (_, input) =>
            {
                Interlocked.Increment(ref builds);
                return rebuild.BuildDataQuality(input, context);
            });
        });
        await using (host)
        {
            var requests = new List<IngestRequest>();
            foreach (var (path, _, _) in Uploads)
            {
                await using var content = await concurrent.OpenReadAsync(path);
                requests.Add(new IngestRequest(path, await UploadIds.HashAsync(content)));
            }
            // Every upload triggered at once, and one delivered twice: the duplicate must do nothing.
            await Task.WhenAll(requests.Append(requests[0]).Select(r => IngestStarter.StartAsync(host.Client, r, NullLogger.Instance)));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            foreach (var r in requests)
                Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.WaitForInstanceCompletionAsync(r.InstanceId, cts.Token)).RuntimeStatus);
            await WaitUntilQuiet(() => Volatile.Read(ref builds));
        }

        Assert.InRange(builds, 1, 2);
        // Not vacuous: three schools' censuses in force (one rejected), the later corrected one winning, and a child on two censuses.
        var inForce = await concurrent.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        Assert.Equal(["8552001~2026-01-15", "8552002~2026-01-15", "8552004~2026-01-15"], inForce.Select(r => r.RowKey));
        Assert.Equal("uploads/8552001/school-census/jan-corrected.csv", inForce[0].GetString("UploadPath"));
        Assert.Equal("uploads/8552004/school-census/again.csv", inForce[2].GetString("UploadPath"));
        Assert.Contains("XR1001", await Text(concurrent, "datasets/data-quality/data-quality.json"));
        Assert.Equal(await Rows(sequential, StorageLayout.AcceptedTable), await Rows(concurrent, StorageLayout.AcceptedTable));
        Assert.Equal(await Rows(sequential, StorageLayout.UploadsTable), await Rows(concurrent, StorageLayout.UploadsTable));
        Assert.Equal(await Text(sequential, "datasets/data-quality/data-quality.json"), await Text(concurrent, "datasets/data-quality/data-quality.json"));
    }

    /// <summary>Waits until a rebuild has run and no other has started for three debounce windows.</summary>
    private static async Task WaitUntilQuiet(Func<int> builds)
    {
        var watch = Stopwatch.StartNew();
        var last = builds();
        var quietSince = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
            var now = builds();
            if (now != last) { last = now; quietSince.Restart(); }
            if (now > 0 && quietSince.Elapsed > TimeSpan.FromSeconds(3)) return;
        }
    }

    private static async Task<string> Rows(LocalFolderStore store, string table)
    {
        var rows = await store.QueryAsync(table).ToListAsync();
        return string.Join('\n', rows.Select(r => r.PartitionKey + "|" + r.RowKey + "|" + r.GetString("UploadId") + "|" + r.GetString("Status")));
    }

    private static async Task<string> Text(LocalFolderStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
