using System.Globalization;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>The words every report uses for issues that were counted but not listed (the detail is bounded).</summary>
public static class NotListed
{
    public const string Fix = "Correct the rows listed, then upload again: the next report lists any that remain.";

    public static string Sentence(int count) => string.Create(CultureInfo.InvariantCulture,
        $"{count:N0} more {(count == 1 ? "issue" : "issues")} of this rule {(count == 1 ? "is" : "are")} counted but not listed.");

    public static string Summary(int omitted) =>
        string.Create(CultureInfo.InvariantCulture, $"A report lists at most the first {IssueCollector.PerRuleDetailLimit:N0} issues ") +
        string.Create(CultureInfo.InvariantCulture, $"of each rule and {IssueCollector.DefaultDetailLimit:N0} in all ") +
        string.Create(CultureInfo.InvariantCulture, $"(the first of every rule always); {omitted:N0} more are counted in the totals above but not listed:");
}
