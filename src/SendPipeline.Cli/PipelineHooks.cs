using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Cli;

/// <summary>
/// What a caller may attach to the CLI's in-process workflows: the loggers the activities write to
/// (none by default, as the commands print their own summaries) and a wrapper round every activity
/// call (the drill's retries and faults, the privacy test's recording).
/// </summary>
public sealed record PipelineHooks(ILoggerFactory Loggers, ActivityDecorator? Decorate = null)
{
    public static PipelineHooks None { get; } = new(NullLoggerFactory.Instance);
}
