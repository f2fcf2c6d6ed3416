using System.Collections.Concurrent;
using System.Text.Json;
using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Cli.Tests.Privacy;

/// <summary>
/// Records every activity's input and output as the JSON Durable Functions would store in its history
/// (System.Text.Json, the worker's default serializer), and the message of any exception it throws.
/// </summary>
internal sealed class ActivityRecorder
{
    public ConcurrentQueue<(string Location, string Json)> Records { get; } = new();

    public ActivityDecorator Decorate => (name, activity) => async input =>
    {
        Records.Enqueue(($"{name} input", Serialise(input)));
        try
        {
            var output = await activity(input);
            Records.Enqueue(($"{name} output", Serialise(output)));
            return output;
        }
        catch (Exception e)
        {
            Records.Enqueue(($"{name} exception", e.ToString()));
            throw;
        }
    };

    private static string Serialise(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, value.GetType());
}
