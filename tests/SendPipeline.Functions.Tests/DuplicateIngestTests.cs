using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Uploads;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;
using static SendPipeline.Functions.Tests.DurableIngestHarness;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// Issue 15 item 4 in the Durable host: the same bytes as the return in force, uploaded again under a new name (as
/// the portal names every upload), are recorded as a duplicate with their own report, and nothing else changes:
/// no new return in force, no rebuild, not a byte of the datasets. The last rebuild step records what it was built from.
/// </summary>
public sealed class DuplicateIngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-duplicate-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_same_bytes_under_a_new_name_are_a_duplicate_that_changes_nothing()
    {
        var census = Census("8552001", 3, null);
        var first = new TestUpload("uploads/8552001/school-census/20260120-090000000-jan.csv", census, new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc));
        var again = new TestUpload("uploads/8552001/school-census/20260121-090000000-jan.csv", census, first.ReceivedUtc.AddDays(1));
        var store = Seed(_root, [first]);
        await using var host = await StartAsync(store);
        var firstRequest = (await RequestsAsync(store, [first]))[0];
        await IngestStarter.StartAsync(host.Client, firstRequest, NullLogger.Instance);
        Assert.All(await host.WaitForAllAsync([firstRequest], TimeSpan.FromSeconds(60)), s => Assert.Equal(OrchestrationRuntimeStatus.Completed, s));
        await host.WaitUntilQuietAsync();
        var builds = host.Builds;
        var inForce = await store.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        var datasets = await DatasetsAsync(store);
        Assert.Equal(BuiltFrom.Of(inForce), await BuiltFrom.RecordedAsync(store));

        await store.WriteAsync(again.Path, new MemoryStream(Encoding.UTF8.GetBytes(census)), overwrite: false);
        File.SetLastWriteTimeUtc(Path.Combine(_root, again.Path), again.ReceivedUtc);
        var againRequest = (await RequestsAsync(store, [again]))[0];
        Assert.True(await IngestStarter.StartAsync(host.Client, againRequest, NullLogger.Instance));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(againRequest.InstanceId, getInputsAndOutputs: true, cts.Token);
        // Longer than the debounce window: a rebuild, had one been asked for, would have started.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var result = metadata.ReadOutputAs<IngestResult>()!;
        Assert.Equal(UploadStatus.Duplicate, result.Validation.Status);
        Assert.False(result.Record!.BecameCurrent);
        var record = await store.GetAsync(StorageLayout.UploadsTable, "8552001", againRequest.UploadId);
        Assert.Equal(UploadStatus.Duplicate, record!.GetString("Status"));
        Assert.Equal(firstRequest.UploadId, record.GetString("SameAs"));
        Assert.Contains($"same as upload {firstRequest.UploadId}", await TextAsync(store, result.Reports!.Html), StringComparison.Ordinal);
        Assert.Contains("\"sameAs\"", await TextAsync(store, result.Reports.Json), StringComparison.Ordinal);
        Assert.Equal(builds, host.Builds);
        Assert.Equal(inForce.Select(r => (r.PartitionKey, r.RowKey, r.ETag)),
            (await store.QueryAsync(StorageLayout.AcceptedTable).ToListAsync()).Select(r => (r.PartitionKey, r.RowKey, r.ETag)));
        Assert.Equal(datasets, await DatasetsAsync(store));
        Assert.Empty(await store.ListAsync($"{StorageLayout.Accepted}/").Where(b => b.Path.Contains(againRequest.UploadId, StringComparison.Ordinal)).ToListAsync());
    }

    private static async Task<List<string>> DatasetsAsync(Storage.Local.LocalFolderStore store)
    {
        var entries = new List<string>();
        await foreach (var blob in store.ListAsync(StorageLayout.Datasets + "/"))
            entries.Add($"{blob.Path} {blob.LastModified:O} {await TextAsync(store, blob.Path)}");
        return entries;
    }
}
