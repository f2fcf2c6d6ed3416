using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Tests.Forecasting.Cohort;

namespace SendPipeline.Core.Tests.Forecasting;

/// <summary>Issue 19 items 5 and 6: categories on their cohort groups, the named levers, scenarios and the goal seek.</summary>
public class ReformLeverTests
{
    private const string La = "855";

    private static readonly string[] Codes = [.. PlacementCategories.All.Select(c => c.Code)];

    /// <summary>100 placements in every category in every year t = 0 … 3.</summary>
    private static Dictionary<string, decimal[]> Flat() => Codes.ToDictionary(c => c, _ => new[] { 100m, 100m, 100m, 100m });

    private static readonly ReformEvidence Evidence = new(0.2m, 0.1m, 0.5m, 40m, 0.5m, ["hand-made"]);

    private static readonly ReformSettings None = new(0m, null, 0m, ReformLevers.DefaultPhaseTransferRate, 0m, 0m);

    /// <summary>The categories whose count the levers changed in any year, and the years before reform unchanged.</summary>
    private static Dictionary<string, decimal[]> Apply(ReformSettings settings, out HashSet<string> moved)
    {
        var baseline = Flat();
        var result = ReformEffect.Apply(baseline, reformFrom: 2, settings, Evidence);
        moved = [.. Codes.Where(c => !result[c].SequenceEqual(baseline[c]))];
        foreach (var c in Codes) Assert.Equal([100m, 100m], result[c][..2]);
        return result;
    }

    [Fact]
    public void No_lever_changes_nothing()
    {
        Apply(None, out var moved);
        Assert.Empty(moved);
    }

    [Fact]
    public void Experts_at_hand_avoids_new_plans_in_mainstream_and_resourced_provision_only()
    {
        // min(1, 0.005 × 40 days) × half the schools supported = 10% of the new plans avoided each year, and kept avoided.
        var result = Apply(None with { RequestsAvoidedPerDay = 0.005m }, out var moved);
        Assert.Equal(["MMS", "RP"], moved.Order());
        Assert.Equal([98m, 96m], result["MMS"][2..]); // 10% of 20 new plans a year on 100
        Assert.Equal([99m, 98m], result["RP"][2..]);  // 10% of 10
        // Planned days replace the delivered ones and reach every school: min(1, 0.005 × 100) = 50%.
        var planned = Apply(None with { RequestsAvoidedPerDay = 0.005m, EahDaysPerSetting = 100m }, out _);
        Assert.Equal([90m, 80m], planned["MMS"][2..]);
    }

    [Fact]
    public void Ceasing_at_19_plus_reduces_fe_and_specialist_post_16_only()
    {
        // 10% of the half that is 19-25 a year: × 0.95 each reform year.
        var result = Apply(None with { Ceased19Plus = 0.1m }, out var moved);
        Assert.Equal(["FE", "SPI"], moved.Order());
        Assert.Equal([95m, 90.25m], result["FE"][2..]);
        Assert.Equal(result["FE"], result["SPI"]);
    }

    [Fact]
    public void Phase_transfer_moves_independent_special_and_ap_to_maintained_special_and_resourced_provision()
    {
        // Half of the one in five at a transfer: 10% a year leave INMSS and AP.
        var result = Apply(None with { PhaseTransferMoved = 0.5m }, out var moved);
        Assert.Equal(["AP", "ASS", "INMSS", "MSS", "RP"], moved.Order());
        Assert.Equal([90m, 81m], result["INMSS"][2..]);
        Assert.Equal([105m, 109.5m], result["MSS"][2..]); // MSS and ASS share the moves by their base-year counts
        Assert.Equal(result["MSS"], result["ASS"]);
        Assert.Equal([90m, 81m], result["AP"][2..]);
        Assert.Equal([110m, 119m], result["RP"][2..]);
        Assert.Equal(900m, Codes.Sum(c => result[c][3])); // moved, not removed
    }

    [Fact]
    public void Ap_reduction_returns_ap_placements_to_mainstream_only()
    {
        var result = Apply(None with { ApReduction = 0.2m }, out var moved);
        Assert.Equal(["AP", "MMS"], moved.Order());
        Assert.Equal([80m, 64m], result["AP"][2..]);
        Assert.Equal([120m, 136m], result["MMS"][2..]);
    }

