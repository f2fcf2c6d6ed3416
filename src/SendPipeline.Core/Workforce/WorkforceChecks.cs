using System.Globalization;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Workforce;

/// <summary>
/// The AP outreach (Oakfield) posts funded from the Experts at Hand grant in the quarter, and whether
/// the quarter's financial year lies in the window the grant funds them (spec 4.7).
/// <see cref="OtherFundedFte"/> is AP outreach paid for another way, which the window does not cover.
/// </summary>
public sealed record OutreachRow(string Quarter, string FinancialYear, string FundedFrom, string FundedUntil, bool InWindow,
    int EahPosts, decimal EahFte, decimal EahCost, decimal OtherFundedFte);

/// <summary>
/// One thing an officer should act on: <see cref="Check"/> names the kind, <see cref="ServiceCode"/> and
/// <see cref="PostId"/> who and what (blank when it is about the LA as a whole).
/// </summary>
public sealed record WorkforceCheck(string Quarter, string Check, string? ServiceCode, string? PostId, string Finding, string Action);

/// <summary>The checks of the workforce dataset that go beyond sums: the outreach funding window and time-limited posts past their end.</summary>
public static class WorkforceChecks
{
    public const string OutreachOutsideWindow = "outreach-outside-window";
    public const string OutreachMissing = "outreach-missing";
    public const string TransformationPastEnd = "transformation-past-end";

    private const string Apo = "APO", Eah = "EAH";

    /// <summary>The quarter's AP outreach against the window; null when there is no quarter to place in a financial year.</summary>
    public static OutreachRow? Outreach(IReadOnlyList<WorkforcePost> posts, string? quarter, SplitRules rules)
    {
        if (quarter is null || !FinancialQuarter.TryParse(quarter, out var parsed)) return null;
        var apo = posts.Where(p => Is(p.Discipline, Apo)).ToList();
        var funded = apo.Where(p => Is(p.FundingSource, Eah)).ToList();
        return new OutreachRow(quarter, parsed.Year.ToString(), rules.OutreachFrom.ToString(), rules.OutreachUntil.ToString(), rules.OutreachFunded(parsed.Year),
            funded.Count, funded.Sum(p => p.Fte), funded.Sum(p => p.AnnualCost), apo.Where(p => !Is(p.FundingSource, Eah)).Sum(p => p.Fte));
    }

    /// <summary>
    /// Outreach findings first, then posts past their time limit, each in service and post order.
    /// Both directions of the window are checked: grant money on outreach outside it is spend the
    /// grant does not cover, and no grant-funded outreach inside it means the LA's commitment is not
    /// visible in the returns (usually a missing or rejected Oakfield return).
    /// </summary>
    public static IReadOnlyList<WorkforceCheck> Findings(IReadOnlyList<WorkforcePost> posts, OutreachRow? outreach)
    {
        if (outreach is null || !FinancialQuarter.TryParse(outreach.Quarter, out var parsed)) return [];
        var quarter = outreach.Quarter;
        var window = $"{outreach.FundedFrom} to {outreach.FundedUntil}";
        var checks = new List<WorkforceCheck>();
        if (!outreach.InWindow)
        {
            foreach (var service in posts.Where(p => Is(p.Discipline, Apo) && Is(p.FundingSource, Eah))
                         .GroupBy(p => p.ServiceCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                checks.Add(new WorkforceCheck(quarter, OutreachOutsideWindow, service.Key, null,
                    $"{Posts(service.Count())} of AP outreach ({Number(service.Sum(p => p.Fte))} FTE, {Money(service.Sum(p => p.AnnualCost))} a year) " +
                    $"funded from Experts at Hand in {quarter}, but the grant funds the Oakfield outreach only from {window}.",
                    "Move these posts to another funding source in the next workforce return, or record the approval that extends the outreach funding and change eah-split/outreach-until in the assumptions."));
        }
        else if (outreach.EahPosts == 0)
        {
            var other = outreach.OtherFundedFte == 0 ? "" : $" ({Number(outreach.OtherFundedFte)} FTE of AP outreach is returned under other funding)";
            checks.Add(new WorkforceCheck(quarter, OutreachMissing, null, null,
                $"No AP outreach posts funded from Experts at Hand were returned for {quarter}, although the grant funds the Oakfield outreach from {window}{other}.",
                $"Check the Oakfield outreach service has a workforce return accepted for {quarter} and that its posts are APO with FundingSource EAH."));
        }
        foreach (var post in posts
                     .Where(p => Is(p.Role, "Transformation") && p.TimeLimitedUntil is { } until && until < parsed.Start)
                     .OrderBy(p => p.ServiceCode, StringComparer.Ordinal).ThenBy(p => p.PostId, StringComparer.Ordinal))
            checks.Add(new WorkforceCheck(quarter, TransformationPastEnd, post.ServiceCode, post.PostId,
                $"Transformation post {post.PostId} ({post.Discipline}, {Number(post.Fte)} FTE, {Money(post.AnnualCost)} a year, {post.FundingSource}) " +
                $"was time-limited until {post.TimeLimitedUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, before {quarter} began on {parsed.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.",
                "End the post in the next workforce return, or extend its time limit with the approval recorded."));
        return checks;
    }

    private static bool Is(string value, string code) => value.Equals(code, StringComparison.OrdinalIgnoreCase);

    private static string Posts(int n) => n == 1 ? "1 post" : $"{n} posts";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => "£" + value.ToString("#,##0", CultureInfo.InvariantCulture);
}
