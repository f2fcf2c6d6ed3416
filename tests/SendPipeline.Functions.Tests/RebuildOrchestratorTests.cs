using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Moq;
using SendPipeline.Functions.Activities;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Tests;

public class RebuildOrchestratorTests
{
    [Fact]
    public async Task A_rebuild_builds_the_data_quality_report_and_returns_its_summary()
    {
        var summary = new DataQualitySummary(3, 12, new Dictionary<string, int> { ["XR1010"] = 3 }, "datasets/data-quality/data-quality.json", "datasets/data-quality/data-quality.html");
        var activities = new Mock<IRebuildActivities>(MockBehavior.Strict);
        activities.Setup(a => a.BuildDataQualityAsync(It.Is<RebuildRequest>(r => r.Reason == "test"), It.IsAny<CancellationToken>())).ReturnsAsync(summary);
        var functions = new RebuildActivityFunctions(activities.Object);
        var functionContext = Mock.Of<FunctionContext>(c => c.CancellationToken == CancellationToken.None);
        await using var host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<RebuildRequest, RebuildResult>(RebuildWorkflow.Name, (context, request) => RebuildOrchestrator.RunAsync(context, request));
            registry.AddActivityFunc<RebuildRequest, DataQualitySummary>(RebuildActivityNames.BuildDataQuality, (_, input) => functions.BuildDataQuality(input, functionContext));
        });

        await host.Client.ScheduleNewOrchestrationInstanceAsync(RebuildWorkflow.Name, new RebuildRequest("test"), new StartOrchestrationOptions(RebuildWorkflow.SingletonInstanceId));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(RebuildWorkflow.SingletonInstanceId, getInputsAndOutputs: true, cts.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var result = metadata.ReadOutputAs<RebuildResult>()!;
        Assert.Equal((3, 12, 3), (result.DataQuality.Issues, result.DataQuality.ReturnsRead, result.DataQuality.IssuesByRule["XR1010"]));
        activities.VerifyAll();
    }
}
