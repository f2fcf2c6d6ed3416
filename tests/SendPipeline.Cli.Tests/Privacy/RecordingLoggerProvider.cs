using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SendPipeline.Cli.Tests.Privacy;

/// <summary>
/// Keeps every log line at every level, with each structured-log property value and scope (what
/// Application Insights would store as the trace's custom dimensions) and any exception's text.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose() { }

    private sealed class Recorder(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Entries.Enqueue((category + " scope", Describe(state)));
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Entries.Enqueue((category, formatter(state, exception)));
            owner.Entries.Enqueue((category + " properties", Describe(state)));
            if (exception is not null) owner.Entries.Enqueue((category + " exception", exception.ToString()));
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> properties
            ? string.Join('\n', properties.Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"))
            : Convert.ToString(state, CultureInfo.InvariantCulture) ?? "";
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }
}
