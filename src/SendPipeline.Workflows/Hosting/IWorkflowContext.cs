namespace SendPipeline.Workflows.Hosting;

/// <summary>
/// What a workflow may do: call an activity by name and wait for its result. The Functions app
/// implements it over a Durable Functions <c>TaskOrchestrationContext</c> (with retries and replay);
/// the CLI implements it by calling the activity directly. So each orchestration's sequence of
/// steps is written once, in a workflow class, and both hosts run that one definition.
/// Workflow code must be deterministic: no clock, no I/O, no random; activities do all of that.
/// </summary>
public interface IWorkflowContext
{
    string InstanceId { get; }

    Task<TResult> CallActivityAsync<TResult>(string activityName, object? input);
}
