using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// One amount of the HNB cost forecast: a financial year, a scenario, an S251 line and, for the
/// top-up lines placements drive, a placement category (null for a line forecast as a whole).
/// The base year's rows are the actual outturn, repeated under both scenarios.
/// </summary>
public sealed record HnbForecastRow(string FinancialYear, string Scenario, string S251Line, string? Category, decimal Amount);

/// <summary>EHC plans at the January a financial year pairs with, under one scenario (the cohort's scale, not
/// the placement returns').</summary>
public sealed record HnbPlansRow(string FinancialYear, string Scenario, decimal Plans);

/// <summary>The forecast rows, sorted, with totals; <see cref="Plans"/> when the forecast knew the LA's EHC
/// plans.</summary>
public sealed record HnbForecastResult(IReadOnlyList<HnbForecastRow> Rows)
{
    public IReadOnlyList<HnbPlansRow> Plans { get; init; } = [];

    /// <summary>What placement categories grew with: <see cref="CategoryGrowth.CohortBasis"/> or
    /// <see cref="CategoryGrowth.TotalBasis"/>.</summary>
    public string GrowthBasis { get; init; } = CategoryGrowth.TotalBasis;

    /// <summary>Where the growth came from beyond the published tables (the LA's own register) and where that
    /// fell short: sentences for the officer, no pupil data.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public decimal Total(string financialYear, string scenario) =>
        Rows.Where(r => r.FinancialYear == financialYear && r.Scenario == scenario).Sum(r => r.Amount);

    /// <summary>Spend by placement category in one year and scenario (lines with no category left out), in category order.</summary>
    public IReadOnlyList<(string Category, decimal Amount)> ByCategory(string financialYear, string scenario) =>
        [.. Rows.Where(r => r.FinancialYear == financialYear && r.Scenario == scenario && r.Category is not null)
            .GroupBy(r => r.Category!)
            .OrderBy(g => HnbAssumptions.CategoryOrder(g.Key))
            .Select(g => (g.Key, g.Sum(r => r.Amount)))];

    /// <summary>Spend by S251 line in one year and scenario, in spec 4.6 order.</summary>
    public IReadOnlyList<(string Line, decimal Amount)> ByLine(string financialYear, string scenario) =>
        [.. Rows.Where(r => r.FinancialYear == financialYear && r.Scenario == scenario)
            .GroupBy(r => r.S251Line)
            .OrderBy(g => S251Lines.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(r => r.Amount)))];

    public IReadOnlyList<string> Years => [.. Rows.Select(r => r.FinancialYear).Distinct()];
}

/// <summary>
/// What the HNB forecast reads from the picture, gathered once (<see cref="HnbForecast.Prepare"/>) so that many
/// scenarios, or a goal seek's dozens of runs, cost only the arithmetic.
/// </summary>
public sealed class HnbInputs
{
    internal HnbInputs(Dictionary<string, decimal> actuals, BaseYearPlacements placements, CategoryGrowth growth,
        ReformEvidence evidence, IReadOnlyDictionary<string, decimal>? basePlans)
    {
        Actuals = actuals;
        Placements = placements;
        Growth = growth;
        Evidence = evidence;
        BasePlans = basePlans;
    }

    internal Dictionary<string, decimal> Actuals { get; }

    internal BaseYearPlacements Placements { get; }

    public CategoryGrowth Growth { get; }

    /// <summary>The LA's figures the reform levers are scaled by.</summary>
    public ReformEvidence Evidence { get; }

    /// <summary>EHC plans by placement category in the base year, when the LA's plans are known.</summary>
    internal IReadOnlyDictionary<string, decimal>? BasePlans { get; }

    /// <summary>What the growth was read from, when it was more than the published tables (the forecast's
    /// <see cref="HnbForecastResult.Notes"/>).</summary>
    public IReadOnlyList<string> Notes { get; internal set; } = [];
}

