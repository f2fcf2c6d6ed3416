using System.Globalization;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Workforce;

/// <summary>FTE by discipline and role, split by post status (spec 3).</summary>
public sealed record FteRow(string Quarter, string Discipline, string Role, decimal Filled, decimal Vacant, decimal Agency, decimal Secondment, int Posts);

/// <summary>Annual cost by role and funding source (spec 3).</summary>
public sealed record CostRow(string Quarter, string Role, string FundingSource, decimal AnnualCost);

/// <summary>
/// The Experts at Hand allocation split (spec 3, 4.7): each role's share of the cost funded by the
/// Experts at Hand grant, against its rule. <see cref="Meets"/> is false when the rule is broken.
/// </summary>
public sealed record SplitRow(string Quarter, string Role, decimal Cost, decimal Share, string Rule, bool Meets)
{
    /// <summary>The rule in words for a sentence: "front line at least 80%".</summary>
    public string Describe() => (Role == "FrontLine" ? "front line" : Role.ToLowerInvariant()) + " " + Rule;
}

/// <summary>
/// Days delivered to a setting against its phase's target, pro rata (spec 3, 4.7): in the quarter
/// (<see cref="NoSupport"/>: none in it), and in the financial year to date, the quarter included,
/// against the annual target × the quarters with activity returns in force / 4, so a year whose
/// earlier quarters were never returned is not held to a full year's days
/// (<see cref="NoSupportThisYear"/>: none all year).
/// </summary>
public sealed record SettingDaysRow(string Quarter, string LaEstab, string Name, string? Phase, decimal DaysDelivered, decimal? Target, bool NoSupport,
    decimal YearToDateDays, decimal? YearToDateTarget, bool NoSupportThisYear);

