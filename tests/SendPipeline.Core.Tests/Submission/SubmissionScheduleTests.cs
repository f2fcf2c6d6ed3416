using SendPipeline.Core.Submission;

namespace SendPipeline.Core.Tests.Submission;

public class SubmissionScheduleTests
{
    [Theory]
    [InlineData("2026-07-15", "2026-27 Q1")]
    [InlineData("2026-10-15", "2026-27 Q2")]
    [InlineData("2027-01-15", "2026-27 Q3")]
    [InlineData("2027-04-15", "2026-27 Q4")]
    [InlineData("2026-04-01", "2025-26 Q4")]
    [InlineData("2026-06-30", "2025-26 Q4")]
    public void QuarterJustEnded_OnARunDate_IsTheFinancialQuarterBeforeIt(string today, string quarter) =>
        Assert.Equal(quarter, SubmissionSchedule.QuarterJustEnded(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString());
}
