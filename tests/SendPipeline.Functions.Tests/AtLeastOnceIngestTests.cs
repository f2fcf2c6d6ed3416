using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using static SendPipeline.Functions.Tests.DurableIngestHarness;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// Issue 9 part 3 in the in-process Durable host, with the real orchestrations and activities on a real local store:
/// activities that fail and are retried, and an orchestration stopped between activities and run again, must end in
/// exactly the state of a clean one-by-one <see cref="UploadSweep"/>: no upload counted twice, no duplicate row, no
/// lost report. Retries wait 50 ms rather than <see cref="Orchestrations.RetryPolicies.Activity"/>'s 5 s and more,
/// through <see cref="Orchestrations.IngestOrchestrator.RunWithRetryAsync"/>; the policy's shape (attempts, backoff) is the same.
/// </summary>
public sealed class AtLeastOnceIngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-at-least-once-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly RetryPolicy FastRetry = new(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromMilliseconds(50), backoffCoefficient: 2);

    /// <summary>Eight schools (one rejected, two sharing a child) and one school's second upload in the same second.</summary>
    private static readonly IReadOnlyList<TestUpload> Uploads = ManySchools(8, pupils: 3);

    private async Task<IReadOnlyList<string>> CleanRunAsync()
    {
        var clean = Seed(Path.Combine(_root, "clean"), Uploads);
        await SweepAsync(clean);
        return await SnapshotAsync(clean);
    }

    /// <summary>
    /// Every ingest activity fails on its first call for each upload (before or after doing its work) and every trigger
    /// is delivered twice: the retry policy recovers each, and the repeated work writes nothing twice.
    /// </summary>
    [Theory]
    [InlineData(Fault.OnceBeforeWork)]
    [InlineData(Fault.OnceAfterWork)]
    public async Task Activities_that_throw_once_and_then_succeed_end_in_the_state_of_a_clean_run(Fault fault)
    {
        var store = Seed(Path.Combine(_root, "faulty"), Uploads);
        FaultyIngestActivities? faulty = null;
        await using (var host = await StartAsync(store, inner => faulty = new FaultyIngestActivities(inner, fault), FastRetry))
        {
            var requests = await RequestsAsync(store, Uploads);
            await Task.WhenAll(requests.Concat(requests).Select(r => IngestStarter.StartAsync(host.Client, r, NullLogger.Instance)));
            Assert.All(await host.WaitForAllAsync(requests, TimeSpan.FromSeconds(90)), s => Assert.Equal(OrchestrationRuntimeStatus.Completed, s));
            await host.WaitUntilQuietAsync();
        }

        // Not vacuous: validate, report and record each failed once for every upload.
        Assert.Equal(3 * Uploads.Count, faulty!.Injected);
        Assert.Equal(Uploads.Count, await store.QueryAsync(StorageLayout.UploadsTable).CountAsync());
        Assert.Contains("XR1001", await TextAsync(store, "datasets/data-quality/data-quality.json"));
        Assert.Equal(await CleanRunAsync(), await SnapshotAsync(store));
    }

    /// <summary>
    /// The most faithful interruption the in-process host allows: the record step fails on every attempt, so each
    /// orchestration ends Failed after validate and report have written their outputs (reports and canonical files,
    /// but no upload record); then each is run again under the same instance id, as an operator's rerun of a failed
    /// ingest does, with validate and report running a second time over their own outputs. (The host cannot be killed
    /// mid-history and resumed; a worker dying after an activity's work but before its completion is recorded is
    /// <see cref="Fault.OnceAfterWork"/> above.) A redelivered trigger does not restart a failed ingest: IngestStarter
    /// never replaces an instance, so the rerun is explicit.
    /// </summary>
    [Fact]
    public async Task An_ingest_interrupted_between_activities_and_run_again_ends_in_the_state_of_a_clean_run()
    {
        var store = Seed(Path.Combine(_root, "interrupted"), Uploads);
        FaultyIngestActivities? faulty = null;
        await using (var host = await StartAsync(store, inner => faulty = new FaultyIngestActivities(inner, Fault.None) { RecordBroken = true }, FastRetry))
        {
            var requests = await RequestsAsync(store, Uploads);
            await Task.WhenAll(requests.Select(r => IngestStarter.StartAsync(host.Client, r, NullLogger.Instance)));
            Assert.All(await host.WaitForAllAsync(requests, TimeSpan.FromSeconds(90)), s => Assert.Equal(OrchestrationRuntimeStatus.Failed, s));

            // Interrupted between activities: every report and canonical file written, nothing recorded.
            Assert.Equal(3 * Uploads.Count, await store.ListAsync(StorageLayout.Reports + "/").CountAsync());
            Assert.Equal(Uploads.Count - 1, await store.ListAsync(StorageLayout.Accepted + "/").CountAsync());
            Assert.Equal(0, await store.QueryAsync(StorageLayout.UploadsTable).CountAsync());
            Assert.False(await IngestStarter.StartAsync(host.Client, requests[0], NullLogger.Instance));

            faulty!.RecordBroken = false;
            var rerun = Enum.GetValues<OrchestrationRuntimeStatus>().Where(s => s != OrchestrationRuntimeStatus.Failed).ToArray();
            foreach (var r in requests)
                await host.Client.ScheduleNewOrchestrationInstanceAsync(IngestWorkflow.Name, r, new StartOrchestrationOptions(r.InstanceId).WithDedupeStatuses(rerun));
            Assert.All(await host.WaitForAllAsync(requests, TimeSpan.FromSeconds(90)), s => Assert.Equal(OrchestrationRuntimeStatus.Completed, s));
            await host.WaitUntilQuietAsync();
        }

        Assert.Equal(Uploads.Count, await store.QueryAsync(StorageLayout.UploadsTable).CountAsync());
        Assert.Equal(await CleanRunAsync(), await SnapshotAsync(store));
    }
}
