using SendPipeline.Core.Reports;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Validation;

public class RuleCatalogueTests
{
    [Fact]
    public void DocsRulesMd_IsTheCatalogueGeneratedFromTheCode()
    {
        var path = Repo.File("docs/rules.md");

        Assert.True(File.ReadAllText(path) == RuleCatalogueMarkdown.Render(),
            "docs/rules.md is stale: run `dotnet run --project src/SendPipeline.Cli -- rules --markdown > docs/rules.md`.");
    }

    [Fact]
    public void Catalogue_IdsAreUniqueAndEveryRuleHasAMessageAndAFix()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalogue.All, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageTemplate) || string.IsNullOrWhiteSpace(r.Fix), r.Id));
    }

    [Fact]
    public void Catalogue_HasTheDfeUpnRules1510To1560()
    {
        foreach (var id in new[] { "SC1510", "SC1520", "SC1530", "SC1540", "SC1550", "SC1560" })
            Assert.NotNull(RuleCatalogue.Find(id));
        Assert.Equal(Severity.Query, RuleCatalogue.Find("SC1560")!.Severity);
    }
}
