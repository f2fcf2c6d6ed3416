using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Register;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

/// <summary>Issue 19 item 2, its last part: the home LA's own register replaces the published figures.</summary>
public class OwnReturnsTests
{
    private const string La = "855";
    private static readonly DateOnly Reference = new(2025, 3, 31);
    private static readonly Source Here = new("u", "uploads/la/x.csv", "la", 2);

    private static string G(PlacementGroup group) => group.Breakdown;

    private static Sen2Setting Urn(string urn, bool resourced = false, DateOnly? entry = null) =>
        new(urn, null, null, 1, false, resourced, entry, null, 2);

    /// <summary>A person with one request that became a plan (ceased or not), named at one setting, or placed on the
    /// active plan at another from a date.</summary>
    private static Sen2Person Planned(string id, DateOnly birth, DateOnly received, DateOnly issued, Sen2Setting named,
        DateOnly? ceased = null, Sen2Setting? placed = null)
    {
        var plan = new Sen2NamedPlan("P" + id, issued, ceased, ceased is null ? null : "1", 2, [named]);
        var assessment = new Sen2Assessment("A" + id, "A", issued, false, false, false, 2, [plan]);
        IReadOnlyList<Sen2ActivePlan> active = ceased is not null ? []
            : [new Sen2ActivePlan("AP" + id, null, null, null, null, null, 2, placed is null ? [] : [placed], [])];
        var request = new Sen2Request("R" + id, received, "PA", false, received.AddDays(30), "A", false, false, 2,
            [assessment], active);
        return new Sen2Person(id, null, null, birth, "M", 2, [request]);
    }

    private static Sen2Person Refused(string id, DateOnly received) =>
        new(id, null, null, new DateOnly(2014, 1, 1), "F", 2,
            [new Sen2Request("R" + id, received, "PA", false, null, null, false, false, 2, [], [])]);

    /// <summary>
    /// Eight plans and three requests that led to none. The first plan ceased on 10 January 2023 and the first request
    /// without a plan came in May 2022: plans are counted from January 2023, requests from 2023.
    /// </summary>
    private static Sen2Register KnownRegister() => new(Reference, La,
    [
        Planned("A", new(2015, 6, 1), new(2020, 1, 15), new(2020, 5, 1), Urn("100001")),
        Planned("B", new(2010, 2, 1), new(2021, 11, 1), new(2022, 3, 1), Urn("100001", resourced: true)),
        Planned("C", new(2005, 1, 1), new(2021, 2, 1), new(2021, 6, 1), new(null, "10012345", null, 1, false, false,
            null, null, 2), ceased: new(2024, 7, 1)),
        Planned("D", new(2012, 9, 1), new(2022, 10, 1), new(2023, 2, 1), Urn("100003")),
        Planned("E", new(2019, 1, 10), new(2023, 12, 1), new(2024, 4, 1), new(null, null, "EYP", 1, false, false, null,
            null, 2)),
        Planned("F", new(2008, 5, 5), new(2019, 4, 1), new(2019, 9, 1), Urn("100002"),
            placed: Urn("100009", entry: new(2024, 9, 1))),
        Planned("G", new(2011, 11, 11), new(2023, 5, 1), new(2023, 10, 1), Urn("100001")),
        Planned("H", new(2009, 1, 1), new(2017, 9, 1), new(2018, 1, 1), Urn("100001"), ceased: new(2023, 1, 10)),
        Refused("R1", new(2022, 5, 1)),
        Refused("R2", new(2023, 3, 1)),
        Refused("R3", new(2024, 8, 1)),
    ]);

    /// <summary>A community school, a foundation special school, an independent special school.</summary>
    private static readonly Establishment[] Schools =
    [
        new("100001", "8552001", "Mainstream", "Community school", "Primary", 300, "Open", Here),
        new("100002", "8557001", "Special", "Foundation special school", "All-through", 90, "Open", Here),
        new("100003", "8556001", "Indep", "Other independent special school", "All-through", 40, "Open", Here),
    ];

    /// <summary>The schools, and an AP provider known only by its placement return.</summary>
    private static SettingCategories KnownSettings() => SettingCategories.From(Schools, [ApPlacement]);

    private static readonly Placement ApPlacement =
        new("100009", Reference, "X", null, "AP", new(2024, 9, 1), null, true, La, Here);

    private static Dictionary<string, double> Split(params (PlacementGroup Group, double Plans)[] plans)
    {
        var split = PlacementGroups.All.ToDictionary(g => g.Breakdown, _ => 0.0);
        foreach (var (group, count) in plans) split[group.Breakdown] = count;
        return split;
    }

