namespace SendPipeline.Workflows.Hosting;

/// <summary>One activity of a workflow, whatever implements it: its name, its input and output types.</summary>
public interface IActivity
{
    /// <summary>The name workflows call it by and the Functions app binds it under.</summary>
    string Name { get; }

    Type Input { get; }

    Type Output { get; }
}

/// <summary>An activity and how it runs on its implementation (<typeparamref name="TActivities"/>).</summary>
public interface IActivity<in TActivities> : IActivity
{
    /// <summary>The untyped call a <see cref="DirectWorkflowContext"/> makes.</summary>
    Func<object?, Task<object?>> Bind(TActivities activities);
}

/// <summary>
/// One activity written once: its name, its input and output, and the method of
/// <typeparamref name="TActivities"/> that does it. Workflows call it through
/// <see cref="ActivityCalls.CallAsync{TInput, TOutput}"/>, the CLI's and tests' direct hosts bind it from
/// their table, and the Functions app's one [Function] method per activity runs it with <see cref="Run"/>.
/// </summary>
public sealed class Activity<TActivities, TInput, TOutput>(string name, Func<TActivities, TInput, CancellationToken, Task<TOutput>> run)
    : IActivity<TActivities>
{
    public string Name => name;

    public Type Input => typeof(TInput);

    public Type Output => typeof(TOutput);

    public Task<TOutput> Run(TActivities activities, TInput input, CancellationToken cancellationToken) => run(activities, input, cancellationToken);

    public Func<object?, Task<object?>> Bind(TActivities activities) => async input => await run(activities, (TInput)input!, CancellationToken.None);
}

public static class ActivityCalls
{
    /// <summary>Calls <paramref name="activity"/> by its name, typed by its definition: the name and types are not repeated at the call.</summary>
    public static Task<TOutput> CallAsync<TActivities, TInput, TOutput>(this IWorkflowContext context,
        Activity<TActivities, TInput, TOutput> activity, TInput input) =>
        context.CallActivityAsync<TOutput>(activity.Name, input);

    /// <summary>The direct host's table of calls for these activities, by name.</summary>
    public static IEnumerable<KeyValuePair<string, Func<object?, Task<object?>>>> Bind<TActivities>(
        this IEnumerable<IActivity<TActivities>> activities, TActivities implementation) =>
        activities.Select(a => KeyValuePair.Create(a.Name, a.Bind(implementation)));
}