    [Theory]
    [InlineData("eah-requests-avoided-per-day", "0.005", "MMS RP")]
    [InlineData("phase-transfer-moved", "0.5", "ASS AP INMSS MSS RP")]
    [InlineData("ceased-19-plus", "0.1", "FE SPI")]
    [InlineData("ap-reduction", "0.2", "AP MMS")]
    public void Each_lever_moves_the_spend_of_its_own_categories_only(string key, string value, string categories)
    {
        // Every lever at 0 but one, with planned Experts at Hand days so lever (a) has days to act on.
        var assumptions = ReformLevers.Levers.Aggregate(HnbAssumptions.Defaults, (a, l) => a.WithLever(l, 0m))
            .WithLever(ReformLevers.EahDaysPerSetting, 40m)
            .WithLever(ReformLevers.Find(key)!, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        var (inputs, _) = HnbForecastOutcome.Prepare(DemoLikePicture(), La, assumptions, Tables.Dfe.Value);
        var result = HnbForecast.Run(inputs!, assumptions);

        var moved = result.Rows.Where(r => r.Scenario == "reform").Select(r => (r.FinancialYear, r.S251Line, r.Category,
                r.Amount))
            .Except(result.Rows.Where(r => r.Scenario == "baseline").Select(r => (r.FinancialYear, r.S251Line,
                r.Category, r.Amount)))
            .ToList();
        Assert.Equal(categories.Split(' ').Order(), moved.Select(m => m.Category!).Distinct().Order());
        Assert.All(moved, m => Assert.True(string.CompareOrdinal(m.FinancialYear, "2026-27") >= 0));
        Assert.True(result.Total("2027-28", "reform") < result.Total("2027-28", "baseline"));
    }

    [Fact]
    public void Categories_grow_with_their_own_cohort_group_the_path_forecast_ehcp_prints()
    {
        var tables = Tables.Dfe.Value;
        var cohort = CohortPlans.Project(tables, La, 2027)!;
        var growth = CategoryGrowth.FromCohort(cohort, 2024, 2027);

        Assert.Equal(CategoryGrowth.CohortBasis, growth.Basis);
        Assert.Equal(2022, cohort.Origin); // January 2023, the last in the tables
        // The point path is the one the cohort forecast (forecast-ehcp --data-dir --by placement) prints.
        var printed = CohortForecast.Run(tables, 2022, 5, byPlacement: true).Rows
            .Single(r => r.Area.OldLaCode == La && r.Year == 2027 && r.Breakdown == PlacementGroups.IndependentSpecial.Breakdown);
        Assert.Equal(printed.Plans, cohort.Plans(PlacementGroups.IndependentSpecial, 2027), 6);
        // Categories of one DfE group share its growth; groups differ.
        Assert.Equal(growth.Of("MSS"), growth.Of("ASS"));
        Assert.Equal(growth.Of("FE"), growth.Of("SPI"));
        Assert.NotEqual(growth.Of("MMS"), growth.Of("INMSS"));
        var inmss = cohort.Plans(PlacementGroups.IndependentSpecial, 2025) / cohort.Plans(PlacementGroups.IndependentSpecial, 2024) - 1;
        Assert.Equal(inmss, growth.Of("INMSS")[0], 12);
    }

    [Fact]
    public void The_hnb_forecast_moves_each_category_with_its_group_and_falls_back_to_the_total_without_tables()
    {
        var picture = DemoLikePicture();
        var assumptions = HnbAssumptions.Defaults;
        var tables = Tables.Dfe.Value;
        var cohort = CohortPlans.Project(tables, La, 2027)!;

        var byCohort = HnbForecastOutcome.For(picture, La, assumptions, tables).Forecast!;
        Assert.Equal(CategoryGrowth.CohortBasis, byCohort.GrowthBasis);
        var start = byCohort.ByCategory("2024-25", "baseline").ToDictionary(c => c.Category, c => c.Amount);
        var end = byCohort.ByCategory("2027-28", "baseline").ToDictionary(c => c.Category, c => c.Amount);
        foreach (var category in Codes)
        {
            var group = CategoryGroups.Of(category);
            var plans = (decimal)(cohort.Plans(group, 2027) / cohort.Plans(group, 2024));
            // Each category's own unit-cost growth: inflation/all, or its calibrated inflation/{category}.
            var uplift = 1 + assumptions.Inflation("baseline", category);
            Assert.Equal(plans * uplift * uplift * uplift, end[category] / start[category], 4);
        }
        // EHC plans are the cohort's, and the levers lower them in the reform scenario.
        Assert.Equal(Math.Round((decimal)cohort.Total(2024)), byCohort.Plans.Single(p => p is { FinancialYear: "2024-25", Scenario: "baseline" }).Plans, 0);
        Assert.True(byCohort.Plans.Single(p => p is { FinancialYear: "2027-28", Scenario: "reform" }).Plans
            < byCohort.Plans.Single(p => p is { FinancialYear: "2027-28", Scenario: "baseline" }).Plans);

        // No tables in the picture or given: every category on the one caseload path, as before the cohort model (with
        // one inflation for all, so every category grows alike).
        var oneInflation = HnbAssumptions.From([("inflation", "all", "all", "0.035")]);
        var byTotal = HnbForecastOutcome.For(picture, La, oneInflation).Forecast!;
        Assert.Equal(CategoryGrowth.TotalBasis, byTotal.GrowthBasis);
        var ratios = byTotal.ByCategory("2027-28", "baseline").Zip(byTotal.ByCategory("2024-25", "baseline"), (e, s) => Math.Round(e.Amount / s.Amount, 6)).Distinct();
        Assert.Single(ratios);
    }

    [Fact]
    public void Goal_seek_finds_a_known_lever_value_and_says_when_a_target_is_out_of_reach()
    {
        var picture = DemoLikePicture();
        var assumptions = HnbAssumptions.Defaults;
        var (inputs, _) = HnbForecastOutcome.Prepare(picture, La, assumptions, Tables.Dfe.Value);
        var known = HnbForecast.Run(inputs!, assumptions.WithLever(ReformLevers.ApReduction, 0.3m)).Total("2027-28", "reform");

        var found = GoalSeek.Seek(inputs!, assumptions, ReformLevers.ApReduction, "2027-28", known);

        Assert.True(found.Reached);
        Assert.Equal(0.3m, found.Value!.Value, 4);
        Assert.Equal(known, found.SpendAtValue!.Value, 0);

        var beyond = GoalSeek.Seek(inputs!, assumptions, ReformLevers.ApReduction, "2027-28", found.SpendAtMax - 1_000_000m);
        Assert.False(beyond.Reached);
        Assert.Null(beyond.Value);
        Assert.True(beyond.SpendAtMin > beyond.SpendAtMax);
        Assert.Contains("cannot be reached with ap-reduction in its range 0 to 0.5", beyond.Describe());
        Assert.Throws<ArgumentException>(() => GoalSeek.Seek(inputs!, assumptions, ReformLevers.ApReduction, "2024-25", known));
    }

    [Fact]
    public void Scenario_files_are_assumptions_files_named_by_their_version_and_laid_on_the_assumptions_in_force()
    {
        const string header = "Section,Key,Scenario,Value,Unit,Note\n";
        var (scenario, errors) = ScenarioFile.Read(Csv(header + "meta,assumptions-version,all,ap-push,,\n" +
            "reform,ap-reduction,reform,0.3,,\n"), "ap.csv", La);
        Assert.Empty(errors);
        Assert.Equal("ap-push", scenario!.Name);
        var inForce = new List<AssumptionRow> { new("inflation", "all", "all", "0.02", new Source("u", "p", "la", 2)) };
        var named = scenario.On(inForce);
        Assert.Equal(0.3m, named.Assumptions.Lever("reform", ReformLevers.ApReduction));
        Assert.Equal(0.02m, named.Assumptions.Inflation("baseline"));

        // Old reform keys still read (a query), an out-of-range lever stops the run with its row and column.
        var (old, oldErrors) = ScenarioFile.Read(Csv(header + "reform,new-plan-reduction,reform,0.1,,\n"), "old.csv", La);
        Assert.Empty(oldErrors);
        Assert.Equal("old", old!.Name);
        var (_, bad) = ScenarioFile.Read(Csv(header + "reform,ap-reduction,reform,0.8,,\n"), "bad.csv", La);
        Assert.Equal("bad.csv row 2, column Value: Value 0.8 for reform/ap-reduction is outside 0 to 0.5. (AS1310)", Assert.Single(bad));
    }

    [Fact]
    public void Scenarios_compare_side_by_side_from_one_set_of_inputs()
    {
        var picture = DemoLikePicture();
        var inForce = HnbAssumptions.Defaults;
        var (inputs, _) = HnbForecastOutcome.Prepare(picture, La, inForce, Tables.Dfe.Value);
        var none = new NamedScenario("none", inForce.WithLever(ReformLevers.ApReduction, 0m)
            .WithLever(ReformLevers.PhaseTransferMoved, 0m).WithLever(ReformLevers.Ceased19Plus, 0m)
            .WithLever(ReformLevers.RequestsAvoidedPerDay, 0m));
        var comparison = ScenarioComparison.Run(inputs!, inForce, [none, new NamedScenario("shipped", inForce)]);

        Assert.Equal(["baseline", "none", "shipped"], comparison.Columns.Select(c => c.Name));
        // A scenario with every lever at 0 is the baseline, line by line; the shipped levers cost less by 2027-28.
        foreach (var year in comparison.Years)
            Assert.Equal(comparison.Columns[0].ByLine(year), comparison.Columns[1].ByLine(year));
        Assert.True(comparison.Columns[2].Total("2027-28") < comparison.Columns[0].Total("2027-28"));
        using var csv = new MemoryStream();
        comparison.WriteCsv(csv);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Scenario,FinancialYear,Measure,S251Line,Value", lines[0]);
        Assert.Contains("shipped,2027-28,spend,total," + comparison.Columns[2].Total("2027-28").ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), lines);
        Assert.Contains(lines, l => l.StartsWith("baseline,2024-25,plans,,", StringComparison.Ordinal));
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private const string PlacementHeader =
        "ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart,PlacementEnd,Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA,SourceRow";

    private static LaPicture DemoLikePicture()
    {
        var picture = new LaPicture();
        var mix = new (string Category, int Count)[] { ("MMS", 37), ("RP", 11), ("MSS", 23), ("ASS", 19), ("INMSS", 13), ("AP", 7), ("FE", 5), ("SPI", 3), ("OTH", 2) };
        var rows = new List<string>();
        var provider = 100000;
        foreach (var (category, count) in mix)
        {
            provider++;
            for (var i = 0; i < count; i++)
                rows.Add($"{provider},2025-03-31,,,2012-01-01,{category},2024-09-01,,N,20000,TOPUP,ASD,Y,{La},2");
        }
        Add(picture, "placements", PlacementHeader, rows);
        Add(picture, "hnb-finance", "FinancialYear,S251Line,Basis,Amount,Note,SourceRow",
            ["2024-25,1.2.1,Actual,24928000.17,,2", "2024-25,1.2.2,Actual,37392000.01,,3", "2024-25,1.2.3,Actual,43296000.99,,4",
                "2024-25,1.2.5,Actual,6297600,,5", "2024-25,1.2.7,Actual,9184000.07,,6", "2024-25,1.2.11,Actual,2099200.03,,7"]);
        Add(picture, "ehcp-history", "time_period,time_identifier,geographic_level,old_la_code,la_name,breakdown_topic,breakdown,ehcplans,SourceRow",
            [.. new[] { (201819, 4222), (201920, 4751), (202021, 5288), (202122, 5813), (202223, 6201) }
                .Select((y, i) => $"{y.Item1},Academic year,Local authority,{La},Leicestershire,All EHC plans,All EHC plans,{y.Item2},{i + 2}")]);
        return picture;
    }

    private static void Add(LaPicture picture, string type, string header, IEnumerable<string> rows) =>
        picture.Add(type, type, $"uploads/x/{type}/a.csv", "la", new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n")));
}
