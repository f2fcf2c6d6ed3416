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

    /// <summary>Every activity of every workflow, for the checks that each has exactly one Functions binding.</summary>
    public static IReadOnlyList<IActivity> AllActivities =>
        [.. IngestActivityTable.All, IngestActivityTable.RequestRebuild, .. RebuildActivityTable.All, .. SubmissionActivityTable.All];

    /// <summary>The ingest activities, by the names the workflow calls them (from <see cref="IngestActivityTable"/>).</summary>
    public static IReadOnlyDictionary<string, Func<object?, Task<object?>>> ForIngest(IIngestActivities activities, IRebuildSignal rebuild) =>
        new Dictionary<string, Func<object?, Task<object?>>>(
            IngestActivityTable.All.Bind(activities).Concat(new[] { IngestActivityTable.RequestRebuild }.Bind(rebuild)), StringComparer.Ordinal);

    /// <summary>The rebuild activities, by the names the workflow calls them (from <see cref="RebuildActivityTable"/>).</summary>
    public static IReadOnlyDictionary<string, Func<object?, Task<object?>>> ForRebuild(IRebuildActivities activities) =>
        new Dictionary<string, Func<object?, Task<object?>>>(RebuildActivityTable.All.Bind(activities), StringComparer.Ordinal);

    /// <summary>The submission activities, by the names the workflow calls them (from <see cref="SubmissionActivityTable"/>).</summary>
    public static IReadOnlyDictionary<string, Func<object?, Task<object?>>> ForSubmission(ISubmissionActivities activities) =>
        new Dictionary<string, Func<object?, Task<object?>>>(SubmissionActivityTable.All.Bind(activities), StringComparer.Ordinal);
}
