using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Tests;

/// <summary>The singleton, debounced rebuild, run for real in the in-process Durable host.</summary>
public class RebuildOrchestratorTests
{
    private static readonly DataQualitySummary Summary = new(3, 12, new Dictionary<string, int> { ["XR1010"] = 3 }, "datasets/data-quality/data-quality.json", "datasets/data-quality/data-quality.html");

    private static readonly WorkforceSummary Workforce = new("2025-26 Q3", 40, 3, 1, 0.85m, true, "front line at least 80%, enabling at most 10%, transformation at most 10%", 12, 30, 300, 9.5m, true, [], "datasets/workforce");

    private int _builds;

    private Task<DurableTaskTestHost> StartHostAsync(TimeSpan buildTakes = default)
    {
        var activities = new Mock<IRebuildActivities>();
        activities.Setup(a => a.BuildDataQualityAsync(It.IsAny<RebuildRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async () => { Interlocked.Increment(ref _builds); await Task.Delay(buildTakes); return Summary; });
        activities.Setup(a => a.BuildWorkforceAsync(It.IsAny<RebuildRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Workforce);
        activities.Setup(a => a.BuildHnbForecastAsync(It.IsAny<RebuildRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HnbForecastSummary([new HnbYearTotal("2024-25", 131.2m, 131.2m)], [], null, "datasets/hnb-forecast"));
        activities.Setup(a => a.BuildDashboardAsync(It.IsAny<RebuildRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DashboardSummary("datasets/dashboard/index.html", []));
        activities.Setup(a => a.BuildPowerBiAsync(It.IsAny<RebuildRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PowerBiSummary(16, 1200, null, "SendPipeline__PupilKeySecret", 0, "powerbi"));
        return DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<RebuildRequest, RebuildResult?>(RebuildWorkflow.Name, (context, request) => RebuildOrchestrator.RunAsync(context, request));
            registry.AddActivities(RebuildActivityTable.All, activities.Object);
        });
    }

    private static Task Signal(DurableTaskTestHost host, string reason) =>
        RebuildSignal.SignalAsync(host.Client, new RebuildRequest(reason) { DebounceSeconds = 1 }, NullLogger.Instance);

    private async Task WaitForBuilds(int expected, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (Volatile.Read(ref _builds) < expected && watch.Elapsed < within) await Task.Delay(50);
    }

    [Fact]
    public async Task A_burst_of_signals_becomes_one_rebuild_after_the_quiet_window()
    {
        await using var host = await StartHostAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Signal(host, $"upload {i}")));
        await WaitForBuilds(1, TimeSpan.FromSeconds(20));
        // Longer than the window again: a second rebuild would have started by now if the burst had split.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(1, _builds);
        var instance = await host.Client.GetInstanceAsync(RebuildWorkflow.SingletonInstanceId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Equal(3, instance.ReadCustomStatusAs<DataQualitySummary>()!.Issues);
    }

    [Fact]
    public async Task A_signal_during_a_rebuild_leads_to_a_second_rebuild_not_a_lost_one()
    {
        await using var host = await StartHostAsync(buildTakes: TimeSpan.FromSeconds(1.5));

        await Signal(host, "first upload");
        await WaitForBuilds(1, TimeSpan.FromSeconds(20));
        await Signal(host, "arrives while the first rebuild runs");
        await WaitForBuilds(2, TimeSpan.FromSeconds(20));

        Assert.Equal(2, _builds);
    }
}
