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

internal static class Repo
{
    public static string File(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SendPipeline.sln")))
                return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException("The repository root (SendPipeline.sln) was not found.");
    }

    /// <summary>A file of the shared folder beside the repository (or its worktrees' parent).</summary>
    public static string Shared(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}");
    }
}
