using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Returns;

namespace SendPipeline.Core.Validation;

/// <summary>
/// Every rule the pipeline applies, from the code that applies it. docs/rules.md and
/// <c>sendpipeline rules</c> are generated from here, so the catalogue cannot drift from the checks.
/// </summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<Rule> All { get; } = Build();

    /// <summary>A short hash of every id, severity, template and fix: it changes exactly when the catalogue does.</summary>
    public static string Version { get; } = ComputeVersion();

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    private static IReadOnlyList<Rule> Build()
    {
        var rules = FileRules.All.Concat(ValueRules.All).Concat(ReturnSchemas.All.SelectMany(s => s.Rules)).Concat(Picture.CrossReturnRules.All)
            .Concat(Returns.Sen2.Sen2Rules.All).ToList();
        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Rule id {duplicate.Key} is defined twice.");
        return rules;
    }

    private static string ComputeVersion()
    {
        var text = new StringBuilder();
        foreach (var r in All) text.Append(r.Id).Append('|').Append(r.Severity).Append('|').Append(r.MessageTemplate).Append('|').Append(r.Fix).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