/// <summary>
/// The High Needs Block cost forecast (spec 3; docs/forecasting.md "HNB cost forecast"), a pure
/// function of the LA's picture, each placement category's growth path and the assumptions.
/// <list type="number">
/// <item><b>Base year</b> (<c>forecast/base-year</c>): the <c>Actual</c> hnb-finance amount of each S251 line.</item>
/// <item><b>Placements</b> (<see cref="BaseYearPlacements"/>): for each provider, its rows at its
/// latest <c>ReturnDate</c> with <c>HomeLA</c> = the LA and active on that date, plus the pupils with
/// an EHC plan on the latest census of each of the LA's schools whose UPN is on no current placement
/// row (category from the school's register type), counted by category and S251 top-up line, are the
/// base-year counts. The line comes from the provider's (or school's) entry in the establishments
/// register (<see cref="PlacementLines"/>): MMS and RP on 1.2.1 at a maintained school,
/// 1.2.2 at an academy or free school, half on each when the provider is not in the register; AP on
/// 1.2.1 at a pupil referral unit, 1.2.2 at an AP academy or free school, 1.2.7 otherwise. A
/// category's modelled cost on a line is count × its base-year share on that line × unit cost.</item>
/// <item><b>Later years</b> t = 1, 2, …: count(c, t) = count(c, t−1) × (1 + g(c, t)) × (1 + placement-growth(c)),
/// with g(c, t) the growth of the category's DfE placement group in the cohort projection
/// (<see cref="CategoryGrowth.FromCohort"/>, groups by <see cref="CategoryGroups"/>), or without the DfE tables
/// the LA's total EHC plan growth (<see cref="CaseloadGrowth.For"/>);
/// unit cost(c, t) = unit cost(c) × (1 + inflation)^t.</item>
/// <item><b>Calibration</b>: for each top-up line, factor = actual(line, base) / modelled(line, base),
/// applied in every year. Our returns do not see every funded placement (and unit costs are
/// averages), so the factor keeps the base-year outturn exact and takes only the growth from the
/// model. A top-up line with no actual row keeps factor 1; a top-up line with an actual but no
/// modelled placements is forecast like a non-placement line.</item>
/// <item><b>Other lines</b>: actual(line, base) × (1 + line-growth(line), else inflation)^t, category null.</item>
/// <item><b>Reform</b> (from <c>reform/start-year</c>): the named levers (<see cref="ReformEffect"/>) change the
/// baseline counts: placements avoided, ceased or moved between categories, each moved placement costed at its new
/// category's unit cost and lines. Before the start year reform equals baseline.</item>
/// </list>
/// Amounts are rounded to the penny; in the base year the rounding residue of a line goes on its
/// last row so that every line equals its actual exactly.
/// </summary>
public static class HnbForecast
{
    public const string ActualBasis = "Actual";

    /// <summary>The S251 top-up lines placement categories map to (spec 4.5).</summary>
    public static readonly IReadOnlyList<string> TopUpLines = ["1.2.1", "1.2.2", "1.2.3", "1.2.7", "1.2.11"];

    /// <summary>
    /// Forecasts from the base year to the end year of <paramref name="assumptions"/> with every category on
    /// one caseload growth path. <paramref name="caseloadGrowthByYear"/>[0] is the EHC plan caseload growth
    /// (0.1 = 10%) from the base year to the first forecast year, and so on; it must cover every forecast year.
    /// </summary>
    public static HnbForecastResult Run(LaPicture picture, string laCode, IReadOnlyList<double> caseloadGrowthByYear,
        HnbAssumptions assumptions) =>
        Run(Prepare(picture, laCode, CategoryGrowth.Uniform(caseloadGrowthByYear), assumptions), assumptions);

    /// <summary>Gathers the base year's actuals and placements, and the reform evidence, once.</summary>
    /// <param name="basePlans">EHC plans in the base year's January; split over categories by the cohort's groups
    /// (or, without them, by the base-year placements), it gives <see cref="HnbForecastResult.Plans"/>.</param>
    public static HnbInputs Prepare(LaPicture picture, string laCode, CategoryGrowth growth, HnbAssumptions assumptions,
        ReformEvidence? evidence = null, double? basePlans = null)
    {
        var baseYear = assumptions.BaseYear;
        var actuals = BaseActuals(picture, baseYear);
        if (actuals.Count == 0)
            throw new ArgumentException($"The picture has no Actual hnb-finance lines for {baseYear}.", nameof(picture));
        var placements = BaseYearPlacements.From(picture, laCode);
        return new HnbInputs(actuals, placements, growth, evidence ?? ReformEvidence.England,
            PlansByCategory(placements, growth, baseYear.StartYear, basePlans));
    }

