using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Functions.Activities;
using SendPipeline.Functions.Configuration;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Functions.Triggers;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Tests;

/// <summary>The submission orchestration run for real in the in-process Durable host.</summary>
public sealed class SubmissionOrchestratorTests : IDisposable
{
    private const string Quarter = "2025-26 Q3";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-submission-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static Task<DurableTaskTestHost> StartHostAsync(ISubmissionActivities activities)
    {
        return DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<SubmissionRequest, SubmissionResult>(SubmissionWorkflow.Name, (ctx, request) => SubmissionOrchestrator.RunAsync(ctx, request));
            registry.AddActivities(SubmissionActivityTable.All, activities);
        });
    }

    private static async Task<SubmissionResult> RunAsync(DurableTaskTestHost host, SubmissionRequest request)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(SubmissionWorkflow.Name, request,
            new StartOrchestrationOptions(SubmissionWorkflow.InstanceIdFor(request.Quarter) + "-" + Guid.NewGuid().ToString("N")));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        return done.ReadOutputAs<SubmissionResult>()!;
    }

    private SubmissionActivities RealActivities(LocalFolderStore store) =>
        new(store, store, new PipelineOptions("855"), TimeProvider.System, delivery: null, NullLogger<SubmissionActivities>.Instance);

    [Fact]
    public async Task A_quarter_with_no_returns_publishes_a_draft_once_saying_why_and_sends_nothing()
    {
        var store = new LocalFolderStore(_root);
        await store.WriteAsync("uploads/8552001/school-census/autumn.csv", new MemoryStream(Encoding.UTF8.GetBytes(
            "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
            $"8552001,2025-10-02,{Upn.Create("855200125001")},2016-10-01,F,4,E,SLCN\r\n")), overwrite: false);
        await new UploadSweep(store, store, new IngestActivities(store, store, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance)).RunAsync();
        await using var host = await StartHostAsync(RealActivities(store));

        var first = await RunAsync(host, new SubmissionRequest(Quarter));
        var again = await RunAsync(host, new SubmissionRequest(Quarter));

        Assert.Equal((1, SubmissionPackager.Draft, true), (first.Package.Version, first.Package.Status, first.Package.Published));
        Assert.Contains(first.Snapshot.BlockingFailures, f => f.StartsWith(PreSubmissionChecks.FinanceLines, StringComparison.Ordinal));
        Assert.Equal(DeliveryOutcome.NotFinal, first.Delivery.Status);
        Assert.Equal((1, false), (again.Package.Version, again.Package.Published));
        Assert.Equal(first.Snapshot.Hash, again.Snapshot.Hash);
        Assert.True(File.Exists(Path.Combine(_root, "submissions", "2025-26-Q3", "v1", "manifest.json")));
        Assert.False(Directory.Exists(Path.Combine(_root, "submissions", "2025-26-Q3", "v2")));
    }

    [Fact]
    public async Task A_final_package_is_delivered_and_a_draft_or_an_unasked_delivery_is_not()
    {
        var activities = new Mock<ISubmissionActivities>();
        var snapshot = new SnapshotRef(Quarter, new string('a', 64), "submissions/2025-26-Q3/snapshots/a", []);
        activities.Setup(a => a.FreezeSnapshotAsync(It.IsAny<SubmissionRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(snapshot);
        var status = SubmissionPackager.Final;
        activities.Setup(a => a.PublishPackageAsync(It.IsAny<SnapshotRef>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new PublishResult(Quarter, 2, status, true, "submissions/2025-26-Q3/v2", "f", snapshot.Hash, [], []));
        activities.Setup(a => a.DeliverPackageAsync(It.IsAny<PublishResult>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryOutcome(DeliveryOutcome.Delivered, "ok", 1, "receipt-1"));
        await using var host = await StartHostAsync(activities.Object);

        var final = await RunAsync(host, new SubmissionRequest(Quarter));
        var unasked = await RunAsync(host, new SubmissionRequest(Quarter, Deliver: false));
        status = SubmissionPackager.Draft;
        var draft = await RunAsync(host, new SubmissionRequest(Quarter));

        Assert.Equal(("delivered", "receipt-1"), (final.Delivery.Status, final.Delivery.ReceiptId));
        Assert.Equal(DeliveryOutcome.Skipped, unasked.Delivery.Status);
        Assert.Equal(DeliveryOutcome.NotFinal, draft.Delivery.Status);
        activities.Verify(a => a.DeliverPackageAsync(It.Is<PublishResult>(p => p.Version == 2 && p.Fingerprint == "f"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_run_already_in_progress_for_the_quarter_is_not_started_again()
    {
        var client = new Mock<DurableTaskClient>("test");
        var id = SubmissionWorkflow.InstanceIdFor(Quarter);
        client.Setup(c => c.GetInstanceAsync(id, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(SubmissionWorkflow.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var (instanceId, started) = await SubmissionStarter.StartAsync(client.Object, new SubmissionRequest(Quarter), NullLogger.Instance);

        Assert.Equal(("submission-2025-26-Q3", false), (instanceId, started));
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_finished_run_is_replaced_so_a_draft_can_be_rerun_after_the_sign_offs()
    {
        var client = new Mock<DurableTaskClient>("test");
        var id = SubmissionWorkflow.InstanceIdFor(Quarter);
        client.Setup(c => c.GetInstanceAsync(id, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(SubmissionWorkflow.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Completed });
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(id);

        var (_, started) = await SubmissionStarter.StartAsync(client.Object, new SubmissionRequest(Quarter), NullLogger.Instance);

        Assert.True(started);
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.Is<TaskName>(n => n.Name == SubmissionWorkflow.Name), It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == id && !o.DedupeStatuses!.Contains(OrchestrationRuntimeStatus.Completed.ToString())), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Submission_activities_resolve_and_a_DfE_endpoint_that_is_not_https_is_refused_naming_the_setting()
    {
        static ServiceProvider Provider(params (string, string)[] settings) => new ServiceCollection()
            .AddLogging()
            .AddSingleton(Mock.Of<IBlobStore>())
            .AddSingleton(Mock.Of<ITableStore>())
            .AddSendPipelineIngestActivities(new ConfigurationBuilder().AddInMemoryCollection(
                settings.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)).Append(new("SendPipeline:LaCode", "855"))).Build())
            .BuildServiceProvider();

        Assert.NotNull(Provider().GetRequiredService<ISubmissionActivities>());
        Assert.NotNull(Provider(("SendPipeline:Dfe:Endpoint", "https://dfe.example/returns")).GetRequiredService<ISubmissionActivities>());
        var error = Assert.Throws<InvalidOperationException>(() =>
            Provider(("SendPipeline:Dfe:Endpoint", "http://dfe.example/returns")).GetRequiredService<ISubmissionActivities>());
        Assert.Contains("SendPipeline__Dfe__Endpoint", error.Message);
        Assert.Contains("must use https", error.Message);
        Assert.NotNull(Provider(("SendPipeline:Dfe:Endpoint", "http://127.0.0.1:7071/returns")).GetRequiredService<ISubmissionActivities>());
    }
}
