using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Core.Uploads;
using SendPipeline.Functions.Activities;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// Runs the real orchestrator function and the real activity bindings in the in-process Durable host,
/// so inputs and outputs go through Durable's serializer and retries through its timers.
/// </summary>
public class IngestOrchestratorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Mock<IIngestActivities> _activities = new(MockBehavior.Strict);
    private readonly ConcurrentQueue<(string Name, object Input, long At)> _calls = new();

    private void Calls(string name, object input) => _calls.Enqueue((name, input, Stopwatch.GetTimestamp()));

    private void ValidateReturns(ValidationSummary summary) =>
        _activities.Setup(a => a.ValidateUploadAsync(It.IsAny<IngestRequest>(), It.IsAny<CancellationToken>()))
            .Callback<IngestRequest, CancellationToken>((r, _) => Calls(IngestActivityNames.ValidateUpload, r))
            .ReturnsAsync(summary);

    private void WriteReportReturns(ReportFiles reports) =>
        _activities.Setup(a => a.WriteReportAsync(It.IsAny<ValidationSummary>(), It.IsAny<CancellationToken>()))
            .Callback<ValidationSummary, CancellationToken>((v, _) => Calls(IngestActivityNames.WriteReport, v))
            .ReturnsAsync(reports);

    private void RecordReturns(RecordOutcome outcome) =>
        _activities.Setup(a => a.RecordUploadAsync(It.IsAny<RecordRequest>(), It.IsAny<CancellationToken>()))
            .Callback<RecordRequest, CancellationToken>((r, _) => Calls(IngestActivityNames.RecordUpload, r))
            .ReturnsAsync(outcome);

    private Task<DurableTaskTestHost> StartHostAsync()
    {
        return DurableTaskTestHost.StartAsync(registry =>
        {
            // A lambda, not the method group: the Durable analyzers crash (AD0001) on a method group here.
            registry.AddOrchestratorFunc<IngestRequest, IngestResult>(IngestWorkflow.Name, (context, request) => IngestOrchestrator.RunAsync(context, request));
            registry.AddActivities(IngestActivityTable.All, _activities.Object);
            // The rebuild signal has its own tests (RebuildOrchestratorTests); here it is only recorded.
            registry.AddActivityFunc<RebuildRequest, bool>(IngestActivityNames.RequestRebuild, (_, input) => { Calls(IngestActivityNames.RequestRebuild, input); return true; });
        });
    }

    private static async Task<OrchestrationMetadata> RunToCompletionAsync(DurableTaskTestHost host)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(IngestWorkflow.Name, Samples.Request, new StartOrchestrationOptions(Samples.Request.InstanceId));
        using var cts = new CancellationTokenSource(Timeout);
        return await host.Client.WaitForInstanceCompletionAsync(Samples.Request.InstanceId, getInputsAndOutputs: true, cts.Token);
    }

    private static void AssertCompleted(OrchestrationMetadata metadata) =>
        Assert.True(metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorType} {metadata.FailureDetails?.ErrorMessage}");

    [Fact]
    public async Task An_accepted_upload_is_validated_then_reported_then_recorded()
    {
        var validation = Samples.Validation();
        ValidateReturns(validation);
        WriteReportReturns(Samples.Reports);
        RecordReturns(Samples.Record);
        await using var host = await StartHostAsync();

        var metadata = await RunToCompletionAsync(host);

        AssertCompleted(metadata);
        var calls = _calls.ToArray();
        Assert.Equal([IngestActivityNames.ValidateUpload, IngestActivityNames.WriteReport, IngestActivityNames.RecordUpload, IngestActivityNames.RequestRebuild], calls.Select(c => c.Name));
        Assert.Equal(Samples.Request, calls[0].Input);
        Samples.AssertSameJson(validation, (ValidationSummary)calls[1].Input);
        Samples.AssertSameJson(new RecordRequest(validation, Samples.Reports), (RecordRequest)calls[2].Input);
        Samples.AssertSameJson(new IngestResult(validation, Samples.Reports, Samples.Record), metadata.ReadOutputAs<IngestResult>());
    }

    [Fact]
    public async Task A_superseded_upload_stops_after_validation()
    {
        var validation = Samples.Validation(UploadStatus.Superseded);
        ValidateReturns(validation);
        await using var host = await StartHostAsync();

        var metadata = await RunToCompletionAsync(host);

        AssertCompleted(metadata);
        Assert.Equal([IngestActivityNames.ValidateUpload], _calls.Select(c => c.Name));
        Samples.AssertSameJson(new IngestResult(validation, null, null), metadata.ReadOutputAs<IngestResult>());
    }

    [Fact]
    public async Task A_failing_activity_is_retried_after_the_policys_first_interval()
    {
        var validation = Samples.Validation();
        ValidateReturns(validation);
        RecordReturns(Samples.Record);
        var attempts = 0;
        _activities.Setup(a => a.WriteReportAsync(It.IsAny<ValidationSummary>(), It.IsAny<CancellationToken>()))
            .Callback<ValidationSummary, CancellationToken>((v, _) => Calls(IngestActivityNames.WriteReport, v))
            .Returns(() => Interlocked.Increment(ref attempts) == 1
                ? Task.FromException<ReportFiles>(new IOException("storage throttled"))
                : Task.FromResult(Samples.Reports));
        await using var host = await StartHostAsync();

        var metadata = await RunToCompletionAsync(host);

        AssertCompleted(metadata);
        var writes = _calls.Where(c => c.Name == IngestActivityNames.WriteReport).ToArray();
        Assert.Equal(2, writes.Length);
        var gap = Stopwatch.GetElapsedTime(writes[0].At, writes[1].At);
        Assert.True(gap >= RetryPolicies.Activity.FirstRetryInterval - TimeSpan.FromMilliseconds(250), $"retried after {gap}");
        Assert.Equal(IngestActivityNames.RequestRebuild, _calls.Last().Name);
        Samples.AssertSameJson(new IngestResult(validation, Samples.Reports, Samples.Record), metadata.ReadOutputAs<IngestResult>());
    }

    [Fact]
    public async Task The_starter_runs_an_upload_once_against_a_real_backend()
    {
        ValidateReturns(Samples.Validation());
        WriteReportReturns(Samples.Reports);
        RecordReturns(Samples.Record);
        await using var host = await StartHostAsync();

        Assert.True(await IngestStarter.StartAsync(host.Client, Samples.Request, NullLogger.Instance));
        using var cts = new CancellationTokenSource(Timeout);
        var metadata = await host.Client.WaitForInstanceCompletionAsync(Samples.Request.InstanceId, getInputsAndOutputs: false, cts.Token);
        Assert.False(await IngestStarter.StartAsync(host.Client, Samples.Request, NullLogger.Instance));

        AssertCompleted(metadata);
        Assert.Single(_calls, c => c.Name == IngestActivityNames.ValidateUpload);
    }
}

public class RetryPolicyTests
{
    [Fact]
    public void Activities_retry_five_times_with_backoff_capped_at_a_minute()
    {
        var policy = RetryPolicies.Activity;
        Assert.Equal(5, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.FirstRetryInterval);
        Assert.Equal(2, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.MaxRetryInterval);
    }
}
