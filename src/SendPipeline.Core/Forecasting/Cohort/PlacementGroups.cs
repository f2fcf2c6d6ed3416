namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>
/// A placement group the cohort model projects, named for the output's <c>breakdown</c> column by the DfE caseload
/// column it is (<c>ap_pru_total</c>) or, when it is a sum of DfE columns, by a name built from them. The seven
/// groups do not overlap and add up to <c>ehcplans</c>; "other" is what the others leave (educated elsewhere,
/// early years, awaiting provision, unknown).
/// </summary>
public sealed record PlacementGroup(string Breakdown, string Description, IReadOnlyList<string> Columns)
{
    public double? Value(Func<string, double?> cell)
    {
        double sum = 0;
        foreach (var column in Columns)
        {
            if (cell(column) is not { } v) return null;
            sum += v;
        }
        return sum;
    }
}

/// <summary>A sum of groups the DfE publishes as a column of its own (mainstream_total, special_total).</summary>
public sealed record PlacementTotal(string Breakdown, IReadOnlyList<string> Groups);

/// <summary>
/// A DfE column inside one group (special_independent, within independent and non-maintained special), forecast
/// as the group's forecast times the column's share of the group at the origin.
/// </summary>
public sealed record PlacementPart(string Breakdown, string Group);

public static class PlacementGroups
{
    public const string AllPlans = "All EHC plans";

    public static readonly PlacementGroup Mainstream = new("mainstream_excl_rp_unit",
        "Mainstream schools outside resourced provision and SEN units (mainstream_total less the six RP and unit columns)",
        ["mainstream_la_maintained", "mainstream_academy", "mainstream_free_school", "mainstream_independent"]);

    public static readonly PlacementGroup ResourcedAndUnits = new("mainstream_rp_unit",
        "Resourced provision and SEN units in mainstream schools",
        ["mainstream_la_maintained_resourced_provision", "mainstream_la_maintained_senunit",
            "mainstream_academy_resourced_provision", "mainstream_academy_senunit",
            "mainstream_free_school_resourced_provision", "mainstream_free_school_senunit"]);

    public static readonly PlacementGroup MaintainedSpecial = new("special_la_maintained_academy_free",
        "Maintained, academy and free special schools", ["special_la_maintained", "special_academy_free"]);

    public static readonly PlacementGroup IndependentSpecial = new("special_independent_non_maintained",
        "Independent and non-maintained special schools", ["special_independent", "special_non_maintained"]);

    public static readonly PlacementGroup Alternative = new("ap_pru_total", "Alternative provision and PRUs",
        ["ap_pru_total"]);

    public static readonly PlacementGroup FurtherEducation = new("fe_total", "FE colleges and specialist post-16",
        ["fe_total"]);

    public static readonly PlacementGroup Other = new("other_placements",
        "Everything else: ehcplans less the six groups above", []);

    public static readonly IReadOnlyList<PlacementGroup> All =
        [Mainstream, ResourcedAndUnits, MaintainedSpecial, IndependentSpecial, Alternative, FurtherEducation, Other];

    /// <summary>The DfE's own subtotals, forecast as the sum of their groups' forecasts.</summary>
    public static readonly IReadOnlyList<PlacementTotal> Totals =
    [
        new("mainstream_total", [Mainstream.Breakdown, ResourcedAndUnits.Breakdown]),
        new("special_total", [MaintainedSpecial.Breakdown, IndependentSpecial.Breakdown]),
    ];

    public static readonly IReadOnlyList<PlacementPart> Parts = [new("special_independent",
        IndependentSpecial.Breakdown)];

    /// <summary>Every breakdown forecast by placement: the groups, the DfE subtotals, the parts.</summary>
    public static IReadOnlyList<string> Breakdowns =>
        [.. All.Select(g => g.Breakdown), .. Totals.Select(t => t.Breakdown), .. Parts.Select(p => p.Breakdown)];

    /// <summary>A placement breakdown's count in a year's group split and parts, or null when not known.</summary>
    public static double? Observed(string breakdown, IReadOnlyDictionary<string, double> groups,
        IReadOnlyDictionary<string, double>? parts)
    {
        if (groups.TryGetValue(breakdown, out var value)) return value;
        if (Totals.FirstOrDefault(t => t.Breakdown == breakdown) is { } total) return total.Groups.Sum(g => groups[g]);
        return parts is not null && parts.TryGetValue(breakdown, out var part) ? part : null;
    }

    /// <summary>The columns a caseload or new-plans row must have for the groups to be read.</summary>
    public static IReadOnlyList<string> Columns =>
        [.. All.SelectMany(g => g.Columns).Distinct()];

    /// <summary>
    /// Each group's count in one row, or null when a cell the groups need is marked: "other" is the total less the
    /// rest, so it can only be known when all the rest are.
    /// </summary>
    public static IReadOnlyDictionary<string, double>? Split(double total, Func<string, double?> cell)
    {
        var split = new Dictionary<string, double>();
        double named = 0;
        foreach (var group in All.Where(g => g.Columns.Count > 0))
        {
            if (group.Value(cell) is not { } v) return null;
            split[group.Breakdown] = v;
            named += v;
        }
        split[Other.Breakdown] = Math.Max(0, total - named);
        return split;
    }
}
