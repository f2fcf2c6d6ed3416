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
public sealed record SplitRow(string Quarter, string Role, decimal Cost, decimal Share, string Rule, bool Meets);

/// <summary>Days delivered to a setting in the quarter against its phase's target, pro rata (spec 3, 4.7).</summary>
public sealed record SettingDaysRow(string Quarter, string LaEstab, string Name, string? Phase, decimal DaysDelivered, decimal? Target, bool NoSupport);

/// <summary>The caps spec 3 leaves to configuration; the defaults are the LA's placeholders until the assumptions carry them.</summary>
public sealed record SplitRules(decimal MinFrontLineShare = 0.80m, decimal MaxEnablingShare = 0.10m, decimal MaxTransformationShare = 0.10m);

public sealed record WorkforceCapacity(
    string? Quarter,
    IReadOnlyList<FteRow> Fte,
    IReadOnlyList<CostRow> Cost,
    IReadOnlyList<SplitRow> Split,
    IReadOnlyList<SettingDaysRow> SettingDays)
{
    /// <summary>
    /// The national ambition (spec 4.7): about 40 expert days a year for each primary and 160 for each
    /// secondary, so 10 and 40 a quarter. Other phases have no stated target.
    /// </summary>
    public static decimal? QuarterlyTarget(string? phase) => phase switch
    {
        not null when phase.Equals("Primary", StringComparison.OrdinalIgnoreCase) => 10m,
        not null when phase.Equals("Secondary", StringComparison.OrdinalIgnoreCase)
                   || phase.Equals("All-through", StringComparison.OrdinalIgnoreCase) => 40m,
        _ => null,
    };

    /// <summary>
    /// Workforce capacity for the latest quarter the services have returned: a pure function of the
    /// picture, so a rebuild from the same returns gives the same rows in the same order.
    /// </summary>
    public static WorkforceCapacity Build(LaPicture picture, SplitRules rules)
    {
        var quarter = Latest(picture.Posts.Select(p => p.Quarter).Concat(picture.Activities.Select(a => a.Quarter)));
        var posts = picture.Posts.Where(p => p.Quarter == quarter).ToList();
        var fte = posts.GroupBy(p => (p.Discipline, p.Role))
            .OrderBy(g => g.Key.Discipline, StringComparer.Ordinal).ThenBy(g => g.Key.Role, StringComparer.Ordinal)
            .Select(g => new FteRow(quarter!, g.Key.Discipline, g.Key.Role, Sum(g, "Filled"), Sum(g, "Vacant"), Sum(g, "Agency"), Sum(g, "Secondment"), g.Count()))
            .ToList();
        var cost = posts.GroupBy(p => (p.Role, p.FundingSource))
            .OrderBy(g => g.Key.Role, StringComparer.Ordinal).ThenBy(g => g.Key.FundingSource, StringComparer.Ordinal)
            .Select(g => new CostRow(quarter!, g.Key.Role, g.Key.FundingSource, g.Sum(p => p.AnnualCost)))
            .ToList();
        return new WorkforceCapacity(quarter, fte, cost, BuildSplit(posts, quarter, rules), BuildSettingDays(picture, quarter));
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
            Row("FrontLine", $"at least {rules.MinFrontLineShare:P0}", s => s >= rules.MinFrontLineShare),
            Row("Enabling", $"at most {rules.MaxEnablingShare:P0}", s => s <= rules.MaxEnablingShare),
            Row("Transformation", $"at most {rules.MaxTransformationShare:P0}", s => s <= rules.MaxTransformationShare),
        ];
    }

    /// <summary>Every open setting in the register, with the days it had (zero: no support at all).</summary>
    private static IReadOnlyList<SettingDaysRow> BuildSettingDays(LaPicture picture, string? quarter)
    {
        if (quarter is null) return [];
        var days = picture.Activities.Where(a => a.Quarter == quarter).GroupBy(a => a.LaEstab).ToDictionary(g => g.Key, g => g.Sum(a => a.Days), StringComparer.Ordinal);
        return picture.Establishments
            .Where(e => e.IsOpen)
            .GroupBy(e => e.LaEstab).Select(g => g.First())
            .OrderBy(e => e.LaEstab, StringComparer.Ordinal)
            .Select(e =>
            {
                var delivered = days.GetValueOrDefault(e.LaEstab);
                return new SettingDaysRow(quarter, e.LaEstab, e.Name, e.Phase, delivered, QuarterlyTarget(e.Phase), delivered == 0);
            })
            .ToList();
    }

    private static decimal Sum(IEnumerable<WorkforcePost> posts, string status) =>
        posts.Where(p => p.Status.Equals(status, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Fte);

    /// <summary>The latest financial quarter named, by its start date.</summary>
    private static string? Latest(IEnumerable<string> quarters) =>
        quarters.Select(q => FinancialQuarter.TryParse(q, out var parsed) ? (Text: q, parsed.Start) : (Text: q, Start: DateOnly.MinValue))
            .OrderByDescending(q => q.Start).Select(q => q.Text).FirstOrDefault();
}
