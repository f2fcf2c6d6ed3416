using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Workflows.Hosting;

/// <summary>
/// Runs a workflow in-process by calling each activity directly, in order: the CLI's host. The
/// Functions app runs the same workflow through Durable Functions instead.
/// </summary>
public sealed class DirectWorkflowContext : IWorkflowContext
{
    private readonly IReadOnlyDictionary<string, Func<object?, Task<object?>>> _activities;

    private readonly ActivityDecorator? _decorate;

    /// <param name="decorate">Wraps each activity call, e.g. to retry it as Durable would; null calls it as it is.</param>
    public DirectWorkflowContext(string instanceId, IReadOnlyDictionary<string, Func<object?, Task<object?>>> activities, ActivityDecorator? decorate = null)
    {
        InstanceId = instanceId;
        _activities = activities;
        _decorate = decorate;
    }

    public string InstanceId { get; }

    public async Task<TResult> CallActivityAsync<TResult>(string activityName, object? input)
    {
        if (!_activities.TryGetValue(activityName, out var activity))
            throw new InvalidOperationException($"No activity named '{activityName}' is registered.");
        if (_decorate is not null) activity = _decorate(activityName, activity);
        return (TResult)(await activity(input))!;
    }

    /// <summary>The ingest activities, by the names the workflow calls them.</summary>
    public static IReadOnlyDictionary<string, Func<object?, Task<object?>>> ForIngest(IIngestActivities activities, IRebuildSignal rebuild) =>
        new Dictionary<string, Func<object?, Task<object?>>>(StringComparer.Ordinal)
        {
            [IngestActivityNames.ValidateUpload] = async i => await activities.ValidateUploadAsync((IngestRequest)i!),
            [IngestActivityNames.WriteReport] = async i => await activities.WriteReportAsync((ValidationSummary)i!),
            [IngestActivityNames.RecordUpload] = async i => await activities.RecordUploadAsync((RecordRequest)i!),
            [IngestActivityNames.RequestRebuild] = async i => await rebuild.RequestAsync((RebuildRequest)i!),
        };

    /// <summary>The rebuild activities, by the names the workflow calls them.</summary>
    public static IReadOnlyDictionary<string, Func<object?, Task<object?>>> ForRebuild(IRebuildActivities activities) =>
        new Dictionary<string, Func<object?, Task<object?>>>(StringComparer.Ordinal)
        {
            [RebuildActivityNames.BuildDataQuality] = async i => await activities.BuildDataQualityAsync((RebuildRequest)i!),
            [RebuildActivityNames.BuildWorkforce] = async i => await activities.BuildWorkforceAsync((RebuildRequest)i!),
            [RebuildActivityNames.BuildHnbForecast] = async i => await activities.BuildHnbForecastAsync((RebuildRequest)i!),
            [RebuildActivityNames.BuildDashboard] = async i => await activities.BuildDashboardAsync((RebuildRequest)i!),
            [RebuildActivityNames.BuildPowerBi] = async i => await activities.BuildPowerBiAsync((RebuildRequest)i!),
            [RebuildActivityNames.RecordBuiltFrom] = async i => await activities.RecordBuiltFromAsync((BuiltFromRecord)i!),
        };

    /// <summary>The submission activities, by the names the workflow calls them.</summary>
    public static IReadOnlyDictionary<string, Func<object?, Task<object?>>> ForSubmission(ISubmissionActivities activities) =>
        new Dictionary<string, Func<object?, Task<object?>>>(StringComparer.Ordinal)
        {
            [SubmissionActivityNames.FreezeSnapshot] = async i => await activities.FreezeSnapshotAsync((SubmissionRequest)i!),
            [SubmissionActivityNames.PublishPackage] = async i => await activities.PublishPackageAsync((SnapshotRef)i!),
            [SubmissionActivityNames.DeliverPackage] = async i => await activities.DeliverPackageAsync((PublishResult)i!),
        };
}