    /// <summary>Forecasts from the base year to the end year of <paramref name="assumptions"/>.</summary>
    public static HnbForecastResult Run(HnbInputs inputs, HnbAssumptions assumptions)
    {
        var baseYear = assumptions.BaseYear;
        var endYear = assumptions.EndYear;
        if (endYear.StartYear <= baseYear.StartYear)
            throw new ArgumentException($"The end year {endYear} is not after the base year {baseYear}.", nameof(assumptions));
        var horizon = endYear.StartYear - baseYear.StartYear;
        if (inputs.Growth.Years < horizon)
            throw new ArgumentException($"Caseload growth is given for {inputs.Growth.Years} year(s); " +
                $"{baseYear} to {endYear} needs {horizon}.", nameof(inputs));
        var actuals = inputs.Actuals;
        var placements = inputs.Placements;
        var baseCounts = placements.ByCategory;

        var rows = new List<HnbForecastRow>();
        var plans = new List<HnbPlansRow>();
        foreach (var scenario in HnbAssumptions.Scenarios)
        {
            var counts = ProjectCounts(baseCounts, inputs, horizon, assumptions, scenario);
            if (inputs.BasePlans is { } basePlans)
            {
                var planCounts = ProjectCounts(basePlans, inputs, horizon, assumptions, scenario);
                for (var t = 0; t <= horizon; t++)
                    plans.Add(new HnbPlansRow(new FinancialYear(baseYear.StartYear + t).ToString(), scenario,
                        Math.Round(planCounts.Values.Sum(p => p[t]), 0, MidpointRounding.AwayFromZero)));
            }
            // Modelled cost by (line, category, t), before calibration.
            var modelled = new Dictionary<(string Line, string Category), decimal[]>();
            foreach (var category in PlacementCategories.All)
            {
                var unit = assumptions.UnitCost(scenario, category.Code);
                var inflation = assumptions.Inflation(scenario, category.Code);
                // Each category keeps its base-year division over the lines; growth and reform moves do not change it.
                foreach (var (line, share) in placements.Lines(category.Code))
                {
                    var path = modelled[(line, category.Code)] = new decimal[horizon + 1];
                    for (var t = 0; t <= horizon; t++)
                        path[t] = counts[category.Code][t] * share * unit * Pow(1 + inflation, t);
                }
            }

            var lineCodes = actuals.Keys.Union(TopUpLines).ToList();
            foreach (var line in lineCodes)
            {
                var driven = modelled.Where(m => m.Key.Line == line && m.Value[0] != 0).OrderBy(m => HnbAssumptions.CategoryOrder(m.Key.Category)).ToList();
                var hasActual = actuals.TryGetValue(line, out var actual);
                if (TopUpLines.Contains(line) && driven.Count > 0)
                {
                    var modelledBase = driven.Sum(m => m.Value[0]);
                    var factor = hasActual ? actual / modelledBase : 1m;
                    for (var t = 0; t <= horizon; t++)
                    {
                        var year = new FinancialYear(baseYear.StartYear + t).ToString();
                        var lineRows = driven.Select(m => new HnbForecastRow(year, scenario, line, m.Key.Category, Math.Round(m.Value[t] * factor, 2, MidpointRounding.AwayFromZero))).ToList();
                        if (t == 0 && hasActual)
                        {
                            var residue = actual - lineRows.Sum(r => r.Amount);
                            lineRows[^1] = lineRows[^1] with { Amount = lineRows[^1].Amount + residue };
                        }
                        rows.AddRange(lineRows);
                    }
                }
                else if (hasActual)
                {
                    var growth = assumptions.LineGrowth(scenario, line);
                    for (var t = 0; t <= horizon; t++)
                        rows.Add(new HnbForecastRow(new FinancialYear(baseYear.StartYear + t).ToString(), scenario, line, null,
                            t == 0 ? actual : Math.Round(actual * Pow(1 + growth, t), 2, MidpointRounding.AwayFromZero)));
                }
            }
        }
        return new HnbForecastResult(Sort(rows))
        {
            Plans = plans, GrowthBasis = inputs.Growth.Basis, Notes = inputs.Notes,
        };
    }