    [Fact]
    public void A_register_with_a_known_mix_gives_the_home_las_series_exactly()
    {
        var series = OwnReturns.Count(KnownRegister(), KnownSettings());

        // Plans in force on the January census days 19 Jan 2023, 18 Jan 2024, 16 Jan 2025 (keys 2022-2024); H ceased
        // before the first, C between the second and the third; F moved from its named special school to AP in
        // September 2024.
        Assert.Equal(new Dictionary<int, double> { [2022] = 4, [2023] = 6, [2024] = 6 }, series.Totals);
        Assert.Equal([0, 1, 2, 1, 0], series.AgeBands[2022]);
        Assert.Equal([0, 1, 4, 1, 0], series.AgeBands[2023]);
        Assert.Equal([0, 2, 3, 1, 0], series.AgeBands[2024]);
        Assert.Equal(Split((PlacementGroups.Mainstream, 1), (PlacementGroups.ResourcedAndUnits, 1),
            (PlacementGroups.MaintainedSpecial, 1), (PlacementGroups.FurtherEducation, 1)), series.Placements[2022]);
        Assert.Equal(Split((PlacementGroups.Mainstream, 2), (PlacementGroups.ResourcedAndUnits, 1),
            (PlacementGroups.MaintainedSpecial, 1), (PlacementGroups.IndependentSpecial, 1),
            (PlacementGroups.FurtherEducation, 1)), series.Placements[2023]);
        Assert.Equal(Split((PlacementGroups.Mainstream, 2), (PlacementGroups.ResourcedAndUnits, 1),
            (PlacementGroups.IndependentSpecial, 1), (PlacementGroups.Alternative, 1), (PlacementGroups.Other, 1)),
            series.Placements[2024]);
        // Whole calendar years only: 2025 runs to 31 March.
        Assert.Equal(new Dictionary<int, double> { [2023] = 2, [2024] = 1 }, series.NewPlans);
        Assert.Equal(Split((PlacementGroups.IndependentSpecial, 1), (PlacementGroups.Mainstream, 1)),
            series.NewPlansByGroup[2023]);
        Assert.Equal(Split((PlacementGroups.Other, 1)), series.NewPlansByGroup[2024]);
        Assert.Equal(new Dictionary<int, double> { [2023] = 1, [2024] = 1 }, series.Ceased);
        Assert.Equal(new Dictionary<int, double> { [2023] = 3, [2024] = 1 }, series.Requests);
        Assert.Equal(["The register's year 2025 runs only to 2025-03-31: its new plans, requests and ceased plans " +
            "are not used for that year."], series.Notes);
    }

    private static EhcpTables Published()
    {
        var tables = new EhcpTables();
        foreach (var code in new[] { La, "856" })
        {
            Tables.AddLa(tables, code);
            tables.Totals[code] = new() { [2020] = 100, [2021] = 110, [2022] = 120 };
            tables.Placements[code] = new() { [2021] = Tables.Groups(60, 50), [2022] = Tables.Groups(65, 55) };
            tables.Parts[code] = new() { [2022] = new Dictionary<string, double> { ["special_independent"] = 3 } };
            tables.Requests[code] = new() { [2022] = 40 };
        }
        return tables;
    }

    [Fact]
    public void The_register_replaces_only_the_home_las_years_it_covers_and_leaves_the_published_tables_alone()
    {
        var published = Published();
        var own = OwnReturns.Apply(published, KnownRegister(), La, KnownSettings());

        Assert.True(own.Used);
        Assert.Equal(new Dictionary<int, double> { [2020] = 100, [2021] = 110, [2022] = 4, [2023] = 6, [2024] = 6 },
            own.Tables.Totals[La]);
        Assert.Equal(60, own.Tables.Placements[La][2021][G(PlacementGroups.Mainstream)]);
        Assert.Equal(1, own.Tables.Placements[La][2022][G(PlacementGroups.Mainstream)]);
        Assert.False(own.Tables.Parts[La].ContainsKey(2022));
        Assert.Equal(new Dictionary<int, double> { [2022] = 40, [2023] = 3, [2024] = 1 }, own.Tables.Requests[La]);
        // Every other LA, and the tables given, as they were.
        Assert.Equal(published.Totals["856"], own.Tables.Totals["856"]);
        Assert.Equal(120, published.Totals[La][2022]);
        Assert.True(published.Parts[La].ContainsKey(2022));
        Assert.StartsWith("The LA's EHC plan register (sen2, as at 2025-03-31) replaces the published figures for " +
            "LA 855: plans in force at January 2023 to 2025", own.Notes[0]);
        Assert.Contains("the published caseloads before it stay (January 2021 to 2022)", own.Notes[0]);
    }

