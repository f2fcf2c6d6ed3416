namespace SendPipeline.Workflows.Hosting;

/// <summary>
/// Wraps one activity of a <see cref="DirectWorkflowContext"/> by name: how the CLI adds what Durable
/// Functions gives the Functions app (retries) and how tests watch every activity's input and output.
/// </summary>
public delegate Func<object?, Task<object?>> ActivityDecorator(string activityName, Func<object?, Task<object?>> activity);
