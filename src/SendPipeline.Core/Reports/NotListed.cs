using System.Globalization;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>The words every report uses for issues that were counted but not listed (the detail is bounded).</summary>
public static class NotListed
{
    public const string Fix = "Correct the rows listed, then upload again: the next report lists any that remain.";

    public static string Sentence(int count) => count == 1
        ? "1 more issue of this rule is counted but not listed."
        : count.ToString("N0", CultureInfo.InvariantCulture) + " more issues of this rule are counted but not listed.";

    public static string Summary(int omitted)
    {
        var (perRule, total) = (IssueCollector.PerRuleDetailLimit, IssueCollector.DefaultDetailLimit);
        var culture = CultureInfo.InvariantCulture;
        return string.Create(culture, $"A report lists at most the first {perRule:N0} issues of each rule ")
            + string.Create(culture, $"and {total:N0} in all (the first of every rule always); ")
            + string.Create(culture, $"{omitted:N0} more are counted in the totals above but not listed:");
    }
}
