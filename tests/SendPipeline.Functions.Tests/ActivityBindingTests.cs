using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SendPipeline.Functions.Activities;
using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// The isolated worker needs one [Function] method per activity; the activity tables say what each is.
/// This holds the two to each other: every activity in a table has exactly one binding under its name,
/// taking its input and returning its output, and no binding is for an activity no table has.
/// </summary>
public class ActivityBindingTests
{
    private static IEnumerable<(string Name, Type Input, Type Output)> Bindings() =>
        from type in typeof(IngestActivityFunctions).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
        where function is not null && trigger is not null
        select (function.Name, trigger.ParameterType, method.ReturnType.GetGenericArguments().Single());

    [Fact]
    public void EveryActivity_HasOneBinding_WithItsTypes_AndEveryBindingIsAnActivity()
    {
        var bindings = Bindings().OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var table = DirectWorkflowContext.AllActivities.Select(a => (a.Name, a.Input, a.Output))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(13, table.Count);
        Assert.Equal(table.Count, table.Select(a => a.Name).Distinct().Count());
        Assert.Equal(table, bindings);
    }
}
