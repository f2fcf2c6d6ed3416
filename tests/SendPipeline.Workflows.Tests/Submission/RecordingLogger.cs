using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>Keeps every formatted log message, to check what logs may and may not carry.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
