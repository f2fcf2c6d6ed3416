using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Workforce;

public class SplitRulesTests
{
    private static AssumptionRow Row(string key, string value, string scenario = "all", string section = "eah-split") =>
        new(section, key, scenario, value, new Source("u", "uploads/la/assumptions/a.csv", "la", 2));

    [Fact]
    public void Defaults_AreSpec47AndTheLasPlaceholderCaps()
    {
        Assert.Equal(new SplitRules(0.80m, 0.10m, 0.10m, new FinancialYear(2025), new FinancialYear(2027)), SplitRules.Defaults);
    }

    [Fact]
    public void From_RowsInForce_OverrideTheDefaultsAndMissingKeysKeepThem()
    {
        var rules = SplitRules.From([Row("MAX-ENABLING", "0.05"), Row("outreach-until", "2028-29", scenario: "")]);

        Assert.Equal(SplitRules.Defaults with { MaxEnablingShare = 0.05m, OutreachUntil = new FinancialYear(2028) }, rules);
    }

    [Fact]
    public void From_NoEahSplitSection_IsTheDefaults()
    {
        Assert.Equal(SplitRules.Defaults, SplitRules.From([Row("all", "0.035", section: "inflation")]));
    }

    [Fact]
    public void From_ALaterRow_WinsAndARowForOneScenarioIsNotTheWorkforces()
    {
        var rules = SplitRules.From([Row("min-front-line", "0.85"), Row("min-front-line", "0.9"), Row("max-transformation", "0.2", scenario: "reform")]);

        Assert.Equal((0.9m, 0.10m), (rules.MinFrontLineShare, rules.MaxTransformationShare));
    }

    [Theory]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2027, true)]
    [InlineData(2028, false)]
    public void OutreachFunded_BothEndsOfTheWindowIncluded(int startYear, bool funded)
    {
        Assert.Equal(funded, SplitRules.Defaults.OutreachFunded(new FinancialYear(startYear)));
    }
}
