using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Forecasting;

public class HnbForecastTests
{
    private const string La = "855";
    private const string PlacementHeader =
        "ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart,PlacementEnd,Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA,SourceRow";

    private static string Placement(string provider, string returnDate, string category, string homeLa = La, string? end = null, string? upn = null) =>
        $"{provider},{returnDate},{upn},,2012-01-01,{category},2024-09-01,{end},N,20000,TOPUP,ASD,Y,{homeLa},2";

    private static void Add(LaPicture picture, string type, string header, IEnumerable<string> rows) =>
        picture.Add(type, type, $"uploads/x/{type}/a.csv", "la", new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n")));

    private static LaPicture Picture(IEnumerable<string> placements, params (string Line, decimal Amount)[] actuals)
    {
        var picture = new LaPicture();
        Add(picture, "placements", PlacementHeader, placements);
        Add(picture, "hnb-finance", "FinancialYear,S251Line,Basis,Amount,Note,SourceRow",
            actuals.Select(a => $"2024-25,{a.Line},Actual,{a.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)},,2")
                .Append("2025-26,1.2.1,Budget,999999,,3").Append("2023-24,1.2.1,Actual,777777,,4"));
        return picture;
    }

    /// <summary>Two MSS and one INMSS placement of ours at the latest return; others that must not count.</summary>
    private static IEnumerable<string> TwoCategoryPlacements() =>
    [
        Placement("100001", "2025-03-31", "MSS"),
        Placement("100001", "2025-03-31", "MSS"),
        Placement("100001", "2024-12-31", "MSS"),                    // an older return of the same provider
        Placement("100001", "2025-03-31", "MSS", homeLa: "856"),     // another LA's child
        Placement("100001", "2025-03-31", "MSS", end: "2025-01-31"), // ended before the return date
        Placement("200002", "2025-03-31", "INMSS"),
    ];

    private static HnbAssumptions HandAssumptions(string endYear = "2026-27") => HnbAssumptions.From(
    [
        ("forecast", "base-year", "all", "2024-25"), ("forecast", "end-year", "all", endYear),
        ("inflation", "all", "all", "0.10"),
        ("unit-cost", "MSS", "all", "20000"), ("unit-cost", "INMSS", "all", "50000"),
        ("placement-growth", "INMSS", "all", "0.2"),
        ("line-growth", "1.2.5", "all", "0.05"),
        ("reform", "start-year", "reform", "2026-27"), ("reform", "phase-transfer-moved", "reform", "0.5"),
    ]);

    private static HnbForecastResult HandForecast() =>
        HnbForecast.Run(Picture(TwoCategoryPlacements(), ("1.2.1", 80000m), ("1.2.3", 50000m), ("1.2.5", 10000m)), La, [0.5, 0.5], HandAssumptions());

    [Fact]
    public void Two_category_example_matches_the_hand_computation()
    {
        var result = HandForecast();
        HnbForecastRow Row(string year, string scenario, string line, string? category) =>
            Assert.Single(result.Rows, r => r.FinancialYear == year && r.Scenario == scenario && r.S251Line == line && r.Category == category);

        // MSS: counts 2, 3, 4.5; unit cost 20,000, 22,000, 24,200; calibration 80,000 / 40,000 = 2.
        Assert.Equal(80000m, Row("2024-25", "baseline", "1.2.1", "MSS").Amount);
        Assert.Equal(132000m, Row("2025-26", "baseline", "1.2.1", "MSS").Amount);
        Assert.Equal(217800m, Row("2026-27", "baseline", "1.2.1", "MSS").Amount);
        // INMSS: counts 1, 1.8, 3.24 (× 1.5 × 1.2 a year); unit cost 50,000, 55,000, 60,500; calibration 1.
        Assert.Equal(50000m, Row("2024-25", "baseline", "1.2.3", "INMSS").Amount);
        Assert.Equal(99000m, Row("2025-26", "baseline", "1.2.3", "INMSS").Amount);
        Assert.Equal(196020m, Row("2026-27", "baseline", "1.2.3", "INMSS").Amount);
        // 1.2.5 is not placement-driven: 10,000 × 1.05^t.
        Assert.Equal(10500m, Row("2025-26", "baseline", "1.2.5", null).Amount);
        Assert.Equal(11025m, Row("2026-27", "baseline", "1.2.5", null).Amount);

        Assert.Equal(140000m, result.Total("2024-25", "baseline"));
        Assert.Equal(241500m, result.Total("2025-26", "baseline"));
        Assert.Equal(424845m, result.Total("2026-27", "baseline"));

        // Reform from 2026-27: half of the INMSS placements at a phase transfer (one in five a year) move to MSS, the only
        // special category with placements: INMSS keeps 3.24 × 0.9 = 2.916, MSS 4.5 + 0.324 = 4.824.
        // MSS 4.824 × 24,200 × 2 = 233,481.60; INMSS 2.916 × 60,500 = 176,418; with 1.2.5's 11,025.
        Assert.Equal(233481.60m, Row("2026-27", "reform", "1.2.1", "MSS").Amount);
        Assert.Equal(176418m, Row("2026-27", "reform", "1.2.3", "INMSS").Amount);
        Assert.Equal(420924.60m, result.Total("2026-27", "reform"));
        Assert.Equal(result.Total("2025-26", "baseline"), result.Total("2025-26", "reform"));

        Assert.Equal([("MSS", 217800m), ("INMSS", 196020m)], result.ByCategory("2026-27", "baseline"));
    }

    [Fact]
    public void A_categorys_own_inflation_moves_its_unit_cost_only()
    {
        var assumptions = HnbAssumptions.From(
        [
            ("forecast", "base-year", "all", "2024-25"), ("forecast", "end-year", "all", "2026-27"),
            ("inflation", "all", "all", "0.10"), ("inflation", "inmss", "all", "0.20"),
            ("unit-cost", "MSS", "all", "20000"), ("unit-cost", "INMSS", "all", "50000"),
            ("placement-growth", "INMSS", "all", "0.2"), ("line-growth", "1.2.5", "all", "0.05"),
            ("reform", "start-year", "reform", "2026-27"),
        ]);

        var result = HnbForecast.Run(Picture(TwoCategoryPlacements(), ("1.2.1", 80000m), ("1.2.3", 50000m),
            ("1.2.5", 10000m)), La, [0.5, 0.5], assumptions);

        // INMSS: counts 1, 1.8, 3.24 as in the hand example; unit cost 50,000 × 1.2^t: 60,000, 72,000.
        var inmss = result.ByCategory("2026-27", "baseline").Single(c => c.Category == "INMSS").Amount;
        Assert.Equal(3.24m * 72000m, inmss);
        // MSS keeps inflation/all, exactly as in the hand example.
        Assert.Equal(217800m, result.ByCategory("2026-27", "baseline").Single(c => c.Category == "MSS").Amount);
        Assert.Equal((0.20m, 0.10m), (assumptions.Inflation("baseline", "INMSS"), assumptions.Inflation("baseline", "MSS")));
    }

    private const string RegisterHeader =
        "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name),LAEstab,SourceRow";

    private static void AddRegister(LaPicture picture, params (string Urn, string LaEstab, string Type)[] schools) =>
        Add(picture, "establishments", RegisterHeader, schools.Select((e, i) => $"{e.Urn},855,{e.LaEstab[3..]},School {i},{e.Type},Primary,100,Open,{e.LaEstab},{i + 2}"));

    /// <summary>MMS and AP at maintained schools, academies and providers the register does not know.</summary>
    private static LaPicture MaintainedAndAcademyPicture()
    {
        var picture = Picture(
        [
            Placement("300001", "2025-03-31", "MMS"), Placement("300001", "2025-03-31", "MMS"), // community school
            Placement("300002", "2025-03-31", "MMS"),                                        // academy
            Placement("300003", "2025-03-31", "MMS"), Placement("300003", "2025-03-31", "MMS"), // not in the register
            Placement("300004", "2025-03-31", "AP"),                                         // pupil referral unit
            Placement("300005", "2025-03-31", "AP"),                                         // AP academy
            Placement("10012345", "2025-03-31", "AP"),                                       // independent AP (a UKPRN)
        ], ("1.2.1", 100000m), ("1.2.2", 40000m), ("1.2.7", 30000m));
        AddRegister(picture, ("300001", "8552001", "Community school"), ("300002", "8554001", "Academy converter"),
            ("300004", "8551100", "Pupil referral unit"), ("300005", "8551101", "Academy alternative provision converter"));
        return picture;
    }

    private static HnbAssumptions MmsAndApAssumptions() => HnbAssumptions.From(
    [
        ("forecast", "base-year", "all", "2024-25"), ("forecast", "end-year", "all", "2025-26"),
        ("inflation", "all", "all", "0.10"), ("unit-cost", "MMS", "all", "10000"), ("unit-cost", "AP", "all", "20000"),
    ]);

    [Fact]
    public void Register_puts_each_placement_on_the_line_of_its_school_and_splits_only_the_unknown()
    {
        var placements = BaseYearPlacements.From(MaintainedAndAcademyPicture(), La);

        Assert.Equal(5m, placements.Count("MMS"));
        // 2 at the community school and half of the 2 the register does not know on 1.2.1; 1 + 1 on 1.2.2.
        Assert.Equal([new LineShare("1.2.1", 0.6m), new LineShare("1.2.2", 0.4m)], placements.Lines("MMS"));
        Assert.Equal(3m, placements.Count("AP"));
        Assert.Equal(["1.2.1", "1.2.2", "1.2.7"], placements.Lines("AP").Select(l => l.Line));
        Assert.All(placements.Lines("AP"), l => Assert.Equal(1m, Math.Round(l.Share * 3, 20)));
    }

    [Fact]
    public void Register_lines_are_calibrated_each_to_its_own_actual()
    {
        var result = HnbForecast.Run(MaintainedAndAcademyPicture(), La, [0.5], MmsAndApAssumptions());
        decimal Amount(string year, string line, string category) =>
            Assert.Single(result.Rows, r => r.FinancialYear == year && r.Scenario == "baseline" && r.S251Line == line && r.Category == category).Amount;

        // 1.2.1: MMS 3 × 10,000 and AP 1 × 20,000 modelled against 100,000 actual, factor 2.
        Assert.Equal(60000m, Amount("2024-25", "1.2.1", "MMS"));
        Assert.Equal(40000m, Amount("2024-25", "1.2.1", "AP"));
        // 1.2.2: MMS 2 × 10,000 and AP 20,000 against 40,000, factor 1; 1.2.7: the independent AP alone.
        Assert.Equal(20000m, Amount("2024-25", "1.2.2", "MMS"));
        Assert.Equal(30000m, Amount("2024-25", "1.2.7", "AP"));
        Assert.DoesNotContain(result.Rows, r => r.S251Line == "1.2.7" && r.Category == "MMS");
        // Next year: 3 × 1.5 placements × 11,000 × 2.
        Assert.Equal(99000m, Amount("2025-26", "1.2.1", "MMS"));
        Assert.Equal(49500m, Amount("2025-26", "1.2.7", "AP")); // 1 × 1.5 × 22,000 × 1.5
    }

    private const string CensusHeader =
        "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator,ResourcedProvisionIndicator,TopUpFunding,EntryDate,SourceRow";

    private static void AddCensus(LaPicture picture, string laEstab, params (string Date, string Upn, string Provision)[] pupils) =>
        picture.Add("school-census", laEstab, $"uploads/{laEstab}/school-census/{pupils[0].Date}.csv", laEstab, new MemoryStream(Encoding.UTF8.GetBytes(
            CensusHeader + "\n" + string.Join("\n", pupils.Select((p, i) => $"{laEstab},{p.Date},{p.Upn},2014-01-01,M,5,{p.Provision},ASD,,N,N,Y,,{i + 2}")) + "\n")));

    private static string UpnOf(int i) => Upn.Create($"855200125{i:000}");

    [Fact]
    public void Census_adds_pupils_with_plans_that_no_placement_names_by_the_type_of_their_school()
    {
        var picture = Picture([Placement("100001", "2025-03-31", "MMS", upn: UpnOf(2)), Placement("100003", "2025-03-31", "MSS", homeLa: "856", upn: UpnOf(6))]);
        AddRegister(picture, ("100001", "8552001", "Community school"), ("100002", "8554001", "Academy converter"),
            ("100003", "8557001", "Community special school"), ("100004", "8557002", "Academy special converter"),
            ("100005", "8551100", "Pupil referral unit"), ("100009", "8567001", "Community school"));
        AddCensus(picture, "8552001", ("2024-10-03", UpnOf(0), "E"));                                             // an older census
        AddCensus(picture, "8552001", ("2025-01-16", UpnOf(1), "E"), ("2025-01-16", UpnOf(2), "E"), ("2025-01-16", UpnOf(3), "K"));
        AddCensus(picture, "8554001", ("2025-01-16", UpnOf(4), "E"), ("2025-01-16", UpnOf(1), "E"));             // 1 is dual registered
        AddCensus(picture, "8557001", ("2025-01-16", UpnOf(5), "E"), ("2025-01-16", UpnOf(6), "E"));             // 6 is another LA's child
        AddCensus(picture, "8557002", ("2025-01-16", UpnOf(7), "E"));
        AddCensus(picture, "8551100", ("2025-01-16", UpnOf(8), "E"));
        AddCensus(picture, "8552002", ("2025-01-16", UpnOf(9), "E"));                                             // not in the register
        AddCensus(picture, "8567001", ("2025-01-16", UpnOf(10), "E"));                                            // another LA's school

        var placements = BaseYearPlacements.From(picture, La);

        // MMS: the placement of 2 and the census's 1 at the community school, 4 at the academy.
        Assert.Equal(3m, placements.Count("MMS"));
        Assert.Equal([new LineShare("1.2.1", 2m / 3m), new LineShare("1.2.2", 1m / 3m)], placements.Lines("MMS"));
        Assert.Equal(1m, placements.Count("MSS"));
        Assert.Equal([new LineShare("1.2.2", 1m)], placements.Lines("ASS"));
        Assert.Equal(1m, placements.Count("ASS"));
        Assert.Equal([new LineShare("1.2.1", 1m)], placements.Lines("AP"));
        Assert.Equal(6m, placements.ByCategory.Values.Sum());
    }

    [Fact]
    public void Census_pupils_without_placements_are_costed_and_calibrated_with_the_placements()
    {
        var withoutCensus = Picture([Placement("100001", "2025-03-31", "MSS")], ("1.2.1", 90000m));
        var withCensus = Picture([Placement("100001", "2025-03-31", "MSS")], ("1.2.1", 90000m));
        AddRegister(withCensus, ("100001", "8557001", "Community special school"), ("100002", "8552001", "Community school"));
        AddCensus(withCensus, "8552001", ("2025-01-16", UpnOf(1), "E"), ("2025-01-16", UpnOf(2), "E"));
        var assumptions = HnbAssumptions.From([("forecast", "end-year", "all", "2025-26"), ("inflation", "all", "all", "0"),
            ("unit-cost", "MSS", "all", "30000"), ("unit-cost", "MMS", "all", "15000"), ("placement-growth", "MSS", "all", "1")]);

        var before = HnbForecast.Run(withoutCensus, La, [0], assumptions);
        var after = HnbForecast.Run(withCensus, La, [0], assumptions);

        Assert.Equal(90000m, before.Total("2024-25", "baseline"));
        Assert.Equal(90000m, after.Total("2024-25", "baseline"));
        // MSS doubles. Alone it is the whole of 1.2.1 (factor 3): 180,000. Beside the two mainstream
        // pupils (60,000 modelled, factor 1.5) it is 45,000 of the 90,000, so 90,000 next to MMS's 45,000.
        Assert.Equal(180000m, before.Total("2025-26", "baseline"));
        Assert.Equal([("MMS", 45000m), ("MSS", 90000m)], after.ByCategory("2025-26", "baseline"));
    }

    private static LaPicture DemoLikePicture()
    {
        // Awkward amounts and every category, so the calibration factors are not round numbers.
        var placements = new List<string>();
        var mix = new (string Category, int Count)[] { ("MMS", 37), ("RP", 11), ("MSS", 23), ("ASS", 19), ("INMSS", 13), ("AP", 7), ("FE", 5), ("SPI", 3), ("OTH", 2) };
        var provider = 100000;
        foreach (var (category, count) in mix)
        {
            provider++;
            for (var i = 0; i < count; i++) placements.Add(Placement(provider.ToString(), "2025-03-31", category));
        }
        return Picture(placements,
            ("1.0.2", -8528000.33m), ("1.2.1", 24928000.17m), ("1.2.2", 37392000.01m), ("1.2.3", 43296000.99m), ("1.2.4", 2886400m),
            ("1.2.5", 6297600m), ("1.2.6", 1443200m), ("1.2.7", 9184000.07m), ("1.2.8", 2361600m), ("1.2.9", 262400m),
            ("1.2.10", 393600m), ("1.2.11", 2099200.03m), ("1.2.13", 2624000m));
    }

    private static HnbForecastResult DefaultForecast(string? endYear = null, int years = 3,
        params (string, string, string, string)[] extra)
    {
        var rows = HnbAssumptions.DefaultRows().Concat(extra).ToList();
        if (endYear is not null) rows.Add(("forecast", "end-year", "all", endYear));
        return HnbForecast.Run(DemoLikePicture(), La, Enumerable.Repeat(0.10, years).ToList(), HnbAssumptions.From(rows));
    }

    [Fact]
    public void Base_year_reproduces_the_actuals_exactly_in_both_scenarios()
    {
        var result = DefaultForecast();
        var actual = -8528000.33m + 24928000.17m + 37392000.01m + 43296000.99m + 2886400m + 6297600m + 1443200m + 9184000.07m + 2361600m
            + 262400m + 393600m + 2099200.03m + 2624000m;
        Assert.Equal(actual, result.Total("2024-25", "baseline"));
        Assert.Equal(actual, result.Total("2024-25", "reform"));
        Assert.Equal(24928000.17m, result.Rows.Where(r => r.FinancialYear == "2024-25" && r.Scenario == "baseline" && r.S251Line == "1.2.1").Sum(r => r.Amount));
        Assert.All(result.Rows, r => Assert.Equal(r.Amount, Math.Round(r.Amount, 2)));
    }

    [Fact]
    public void Reform_costs_less_from_its_start_year_and_the_same_before()
    {
        var result = DefaultForecast();
        Assert.Equal(result.Total("2025-26", "baseline"), result.Total("2025-26", "reform"));
        Assert.True(result.Total("2026-27", "reform") < result.Total("2026-27", "baseline"));
        Assert.True(result.Total("2027-28", "reform") < result.Total("2027-28", "baseline"));
        Assert.True(result.Total("2027-28", "baseline") > result.Total("2026-27", "baseline"));
    }

    [Fact]
    public void Inmss_grows_fastest_when_its_placement_growth_is_highest()
    {
        var result = DefaultForecast(extra: ("placement-growth", "INMSS", "all", "0.06"));
        var start = result.ByCategory("2024-25", "baseline").ToDictionary(c => c.Category, c => c.Amount);
        var end = result.ByCategory("2027-28", "baseline").ToDictionary(c => c.Category, c => c.Amount);
        var growth = start.Keys.ToDictionary(c => c, c => end[c] / start[c]);
        Assert.Equal("INMSS", growth.MaxBy(g => g.Value).Key);
    }

    [Fact]
    public void End_year_is_configurable_and_needs_growth_for_every_year()
    {
        var result = DefaultForecast("2030-31", years: 6);
        Assert.Equal(["2024-25", "2025-26", "2026-27", "2027-28", "2028-29", "2029-30", "2030-31"], result.Years);
        Assert.Throws<ArgumentException>(() => DefaultForecast("2030-31", years: 5));
        Assert.Equal(["2024-25", "2025-26", "2026-27", "2027-28"], DefaultForecast().Years);
    }

    [Fact]
    public void Rows_are_sorted_and_do_not_depend_on_input_order()
    {
        var forward = HandForecast();
        var backward = HnbForecast.Run(Picture(TwoCategoryPlacements().Reverse(), ("1.2.5", 10000m), ("1.2.3", 50000m), ("1.2.1", 80000m)),
            La, [0.5, 0.5], HandAssumptions());
        Assert.Equal(forward.Rows, backward.Rows);

        var lines = DefaultForecast().Rows.Where(r => r.FinancialYear == "2025-26" && r.Scenario == "baseline").Select(r => r.S251Line).Distinct().ToList();
        Assert.Equal(["1.0.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.2.10", "1.2.11", "1.2.13"], lines);
        var first = DefaultForecast().Rows;
        Assert.Equal(first.OrderBy(r => r.FinancialYear, StringComparer.Ordinal).ThenBy(r => r.Scenario, StringComparer.Ordinal).Select(r => (r.FinancialYear, r.Scenario)),
            first.Select(r => (r.FinancialYear, r.Scenario)));
    }

    [Fact]
    public void Assumptions_fall_back_to_defaults_for_required_keys_only()
    {
        var a = HnbAssumptions.From([("inflation", "all", "", "0.02"), ("placement-growth", "AP", "reform", "0.01")]);
        Assert.Equal(0.02m, a.Inflation("baseline"));
        Assert.Equal("2024-25", a.BaseYear.ToString());
        Assert.Equal(62000m, a.UnitCost("reform", "INMSS"));
        Assert.Equal(0m, a.PlacementGrowth("baseline", "INMSS")); // optional: absent means 0, not the placeholder
        Assert.Equal(0.01m, a.PlacementGrowth("reform", "AP"));
        Assert.Equal(0m, a.PlacementGrowth("baseline", "AP"));
        Assert.Equal(0.02m, a.LineGrowth("baseline", "1.2.5"));   // absent means inflation
        Assert.Null(a.Lever("reform", ReformLevers.ApReduction)); // optional: absent means no effect

        var d = HnbAssumptions.Defaults;
        Assert.Equal(0m, d.PlacementGrowth("baseline", "INMSS")); // each category has its own cohort path now
        Assert.Equal(0.10m, d.Lever("reform", ReformLevers.ApReduction));
        Assert.Null(d.Lever("baseline", ReformLevers.ApReduction));
        Assert.Equal(0.25m, d.Lever("reform", ReformLevers.PhaseTransferMoved));
    }

    [Fact]
    public void Picture_reads_finance_lines_and_assumptions()
    {
        var picture = Picture([], ("1.2.1", 1234.5m));
        Add(picture, "assumptions", "Section,Key,Scenario,Value,Unit,Note,SourceRow",
            ["inflation,all,all,0.035,ratio/year,,2", "reform,start-year,,2026-27,financial-year,,3"]);
        Assert.Contains(picture.FinanceLines, f => f is { FinancialYear: "2024-25", S251Line: "1.2.1", Basis: "Actual", Amount: 1234.5m });
        Assert.Equal(3, picture.FinanceLines.Count);
        Assert.Equal([("inflation", "all", "all", "0.035"), ("reform", "start-year", "all", "2026-27")],
            picture.Assumptions.Select(a => (a.Section, a.Key, a.Scenario, a.Value)));
        Assert.Equal(3, picture.Assumptions[1].Source.Row);
    }
}