    /// <summary>
    /// The base year's EHC plans by category: each cohort group's plans split over its categories by their base-year
    /// placements (half each when neither has any), or without the cohort the total split by the placements.
    /// </summary>
    private static IReadOnlyDictionary<string, decimal>? PlansByCategory(BaseYearPlacements placements,
        CategoryGrowth growth, int baseYear, double? total)
    {
        var counts = placements.ByCategory;
        if (growth.Cohort is { } cohort)
        {
            var byCategory = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var group in Cohort.PlacementGroups.All)
            {
                var members = CategoryGroups.In(group);
                var placed = members.Sum(c => counts[c]);
                foreach (var c in members)
                    byCategory[c] = (decimal)cohort.Plans(group, baseYear)
                        * (placed > 0 ? counts[c] / placed : 1m / members.Count);
            }
            return byCategory;
        }
        var all = counts.Values.Sum();
        if (total is not { } plans || all <= 0) return null;
        return counts.ToDictionary(c => c.Key, c => (decimal)plans * c.Value / all);
    }

    /// <summary>Actual amount by S251 line in the base year; of two rows for one line the later added wins.</summary>
    private static Dictionary<string, decimal> BaseActuals(LaPicture picture, FinancialYear baseYear)
    {
        var actuals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var f in picture.FinanceLines)
            if (FinancialYear.TryParse(f.FinancialYear.Trim(), out var y) && y == baseYear && f.Basis.Trim().Equals(ActualBasis, StringComparison.OrdinalIgnoreCase))
                actuals[S251Lines.Find(f.S251Line.Trim())?.Code ?? f.S251Line.Trim()] = f.Amount;
        return actuals;
    }

    /// <summary>Counts by category for t = 0 … horizon under one scenario (unrounded): the baseline grown by each
    /// category's path, then in the reform scenario the levers (<see cref="ReformEffect"/>).</summary>
    private static Dictionary<string, decimal[]> ProjectCounts(IReadOnlyDictionary<string, decimal> baseCounts,
        HnbInputs inputs, int horizon, HnbAssumptions assumptions, string scenario)
    {
        var counts = PlacementCategories.All.ToDictionary(c => c.Code, c => new decimal[horizon + 1]);
        foreach (var c in PlacementCategories.All)
        {
            var path = counts[c.Code];
            var growth = inputs.Growth.Of(c.Code);
            var extra = 1 + assumptions.PlacementGrowth(scenario, c.Code);
            path[0] = baseCounts.GetValueOrDefault(c.Code);
            for (var t = 1; t <= horizon; t++) path[t] = path[t - 1] * (1 + (decimal)growth[t - 1]) * extra;
        }
        if (scenario != HnbAssumptions.Reform) return counts;
        var reformFrom = assumptions.ReformStart.StartYear - assumptions.BaseYear.StartYear;
        return ReformEffect.Apply(counts, Math.Max(1, reformFrom), ReformSettings.From(assumptions), inputs.Evidence);
    }

    private static decimal Pow(decimal x, int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= x;
        return result;
    }

    /// <summary>Year, scenario (baseline, reform), S251 line in spec 4.6 order, category in spec 4.5 order (none first).</summary>
    private static List<HnbForecastRow> Sort(List<HnbForecastRow> rows) =>
        [.. rows.OrderBy(r => r.FinancialYear, StringComparer.Ordinal)
            .ThenBy(r => r.Scenario == HnbAssumptions.Baseline ? 0 : 1)
            .ThenBy(r => S251Lines.Order(r.S251Line)).ThenBy(r => r.S251Line, StringComparer.Ordinal)
            .ThenBy(r => HnbAssumptions.CategoryOrder(r.Category))];
}