    [Fact]
    public void A_register_with_no_ceased_plan_replaces_no_caseload_and_says_so()
    {
        var register = KnownRegister();
        var active = register with
        {
            People = [.. register.People.Where(p => p.Requests.All(r => r.Assessments.All(a => a.Plans.All(x =>
                x.CeaseDate is null))))],
        };
        var own = OwnReturns.Apply(Published(), active, La, KnownSettings());

        Assert.Equal(new Dictionary<int, double> { [2020] = 100, [2021] = 110, [2022] = 120 }, own.Tables.Totals[La]);
        Assert.Contains(own.Notes, n => n.StartsWith("The register records no ceased plan"));
        // Its requests still count: they do not depend on which plans ended.
        Assert.Equal(3, own.Tables.Requests[La][2023]);
    }

    [Fact]
    public void Settings_nothing_knows_keep_the_published_split_and_the_notes_say_so()
    {
        // Without the establishments register or any placement return only the EYP code and the UKPRN can be placed.
        var own = OwnReturns.Apply(Published(), KnownRegister(), La, SettingCategories.From([], []));

        Assert.Equal(6, own.Tables.Totals[La][2024]);
        Assert.Equal(Tables.Groups(65, 55), own.Tables.Placements[La][2022]);
        Assert.False(own.Tables.Placements[La].ContainsKey(2024));
        Assert.False(own.Tables.NewPlansByGroup.TryGetValue(La, out var byGroup) && byGroup.ContainsKey(2023));
        Assert.Equal(2, own.Tables.NewPlans[La][2023]);
        Assert.Contains(own.Notes, n => n.StartsWith("5 of the 6 plans in force at January 2025 have a setting") &&
            n.EndsWith("the register's placement groups are not used for that January."));
        Assert.Contains(own.Notes, n => n.StartsWith("2 of the 2 new plans of 2023 name a setting nothing knows"));

        // One unknown URN among 21 plans (under 5%) counts in other placements, and the note says so.
        var register = KnownRegister();
        var more = register with
        {
            People = [.. register.People, .. Enumerable.Range(0, 14).Select(i => Planned("M" + i, new(2014, 1, 1),
                new(2020, 1, 1), new(2020, 3, 1), Urn("100001"))),
                Planned("U", new(2014, 1, 1), new(2020, 1, 1), new(2020, 3, 1), Urn("999999"))],
        };
        var series = OwnReturns.Count(more, KnownSettings());
        Assert.Equal(21, series.Totals[2024]);
        Assert.Equal(2, series.Placements[2024][G(PlacementGroups.Other)]);
        Assert.Contains("1 of the 21 plans in force at January 2025 have a setting neither the establishments " +
            "register nor a placement return knows (or none): counted in other placements.", series.Notes);
    }

    [Fact]
    public void The_hnb_forecast_projects_from_the_register_and_its_notes_say_so()
    {
        var tables = Tables.Dfe.Value;
        var without = HnbForecastOutcome.For(HnbPicture(), La, HnbAssumptions.Defaults, tables).Forecast!;
        Assert.Empty(without.Notes);
        var published = CohortPlans.Project(tables, La, 2027)!;
        Assert.Equal(Math.Round((decimal)published.Total(2024)),
            without.Plans.Single(p => p is { FinancialYear: "2024-25", Scenario: "baseline" }).Plans, 0);

        var picture = HnbPicture();
        picture.AddRegister(KnownRegister(), "uploads/la/sen2/Blade-Export_31-03-2025.zip");
        picture.Establishments.AddRange(Schools);
        picture.Placements.Add(ApPlacement);
        var with = HnbForecastOutcome.For(picture, La, HnbAssumptions.Defaults, tables).Forecast!;
        Assert.Equal(CategoryGrowth.CohortBasis, with.GrowthBasis);
        Assert.StartsWith("The LA's EHC plan register (sen2, as at 2025-03-31) replaces the published figures for " +
            "LA 855", with.Notes[0]);
        // The base year's plans are the register's own January 2025, not the published path's.
        Assert.Equal(6m, with.Plans.Single(p => p is { FinancialYear: "2024-25", Scenario: "baseline" }).Plans);

        // Another LA's register is not this LA's history: published figures, and a note that says why.
        var other = HnbPicture();
        other.AddRegister(KnownRegister() with { LaCode = "856" }, "uploads/la/sen2/Blade-Export_31-03-2025.zip");
        var notOurs = HnbForecastOutcome.For(other, La, HnbAssumptions.Defaults, tables).Forecast!;
        Assert.Contains("is LA 856's, not 855's", Assert.Single(notOurs.Notes));
        Assert.Equal(without.Total("2027-28", "baseline"), notOurs.Total("2027-28", "baseline"));
    }

