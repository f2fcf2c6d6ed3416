using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Submission;

/// <summary>When the quarterly return runs, and for which quarter.</summary>
public static class SubmissionSchedule
{
    /// <summary>
    /// NCRONTAB (with seconds, as Azure Functions reads it): 07:00 UTC on 15 July, October, January
    /// and April, two weeks after each financial quarter ends so late returns can still land.
    /// </summary>
    public const string DefaultCron = "0 0 7 15 1,4,7,10 *";

    /// <summary>The financial quarter that ended most recently before <paramref name="today"/>: on 15 July 2026, 2026-27 Q1.</summary>
    public static FinancialQuarter QuarterJustEnded(DateOnly today)
    {
        var current = FinancialQuarter.Containing(today);
        return FinancialQuarter.Containing(current.Start.AddDays(-1));
    }
}
