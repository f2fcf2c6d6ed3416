using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Returns.Assumptions;

namespace SendPipeline.Core.Workforce;

/// <summary>
/// What the workforce dataset checks the Experts at Hand posts against (spec 3, 4.7), from section
/// <c>eah-split</c> of the assumptions (docs/assumptions.md): the shares of the grant's cost, and the
/// financial years the Oakfield AP outreach is funded from the grant, both ends included.
/// </summary>
public sealed record SplitRules(
    decimal MinFrontLineShare, decimal MaxEnablingShare, decimal MaxTransformationShare, FinancialYear OutreachFrom, FinancialYear OutreachUntil)
{
    /// <summary>The shipped defaults: front line at least 80%, the LA's placeholder caps, outreach 2025-26 to 2027-28.</summary>
    public static SplitRules Defaults { get; } = Read(HnbAssumptions.DefaultRows(), fallback: null);

    /// <summary>The assumptions in force; a key they leave out (or an upload that predates the section) keeps the shipped default.</summary>
    public static SplitRules From(IEnumerable<AssumptionRow> rows) => Read(rows.Select(r => (r.Section, r.Key, r.Scenario, r.Value)), Defaults);

    public bool OutreachFunded(FinancialYear year) => year.StartYear >= OutreachFrom.StartYear && year.StartYear <= OutreachUntil.StartYear;

    /// <summary>Later rows win, as in the forecast's assumptions; rows for one scenario only are not the workforce's (AS1430).</summary>
    private static SplitRules Read(IEnumerable<(string Section, string Key, string Scenario, string Value)> rows, SplitRules? fallback)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, key, scenario, value) in rows)
        {
            var forAll = scenario.Trim() is "" || scenario.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
            if (forAll && section.Trim().Equals(AssumptionKeys.EahSplit, StringComparison.OrdinalIgnoreCase)) values[key.Trim()] = value.Trim();
        }

        decimal Share(string key, decimal? otherwise) =>
            values.TryGetValue(key, out var text) && Values.TryParseDecimal(text, out var share) ? share : otherwise ?? throw Missing(key);
        FinancialYear Year(string key, FinancialYear? otherwise) =>
            values.TryGetValue(key, out var text) && FinancialYear.TryParse(text, out var year) ? year : otherwise ?? throw Missing(key);

        return new SplitRules(
            Share("min-front-line", fallback?.MinFrontLineShare), Share("max-enabling", fallback?.MaxEnablingShare),
            Share("max-transformation", fallback?.MaxTransformationShare),
            Year("outreach-from", fallback?.OutreachFrom), Year("outreach-until", fallback?.OutreachUntil));
    }

    private static InvalidOperationException Missing(string key) =>
        new($"The shipped default assumptions have no {AssumptionKeys.EahSplit}/{key}.");
}