    private static LaPicture HnbPicture()
    {
        var picture = new LaPicture();
        var rows = new[] { ("MMS", 30), ("INMSS", 10), ("AP", 5) }.SelectMany((c, i) => Enumerable.Range(0, c.Item2)
            .Select(_ => $"{100101 + i},2025-03-31,,,2012-01-01,{c.Item1},2024-09-01,,N,20000,TOPUP,ASD,Y,{La},2"));
        Add(picture, "placements", "ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart,PlacementEnd," +
            "Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA,SourceRow", rows);
        Add(picture, "hnb-finance", "FinancialYear,S251Line,Basis,Amount,Note,SourceRow",
            ["2024-25,1.2.1,Actual,1000000,,2", "2024-25,1.2.3,Actual,2000000,,3", "2024-25,1.2.7,Actual,500000,,4"]);
        return picture;
    }

    private static void Add(LaPicture picture, string type, string header, IEnumerable<string> rows) =>
        picture.Add(type, type, $"uploads/x/{type}/a.csv", "la",
            new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n")));
}

/// <summary>Issue 19 item 2: new plans from requests and their conversion.</summary>
public class RequestConversionTests
{
    [Fact]
    public void New_plans_are_requests_grown_at_their_pooled_rate_times_each_las_own_conversion()
    {
        // Requests grow 10% a year everywhere; A, B and C turn half their requests into plans, D four in five. With no
        // noise within an LA, each keeps its own conversion whole.
        var tables = new EhcpTables();
        var las = new[] { ("A", 1.0, 0.5), ("B", 2.0, 0.5), ("C", 3.0, 0.5), ("D", 1.0, 0.8) };
        foreach (var (code, size, share) in las)
        {
            Tables.AddLa(tables, code);
            tables.Requests[code] = new() { [2019] = 100 * size, [2020] = 110 * size };
            tables.NewPlans[code] = new() { [2019] = 100 * size * share, [2020] = 110 * size * share };
        }
        // The home LA's register runs a year past the others, and its requests jumped.
        tables.Requests["A"][2021] = 200;

        var rates = RequestConversion.Estimate(tables, 2020)!;
        Assert.Equal(110 * 1.1 * 0.5, rates.NewPlans("A", 1)!.Value, 9);
        Assert.Equal(110 * 1.1 * 1.1 * 0.5, rates.NewPlans("A", 2)!.Value, 9);
        Assert.Equal(2 * 110 * 1.1 * 0.5, rates.NewPlans("B", 1)!.Value, 9);
        Assert.Equal(110 * 1.1 * 0.8, rates.NewPlans("D", 1)!.Value, 9);
        Assert.Null(rates.NewPlans("E", 1));
        Assert.Null(RequestConversion.Estimate(tables, 2019)); // no year of growth yet

        // From 2021, when only A (its register) has requests: the pool is still the 10% of the years two LAs give, and
        // A's one jump, against nobody else's noise, is shrunk away.
        var later = RequestConversion.Estimate(tables, 2021)!;
        Assert.Equal(200 * 1.1 * 0.5, later.NewPlans("A", 1)!.Value, 9);
        Assert.Null(later.NewPlans("B", 1));
    }

    [Fact]
    public void The_cohort_model_takes_new_plans_from_requests_only_when_asked()
    {
        var tables = Tables.Dfe.Value;
        var known = CohortBacktest.Truncate(tables, 2021);
        var byGrowth = CohortModel.Project(known, 2021, 2).Single(p => p.Code == "855");
        var byRequests = CohortModel.Project(known, 2021, 2, fromRequests: true).Single(p => p.Code == "855");

        Assert.False(CohortModel.NewPlansFromRequests);
        Assert.NotEqual(byGrowth.Total[1], byRequests.Total[1]);
        Assert.Equal(byGrowth.Total, CohortModel.Project(known, 2021, 2, fromRequests: false)
            .Single(p => p.Code == "855").Total);
    }
}
