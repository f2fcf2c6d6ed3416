using System.Reflection;
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

    /// <summary>
    /// Every rule is a <see cref="Rule"/> object (issues are only ever raised from one), held in a static
    /// field or property, or inside a static rule set such as <c>ServiceQuarterRules</c>. Reflection finds
    /// them all, so a rule defined and emitted but left out of its list (as EA1220 and EA1230 once were,
    /// printed as errors with no message) fails here.
    /// </summary>
    [Fact]
    public void Catalogue_HoldsEveryRuleTheCoreAssemblyDefines()
    {
        var defined = DefinedRules().ToList();

        var missing = defined.Where(d => RuleCatalogue.Find(d.Rule.Id) is not { } found || found != d.Rule)
            .Select(d => $"{d.Rule.Id} ({d.Where})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Rules defined but not in RuleCatalogue.All: " + string.Join(", ", missing));
        // The scan must see the catalogue's own rules, or it proves nothing.
        Assert.Equal(RuleCatalogue.All.Select(r => r.Id).Order(), defined.Select(d => d.Rule.Id).Distinct().Order());
        Assert.Contains(defined, d => d.Rule.Id == "EA1220");
        Assert.Contains(defined, d => d.Rule.Id == "EA1230");
    }

    private static IEnumerable<(Rule Rule, string Where)> DefinedRules()
    {
        const BindingFlags Static =
            BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(Rule).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            // Only members typed as rules are read, so no unrelated static getter runs.
            var values = type.GetFields(Static).Where(f => !f.IsLiteral && HoldsRules(f.FieldType))
                .Select(f => (f.GetValue(null), $"{type.Name}.{f.Name}"))
                .Concat(type.GetProperties(Static)
                    .Where(p => p.GetIndexParameters().Length == 0 && HoldsRules(p.PropertyType))
                    .Select(p => (p.GetValue(null), $"{type.Name}.{p.Name}")));
            foreach (var (value, where) in values)
            {
                switch (value)
                {
                    case Rule rule:
                        yield return (rule, where);
                        break;
                    case IEnumerable<Rule> rules:
                        foreach (var r in rules) yield return (r, where);
                        break;
                    case not null:
                        // A rule set such as ServiceQuarterRules: the rules it carries.
                        foreach (var p in value.GetType().GetProperties().Where(p => p.PropertyType == typeof(Rule)))
                            yield return ((Rule)p.GetValue(value)!, $"{where}.{p.Name}");
                        break;
                }
            }
        }
    }

    private static bool HoldsRules(Type type) =>
        type == typeof(Rule) || typeof(IEnumerable<Rule>).IsAssignableFrom(type)
        || type.GetProperties().Any(p => p.PropertyType == typeof(Rule));

    [Fact]
    public void Catalogue_HasTheDfeUpnRules1510To1560()
    {
        foreach (var id in new[] { "SC1510", "SC1520", "SC1530", "SC1540", "SC1550", "SC1560" })
            Assert.NotNull(RuleCatalogue.Find(id));
        Assert.Equal(Severity.Query, RuleCatalogue.Find("SC1560")!.Severity);
    }
}
