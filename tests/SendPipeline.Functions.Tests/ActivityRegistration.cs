using System.Reflection;
using Microsoft.DurableTask;
using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// Registers a workflow's activities on the Durable test host from their table: the names and types are
/// the table's, so a test host cannot drift from the app (whose bindings <see cref="ActivityBindingTests"/> holds to it).
/// </summary>
internal static class ActivityRegistration
{
    private static readonly MethodInfo AddOneMethod =
        typeof(ActivityRegistration).GetMethod(nameof(AddOne), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <param name="except">Activities the test registers itself, to watch or replace them.</param>
    public static DurableTaskRegistry AddActivities<TActivities>(this DurableTaskRegistry registry, IEnumerable<IActivity<TActivities>> activities,
        TActivities implementation, params string[] except)
    {
        foreach (var activity in activities.Where(a => !except.Contains(a.Name)))
            AddOneMethod.MakeGenericMethod(typeof(TActivities), activity.Input, activity.Output).Invoke(null, [registry, activity, implementation]);
        return registry;
    }

    private static void AddOne<TActivities, TInput, TOutput>(DurableTaskRegistry registry, IActivity<TActivities> activity, TActivities implementation)
    {
        var typed = (Activity<TActivities, TInput, TOutput>)activity;
        registry.AddActivityFunc<TInput, TOutput>(typed.Name, (_, input) => typed.Run(implementation, input, CancellationToken.None));
    }
}
