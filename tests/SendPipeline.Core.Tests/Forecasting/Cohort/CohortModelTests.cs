using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

public sealed class CohortModelTests
{
    [Fact]
    public void Shrinkage_KeepsWhatTheSpreadOfLasBeyondNoiseSupports()
    {
        // Means 0.2, -0.2, 0; within-LA variance s² = (0.02 + 0.02 + 0) / 3; spread of means 0.04;
        // τ² = 0.04 − s² · (1/2) = 0.0333…; with two years w = τ² / (τ² + s² / 2) = 0.0333 / 0.04 = 0.8333.
        var weight = Shrinkage.Weights([[0.1, 0.3], [-0.1, -0.3], [0.0, 0.0]]);

        Assert.Equal(0.8333, weight(2), 4);
        Assert.Equal(0, weight(0));
    }

    [Fact]
    public void Shrinkage_GivesNoWeight_WhenLasDifferNoMoreThanTheirNoise()
    {
        // Means 0.1, -0.1: spread 0.02; s² = (0.08 + 0.08) / 2 = 0.08; τ² = 0.02 − 0.08 / 2 < 0.
        var weight = Shrinkage.Weights([[0.3, -0.1], [0.1, -0.3]]);

        Assert.Equal(0, weight(2));
    }

    [Fact]
    public void Carried_MovesOneWidthOfEachBandUpABand_AndOutOfTheLast()
    {
        // Widths 5, 6, 5, 4, 6: 50·4/5 = 40; 60·5/6 + 50/5 = 60; 50·4/5 + 60/6 = 50; 40·3/4 + 50/5 = 40; 60·5/6 + 40/4
        // = 60.
        Assert.Equal([40, 60, 50, 40, 60], AgeRates.Carried([50, 60, 50, 40, 60]).Select(v => Math.Round(v, 9)));
    }

    /// <summary>
    /// Two LAs whose bands all grew 10% on what was carried into them: the pooled net entry rate is ln 1.1 in every
    /// band, no LA deviates, and the total grew at the same pace as the bands (no correction). From LA A's 2020 bands
    /// [44, 66, 55, 44, 66] (275): carried [35.2, 63.8, 55, 44, 66] = 264, × 1.1 = 290.4 a year on.
    /// </summary>
    [Fact]
    public void Project_AgesTheBands_AndAppliesTheNetEntryRate()
    {
        var tables = new EhcpTables();
        double[] a2019 = [50, 60, 50, 40, 60], a2020 = [44, 66, 55, 44, 66];
        foreach (var (code, scale) in new[] { ("001", 1.0), ("002", 2.0) })
        {
            Tables.AddLa(tables, code);
            tables.AgeBands[code] = new()
            {
                [2019] = [.. a2019.Select(v => v * scale)], [2020] = [.. a2020
                .Select(v => v * scale)]
            };
            tables.Totals[code] = new() { [2019] = 250 * scale, [2020] = 275 * scale };
        }

        var path = CohortModel.Project(tables, 2020, 2).Single(p => p.Code == "001");

        Assert.Equal("age bands", path.Basis);
        Assert.Equal(290.4, path.Total[0], 6);
        // Year two: carried [28.16+... ] worked the same way from the year-one bands [38.72, 70.18, 60.5, 48.4, 72.6].
        double[] y1 = [35.2 * 1.1, 63.8 * 1.1, 55 * 1.1, 44 * 1.1, 66 * 1.1];
        var y2 = AgeRates.Carried(y1).Sum() * 1.1;
        Assert.Equal(y2, path.Total[1], 6);
    }

    /// <summary>
    /// Flows by hand. Each LA (B is A doubled): mainstream 100 → 110 with 20 new plans, special 50 → 60 with none, so
    /// k = (110 − 20) / 100 = 0.9 for mainstream and 60 / 50 = 1.2 for special (moves in). One year of new plans: no
    /// growth, 20 again, all to mainstream. A year on: mainstream 0.9 · 110 + 20 = 119, special 1.2 · 60 = 72, so the
    /// flows see the total grow 191 / 170. The total alone grew 510 / 450 (no age bands): the total is 170 times the
    /// geometric mean of the two ratios. Groups: flow path and own-growth path (110 · 1.1 = 121, 60 · 1.2 = 72) meet
    /// at their geometric mean, scaled to the total.
    /// </summary>
    [Fact]
    public void Project_GrowsGroupsByTheirFlows_AndTheTotalByFlowsAndGrowthTogether()
    {
        var tables = new EhcpTables();
        foreach (var (code, s) in new[] { ("001", 1.0), ("002", 2.0) })
        {
            Tables.AddLa(tables, code);
            tables.Totals[code] = new() { [2019] = 150 * s, [2020] = 170 * s };
            tables.Placements[code] = new()
            {
                [2019] = Tables.Groups(100 * s, 50 * s), [2020] = Tables.Groups(110
                * s, 60 * s)
            };
            tables.NewPlans[code] = new() { [2020] = 20 * s };
            tables.NewPlansByGroup[code] = new() { [2020] = Tables.Groups(20 * s, 0) };
        }

        var path = CohortModel.Project(tables, 2020, 1).Single(p => p.Code == "001");

        var total = 170 * Math.Sqrt(510.0 / 450 * (191.0 / 170));
        Assert.Equal("pooled growth and flows", path.Basis);
        Assert.Equal(total, path.Total[0], 6);
        double mainstream = Math.Sqrt(119 * 121.0), special = 72;
        Assert.Equal(total * mainstream / (mainstream
            + special), path.Groups[PlacementGroups.Mainstream.Breakdown][0], 6);
        Assert.Equal(total * special / (mainstream
            + special), path.Groups[PlacementGroups.MaintainedSpecial.Breakdown][0], 6);
        Assert.Equal(0, path.Groups[PlacementGroups.Alternative.Breakdown][0]);
    }

    [Fact]
    public void Project_UsesNothingAfterTheOrigin()
    {
        var tables = Tables.Dfe.Value;
        var cut = CohortBacktest.Truncate(tables, 2020);
        var later = CohortBacktest.Truncate(tables, 2022);
        foreach (var code in later.Totals.Keys) if (later.Totals[code].ContainsKey(2022)) later.Totals[code][2022] *= 10;
        foreach (var code in later.NewPlans.Keys) if (later.NewPlans[code].ContainsKey(2021)) later.NewPlans[code][2021] *= 10;

        var before = CohortModel.Project(cut, 2020, 2).ToDictionary(p => p.Code, p => p.Total);
        var after = CohortModel.Project(CohortBacktest.Truncate(later, 2020), 2020, 2)
            .ToDictionary(p => p.Code, p => p.Total);

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, b => Assert.Equal(b.Value, after[b.Key]));
    }
}
