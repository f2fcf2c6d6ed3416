using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Triggers;

/// <summary>
/// Publishes the quarterly DfE return on the schedule in the <see cref="ScheduleSetting"/> app setting
/// (NCRONTAB; <see cref="SubmissionSchedule.DefaultCron"/>: 07:00 UTC on 15 July, October, January and
/// April), for the financial quarter just ended.
/// </summary>
public sealed class SubmissionTimer(ILogger<SubmissionTimer> logger, TimeProvider clock)
{
    /// <summary>A flat setting name: the host's %name% lookup does not reliably resolve nested (A__B) settings.</summary>
    public const string ScheduleSetting = "SubmissionSchedule";

    [Function(nameof(SubmissionTimer))]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        var quarter = SubmissionSchedule.QuarterJustEnded(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return SubmissionStarter.StartAsync(client, new SubmissionRequest(quarter.ToString()), logger, context.CancellationToken);
    }
}
