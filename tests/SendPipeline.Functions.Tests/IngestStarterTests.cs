using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Functions.Triggers;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Tests;

public class IngestStarterTests
{
    private readonly Mock<DurableTaskClient> _client = new("test");

    private void NoInstanceYet() =>
        _client.Setup(c => c.GetInstanceAsync(Samples.Request.InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);

    [Fact]
    public async Task A_new_upload_schedules_ingest_under_the_id_from_path_and_hash()
    {
        NoInstanceYet();
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Samples.Request.InstanceId);

        var started = await IngestStarter.StartAsync(_client.Object, Samples.Request, NullLogger.Instance);

        Assert.True(started);
        Assert.Equal("ingest-" + UploadIds.For(Samples.Request.UploadPath, Samples.Request.ContentHash), Samples.Request.InstanceId);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == IngestWorkflow.Name),
            Samples.Request,
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == Samples.Request.InstanceId && o.DedupeStatuses!.Count > 0),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_duplicate_upload_schedules_nothing()
    {
        _client.Setup(c => c.GetInstanceAsync(Samples.Request.InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(IngestWorkflow.Name, Samples.Request.InstanceId) { RuntimeStatus = OrchestrationRuntimeStatus.Completed });

        var started = await IngestStarter.StartAsync(_client.Object, Samples.Request, NullLogger.Instance);

        Assert.False(started);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    public static TheoryData<Exception> AlreadyExists() => new()
    {
        new OrchestrationAlreadyExistsException("An orchestration with instance ID 'x' already exists."),
        new RpcException(new Status(StatusCode.AlreadyExists, "exists")),
        new RpcException(new Status(StatusCode.Unknown, "Exception was thrown by handler. InvalidOperationException: An Orchestration instance with the status Running already exists.")),
    };

    [Theory]
    [MemberData(nameof(AlreadyExists))]
    public async Task Losing_the_race_to_another_delivery_is_not_an_error(Exception raced)
    {
        NoInstanceYet();
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(raced);

        var started = await IngestStarter.StartAsync(_client.Object, Samples.Request, NullLogger.Instance);

        Assert.False(started);
    }

    [Fact]
    public async Task Other_scheduling_failures_propagate_so_the_trigger_is_retried()
    {
        NoInstanceYet();
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "host down")));

        await Assert.ThrowsAsync<RpcException>(() => IngestStarter.StartAsync(_client.Object, Samples.Request, NullLogger.Instance));
    }
}
