using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// Which DfE placement group (<see cref="PlacementGroups"/>) each placement category (spec 4.5) moves with: the one
/// home of that mapping. Two categories share a group where the DfE counts them together (maintained and academy
/// special schools; general FE and specialist post-16).
/// </summary>
public static class CategoryGroups
{
    private static readonly Dictionary<string, PlacementGroup> Groups = new(StringComparer.Ordinal)
    {
        ["MMS"] = PlacementGroups.Mainstream,
        ["RP"] = PlacementGroups.ResourcedAndUnits,
        ["MSS"] = PlacementGroups.MaintainedSpecial,
        ["ASS"] = PlacementGroups.MaintainedSpecial,
        ["INMSS"] = PlacementGroups.IndependentSpecial,
        ["AP"] = PlacementGroups.Alternative,
        ["FE"] = PlacementGroups.FurtherEducation,
        ["SPI"] = PlacementGroups.FurtherEducation,
        ["OTH"] = PlacementGroups.Other,
    };

    /// <summary>The group a category's placements grow with.</summary>
    public static PlacementGroup Of(string category) =>
        Groups.TryGetValue(category, out var group) ? group
        : throw new ArgumentException($"'{category}' is not a placement category.", nameof(category));

    /// <summary>The categories that share a group, in spec 4.5 order.</summary>
    public static IReadOnlyList<string> In(PlacementGroup group) =>
        [.. PlacementCategories.All.Select(c => c.Code).Where(c => Groups[c] == group)];
}

/// <summary>
/// The LA's EHC plans by placement group each January, from the DfE tables: the published counts up to the last
/// January the tables hold, then the cohort model's projection (<see cref="CohortModel"/>, the point path
/// <c>forecast-ehcp --data-dir --by placement</c> prints) to <see cref="Through"/>. Years are keyed as
/// <see cref="AcademicYear"/> (2024 is January 2025), which pairs with the financial year starting in the same
/// calendar year, as <see cref="CaseloadGrowth"/> pairs them.
/// </summary>
public sealed record CohortPlans(string LaCode, int Origin, int Through,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> ByGroup)
{
    /// <summary>
    /// The projection for <paramref name="laCode"/> through <paramref name="through"/>; null when the tables have no
    /// placement split for the LA at its last January, or the model cannot project it.
    /// </summary>
    public static CohortPlans? Project(EhcpTables tables, string laCode, int through)
    {
        if (!tables.Placements.TryGetValue(laCode, out var published) || published.Count == 0) return null;
        if (!tables.Totals.TryGetValue(laCode, out var totals)) return null;
        var origin = published.Keys.Where(totals.ContainsKey).DefaultIfEmpty(int.MinValue).Max();
        if (origin == int.MinValue) return null;
        var byGroup = PlacementGroups.All.ToDictionary(g => g.Breakdown, _ => new Dictionary<int, double>());
        foreach (var (year, split) in published)
            foreach (var group in PlacementGroups.All)
                byGroup[group.Breakdown][year] = split[group.Breakdown];
        var horizon = through - origin;
        if (horizon > 0)
        {
            // The point path only: CohortForecast.Run would also backtest every origin to set intervals the HNB
            // forecast does not use (seconds, against milliseconds for the projection itself).
            var known = CohortBacktest.Truncate(tables, origin);
            if (CohortModel.Project(known, origin, horizon).FirstOrDefault(p => p.Code == laCode) is not { } path)
                return null;
            foreach (var group in PlacementGroups.All)
            {
                var values = CohortBacktest.PathOf(known, origin, path, group.Breakdown);
                if (values is null) return null;
                for (var h = 1; h <= horizon; h++) byGroup[group.Breakdown][origin + h] = values[h - 1];
            }
        }
        return new CohortPlans(laCode, origin, Math.Max(through, origin),
            byGroup.ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, double>)g.Value));
    }

    /// <summary>Plans in a group in a year's January (0 when the tables and the path do not reach it).</summary>
    public double Plans(PlacementGroup group, int year) => ByGroup[group.Breakdown].GetValueOrDefault(year);

    /// <summary>All plans in a year's January: the groups add up to the total.</summary>
    public double Total(int year) => ByGroup.Values.Sum(g => g.GetValueOrDefault(year));
}

/// <summary>
/// The yearly growth each placement category's count moves with in the HNB forecast: from the cohort's projection
/// of its DfE placement group (<see cref="FromCohort"/>), or, without the DfE tables, every category on the LA's
/// total EHC plan growth (<see cref="Uniform"/>, the forecast before the cohort model). <see cref="Of"/>[0] is the
/// growth from the base year to the next.
/// </summary>
public sealed class CategoryGrowth
{
    public const string CohortBasis = "cohort", TotalBasis = "total";

    private readonly IReadOnlyDictionary<string, IReadOnlyList<double>> _byCategory;

    private CategoryGrowth(IReadOnlyDictionary<string, IReadOnlyList<double>> byCategory, string basis,
        CohortPlans? cohort)
    {
        _byCategory = byCategory;
        Basis = basis;
        Cohort = cohort;
    }

    /// <summary><see cref="CohortBasis"/> or <see cref="TotalBasis"/>: which the forecast says it used.</summary>
    public string Basis { get; }

    /// <summary>The cohort projection behind the growth, when there is one.</summary>
    public CohortPlans? Cohort { get; }

    public IReadOnlyList<double> Of(string category) => _byCategory[category];

    /// <summary>Years of growth given (every category has the same number).</summary>
    public int Years => _byCategory.Values.First().Count;

    /// <summary>Every category on the same caseload growth path.</summary>
    public static CategoryGrowth Uniform(IReadOnlyList<double> caseloadGrowthByYear) =>
        new(PlacementCategories.All.ToDictionary(c => c.Code, _ => caseloadGrowthByYear), TotalBasis, null);

    /// <summary>
    /// Each category on its group's growth from <paramref name="baseYear"/> (a financial year's start) to
    /// <paramref name="endYear"/>; a group with no plans in a year grows by 0 from it.
    /// </summary>
    public static CategoryGrowth FromCohort(CohortPlans cohort, int baseYear, int endYear)
    {
        var byCategory = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var category in PlacementCategories.All)
        {
            var group = CategoryGroups.Of(category.Code);
            var growth = new List<double>();
            for (var year = baseYear; year < endYear; year++)
            {
                var (from, to) = (cohort.Plans(group, year), cohort.Plans(group, year + 1));
                growth.Add(from > 0 && to > 0 ? to / from - 1 : 0);
            }
            byCategory[category.Code] = growth;
        }
        return new CategoryGrowth(byCategory, CohortBasis, cohort);
    }
}
