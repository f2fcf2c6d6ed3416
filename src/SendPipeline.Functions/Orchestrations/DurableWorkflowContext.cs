using Microsoft.DurableTask;
using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Functions.Orchestrations;

/// <summary>
/// Runs a workflow's steps as Durable activities, so each result is checkpointed and replayed rather than
/// recomputed. Every call carries the same retry policy, so the workflow code stays free of host concerns.
/// </summary>
public sealed class DurableWorkflowContext(TaskOrchestrationContext context, RetryPolicy retryPolicy) : IWorkflowContext
{
    private readonly TaskOptions _options = TaskOptions.FromRetryPolicy(retryPolicy);

    public string InstanceId => context.InstanceId;

    public Task<TResult> CallActivityAsync<TResult>(string activityName, object? input) =>
        context.CallActivityAsync<TResult>(activityName, input, _options);
}