public sealed record WorkforceCapacity(
    string? Quarter,
    IReadOnlyList<FteRow> Fte,
    IReadOnlyList<CostRow> Cost,
    IReadOnlyList<SplitRow> Split,
    IReadOnlyList<SettingDaysRow> SettingDays,
    OutreachRow? Outreach,
    IReadOnlyList<WorkforceCheck> Checks)
{
    /// <summary>
    /// The quarters of the financial year to date (1 to 4) with an activity return in force: the year-to-date
    /// targets are pro rata for these. Empty when the quarter is unreadable or none was returned.
    /// </summary>
    public IReadOnlyList<int> ActivityQuarters { get; init; } = [];

    /// <summary>
    /// The national ambition (spec 4.7): about 40 expert days a year for each primary and 160 for each
    /// secondary by April 2029; an all-through school is held to the secondary figure. Other phases
    /// have no stated target.
    /// </summary>
    public static decimal? AnnualTarget(string? phase) => phase switch
    {
        not null when phase.Equals("Primary", StringComparison.OrdinalIgnoreCase) => 40m,
        not null when phase.Equals("Secondary", StringComparison.OrdinalIgnoreCase)
                   || phase.Equals("All-through", StringComparison.OrdinalIgnoreCase) => 160m,
        _ => null,
    };

    /// <summary>The annual target pro rata for one quarter: 10 for a primary, 40 for a secondary.</summary>
    public static decimal? QuarterlyTarget(string? phase) => AnnualTarget(phase) / 4;

    /// <summary>
    /// Workforce capacity for <paramref name="forQuarter"/> (the DfE return's quarter), or else the latest
    /// quarter the services have returned: a pure function of the picture, so a rebuild from the same
    /// returns gives the same rows in the same order.
    /// </summary>
    public static WorkforceCapacity Build(LaPicture picture, SplitRules rules, string? forQuarter = null)
    {
        var quarter = forQuarter ?? Latest(picture.Posts.Select(p => p.Quarter).Concat(picture.Activities.Select(a => a.Quarter)));
        var posts = picture.Posts.Where(p => p.Quarter == quarter).ToList();
        var fte = posts.GroupBy(p => (p.Discipline, p.Role))
            .OrderBy(g => g.Key.Discipline, StringComparer.Ordinal).ThenBy(g => g.Key.Role, StringComparer.Ordinal)
            .Select(g => new FteRow(quarter!, g.Key.Discipline, g.Key.Role, Sum(g, "Filled"), Sum(g, "Vacant"), Sum(g, "Agency"), Sum(g, "Secondment"), g.Count()))
            .ToList();
        var cost = posts.GroupBy(p => (p.Role, p.FundingSource))
            .OrderBy(g => g.Key.Role, StringComparer.Ordinal).ThenBy(g => g.Key.FundingSource, StringComparer.Ordinal)
            .Select(g => new CostRow(quarter!, g.Key.Role, g.Key.FundingSource, g.Sum(p => p.AnnualCost)))
            .ToList();
        var outreach = WorkforceChecks.Outreach(posts, quarter, rules);
        var activityQuarters = ActivityQuartersOf(picture, quarter);
        return new WorkforceCapacity(quarter, fte, cost, BuildSplit(posts, quarter, rules),
            BuildSettingDays(picture, quarter, activityQuarters), outreach, WorkforceChecks.Findings(posts, outreach))
        {
            ActivityQuarters = activityQuarters,
        };
    }

    private static IReadOnlyList<int> ActivityQuartersOf(LaPicture picture, string? quarter)
    {
        if (quarter is null || !FinancialQuarter.TryParse(quarter, out var current)) return [];
        return [.. picture.Activities.Select(a => FinancialQuarter.TryParse(a.Quarter, out var q) ? q : default)
            .Where(q => q.Year == current.Year && q.Quarter >= 1 && q.Quarter <= current.Quarter)
            .Select(q => q.Quarter).Distinct().Order()];
    }

    private static IReadOnlyList<SplitRow> BuildSplit(List<WorkforcePost> posts, string? quarter, SplitRules rules)
    {
        var grant = posts.Where(p => p.FundingSource.Equals("EAH", StringComparison.OrdinalIgnoreCase)).ToList();
        var total = grant.Sum(p => p.AnnualCost);
        if (total == 0) return [];
        decimal Cost(string role) => grant.Where(p => p.Role.Equals(role, StringComparison.OrdinalIgnoreCase)).Sum(p => p.AnnualCost);
        SplitRow Row(string role, string rule, Func<decimal, bool> meets)
        {
            var share = Math.Round(Cost(role) / total, 4);
            return new SplitRow(quarter!, role, Cost(role), share, rule, meets(share));
        }
        return
        [
            Row("FrontLine", $"at least {Percent(rules.MinFrontLineShare)}", s => s >= rules.MinFrontLineShare),
            Row("Enabling", $"at most {Percent(rules.MaxEnablingShare)}", s => s <= rules.MaxEnablingShare),
            Row("Transformation", $"at most {Percent(rules.MaxTransformationShare)}", s => s <= rules.MaxTransformationShare),
        ];
    }

    /// <summary>
    /// Every open setting in the register, with the days it had in the quarter and in the financial
    /// year so far, so days given early in the year still count in a later quarter.
    /// </summary>
    private static IReadOnlyList<SettingDaysRow> BuildSettingDays(LaPicture picture, string? quarter,
        IReadOnlyList<int> activityQuarters)
    {
        if (quarter is null) return [];
        var parsed = FinancialQuarter.TryParse(quarter, out var current);
        // An unreadable quarter (never in an accepted return) is a year of one quarter: itself.
        bool SoFarThisYear(string q) => parsed
            ? FinancialQuarter.TryParse(q, out var other) && other.Year == current.Year && other.Quarter <= current.Quarter
            : q == quarter;
        // Quarters returned, not quarters elapsed: at least the quarter itself, which is being reported.
        var elapsed = Math.Max(1, activityQuarters.Count);
        var days = Totals(picture.Activities.Where(a => a.Quarter == quarter));
        var yearToDate = Totals(picture.Activities.Where(a => SoFarThisYear(a.Quarter)));
        // Schools only: the register also lists the independent schools and colleges the LA places children
        // in, out of county too, which Experts at Hand does not serve and which have no days target.
        return picture.Establishments
            .Where(e => e.IsOpen && CrossReturnChecks.MakesCensusReturn(e))
            .GroupBy(e => e.LaEstab).Select(g => g.First())
            .OrderBy(e => e.LaEstab, StringComparer.Ordinal)
            .Select(e =>
            {
                var delivered = days.GetValueOrDefault(e.LaEstab);
                var soFar = yearToDate.GetValueOrDefault(e.LaEstab);
                return new SettingDaysRow(quarter, e.LaEstab, e.Name, e.Phase, delivered, QuarterlyTarget(e.Phase), delivered == 0,
                    soFar, AnnualTarget(e.Phase) * elapsed / 4, soFar == 0);
            })
            .ToList();
    }

    private static Dictionary<string, decimal> Totals(IEnumerable<Activity> activities) =>
        activities.GroupBy(a => a.LaEstab).ToDictionary(g => g.Key, g => g.Sum(a => a.Days), StringComparer.Ordinal);

    /// <summary>Invariant, so a rebuild on any machine writes the same rule text: 0.8 is "80%", 0.125 "12.5%".</summary>
    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static decimal Sum(IEnumerable<WorkforcePost> posts, string status) =>
        posts.Where(p => p.Status.Equals(status, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Fte);

    /// <summary>The latest financial quarter named, by its start date.</summary>
    private static string? Latest(IEnumerable<string> quarters) =>
        quarters.Select(q => FinancialQuarter.TryParse(q, out var parsed) ? (Text: q, parsed.Start) : (Text: q, Start: DateOnly.MinValue))
            .OrderByDescending(q => q.Start).Select(q => q.Text).FirstOrDefault();
}
