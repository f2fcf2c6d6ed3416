namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class FinanceTests(GeneratedLa la)
{
    private List<(string Year, string Line, string Basis, decimal Amount)> Lines =>
        la.Tree.OfType("hnb-finance").Where(t => !la.Manifest.Defects.Any(d => d.File == t.File && d.ExpectedSeverity == "error"))
            .SelectMany(t => t.Rows.Select(r => (r[t.Column("FinancialYear")], r[t.Column("S251Line")], r[t.Column("Basis")], SpecRules.Money(r[t.Column("Amount")])!.Value)))
            .ToList();

    [Fact]
    public void Accepted_files_cover_three_years_with_actuals_budget_and_forecast()
    {
        var sets = Lines.Select(l => (l.Year, l.Basis)).Distinct().Order().ToList();
        Assert.Equal(new[] { ("2023-24", "Actual"), ("2024-25", "Actual"), ("2025-26", "Budget"), ("2025-26", "Forecast") }, sets);
        Assert.All(la.Tree.OfType("hnb-finance"), t => Assert.Equal("windows-1252", t.Encoding));
    }

    [Fact]
    public void Lines_are_section_251_lines_once_each_and_only_place_funding_is_negative()
    {
        Assert.All(Lines, l => Assert.Contains(l.Line, SpecRules.S251));
        Assert.Equal(Lines.Count, Lines.Select(l => (l.Year, l.Line, l.Basis)).Distinct().Count());
        Assert.All(Lines, l => Assert.True(l.Line == "1.0.2" ? l.Amount < 0 : l.Amount >= 0, $"{l.Line} {l.Amount}"));
    }

    [Fact]
    public void The_2024_25_total_is_the_published_131_2_million()
    {
        var total = Lines.Where(l => l.Year == "2024-25" && l.Basis == "Actual").Sum(l => l.Amount);
        Assert.InRange(total, 131_200_000m * 0.99m, 131_200_000m * 1.01m);
    }

    [Fact]
    public void Spend_leans_on_top_ups_and_ap_and_grows_fastest_in_inmss_and_ap()
    {
        var actual = Lines.Where(l => l.Year == "2024-25").ToDictionary(l => l.Line, l => l.Amount);
        var before = Lines.Where(l => l.Year == "2023-24").ToDictionary(l => l.Line, l => l.Amount);
        var gross = actual.Values.Where(a => a > 0).Sum();
        Assert.True(actual["1.2.1"] + actual["1.2.2"] + actual["1.2.3"] + actual["1.2.7"] > 0.8m * gross);
        var growth = actual.Keys.Where(k => before[k] > 0).ToDictionary(k => k, k => actual[k] / before[k]);
        var fastest = growth.OrderByDescending(g => g.Value).Take(2).Select(g => g.Key).Order();
        Assert.Equal(new[] { "1.2.3", "1.2.7" }, fastest);
    }
}
