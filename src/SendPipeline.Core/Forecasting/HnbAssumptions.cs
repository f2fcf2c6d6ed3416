using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Returns.Assumptions;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The assumptions the HNB cost forecast reads (docs/assumptions.md), by scenario. Rows are
/// <c>(Section, Key, Scenario, Value)</c>; scenario <c>all</c> (or blank) sets both <c>baseline</c>
/// and <c>reform</c>, and a later row overrides an earlier one.
/// <para>Missing keys: a <b>required</b> key (forecast years, inflation, growth method, every unit
/// cost, reform start year) missing from the rows is taken from the shipped defaults
/// (<see cref="AssumptionsDefaults"/>). An <b>optional</b> key keeps the meaning docs/assumptions.md
/// gives its absence (placement growth 0, a line growing with inflation, a reform lever 0), so an LA that
/// leaves a placeholder out is not silently given it back. <see cref="Defaults"/> is the shipped
/// set in full, optional keys included.</para>
/// </summary>
public sealed class HnbAssumptions
{
    public const string Baseline = "baseline", Reform = "reform";

    public static readonly IReadOnlyList<string> Scenarios = [Baseline, Reform];

    private static readonly string[] RequiredSections = [AssumptionKeys.Forecast, AssumptionKeys.Inflation, AssumptionKeys.UnitCost, AssumptionKeys.GrowthMethod];

    private readonly Dictionary<(string Scenario, string Section, string Key), string> _values;

    private HnbAssumptions(Dictionary<(string, string, string), string> values) => _values = values;

    /// <summary>The shipped defaults, every row of default-assumptions.csv.</summary>
    public static HnbAssumptions Defaults { get; } = new(Collect(DefaultRows()));

    /// <summary>The rows given, with required keys that are missing taken from the shipped defaults.</summary>
    public static HnbAssumptions From(IEnumerable<(string Section, string Key, string Scenario, string Value)> rows)
    {
        var values = Collect(rows);
        foreach (var (k, v) in Defaults._values)
            if (IsRequired(k.Section, k.Key)) values.TryAdd(k, v);
        return new HnbAssumptions(values);
    }

    /// <summary>The assumptions rows of a picture (<see cref="LaPicture.Assumptions"/>).</summary>
    public static HnbAssumptions From(IEnumerable<AssumptionRow> rows) =>
        From(rows.Select(r => (r.Section, r.Key, r.Scenario, r.Value)));

    /// <summary>The rows of the shipped default-assumptions.csv, to layer overrides on.</summary>
    public static IReadOnlyList<(string Section, string Key, string Scenario, string Value)> DefaultRows()
    {
        using var table = new CanonicalTable(AssumptionsDefaults.Open());
        var rows = new List<(string, string, string, string)>();
        while (table.Read())
            if (!table["Section"].IsEmpty) rows.Add((table.Text("Section"), table.Text("Key"), table.Text("Scenario"), table.Text("Value")));
        return rows;
    }

    public FinancialYear BaseYear => Year(Baseline, AssumptionKeys.Forecast, "base-year");

    public FinancialYear EndYear => Year(Baseline, AssumptionKeys.Forecast, "end-year");

    public FinancialYear ReformStart => Year(Reform, AssumptionKeys.Reform, "start-year");

    /// <summary>
    /// The EHC plan forecast method (<c>growth-method/ehcp</c>, a <see cref="ForecastMethods"/> name) that
    /// extends the caseload path placements move with; one path for both scenarios.
    /// </summary>
    public IForecastMethod GrowthMethod =>
        Get(Baseline, AssumptionKeys.GrowthMethod, "ehcp") is not { } name ? ForecastMethods.Default
        : ForecastMethods.Find(name) ?? throw new InvalidOperationException($"growth-method/ehcp '{name}' is not one of {string.Join(", ", AssumptionKeys.GrowthMethods)}.");

    public decimal Inflation(string scenario) => Number(scenario, AssumptionKeys.Inflation, "all") ?? 0m;

    /// <summary>Yearly uplift of one placement category's unit cost: its own <c>inflation/{category}</c>, else
    /// <c>inflation/all</c>.</summary>
    public decimal Inflation(string scenario, string category) =>
        Number(scenario, AssumptionKeys.Inflation, category) ?? Inflation(scenario);

    public decimal UnitCost(string scenario, string category) =>
        Get(scenario, AssumptionKeys.UnitCost, category) is { } text && Values.TryParseMoney(text, out var cost)
            ? cost
            : throw new InvalidOperationException($"No unit cost for placement category {category} ({scenario}).");

    /// <summary>Growth on top of EHC plan growth; absent means 0.</summary>
    public decimal PlacementGrowth(string scenario, string category) => Number(scenario, AssumptionKeys.PlacementGrowth, category) ?? 0m;

    /// <summary>Yearly change of a line placements do not drive; absent means inflation.</summary>
    public decimal LineGrowth(string scenario, string line) => Number(scenario, AssumptionKeys.LineGrowth, line) ?? Inflation(scenario);

    /// <summary>
    /// A reform lever or setting (<see cref="ReformLevers"/>) in the reform scenario; null when absent, and always
    /// null outside reform (the baseline is the forecast without reform).
    /// </summary>
    public decimal? Lever(string scenario, ReformLever lever) =>
        scenario == Reform ? Number(Reform, AssumptionKeys.Reform, lever.Key) : null;

    /// <summary>The same assumptions with one reform lever set in the reform scenario (for the goal seek).</summary>
    public HnbAssumptions WithLever(ReformLever lever, decimal value) =>
        new(new Dictionary<(string, string, string), string>(_values)
        {
            [(Reform, AssumptionKeys.Reform, lever.Key)] =
                value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The set's <c>meta/assumptions-version</c>, which names a scenario file; null when absent.</summary>
    public string? Version => Get(Baseline, AssumptionKeys.Meta, "assumptions-version");

    internal static int CategoryOrder(string? code)
    {
        if (code is null) return -1;
        for (var i = 0; i < PlacementCategories.All.Count; i++)
            if (PlacementCategories.All[i].Code == code) return i;
        return int.MaxValue;
    }

    private FinancialYear Year(string scenario, string section, string key) =>
        Get(scenario, section, key) is { } text && FinancialYear.TryParse(text, out var year)
            ? year
            : throw new InvalidOperationException($"No financial year for {section}/{key} ({scenario}).");

    private decimal? Number(string scenario, string section, string key) =>
        Get(scenario, section, key) is { } text && Values.TryParseDecimal(text, out var value) ? value : null;

    private string? Get(string scenario, string section, string key) => _values.GetValueOrDefault((scenario, section, key));

    // A category's own inflation is optional (absent means inflation/all), so it never comes from the defaults.
    private static bool IsRequired(string section, string key) =>
        (RequiredSections.Contains(section) && !(section == AssumptionKeys.Inflation && key != "all"))
        || (section == AssumptionKeys.Reform && key is "start-year");

    /// <summary>Normalises section, key (category and line codes as in the reference lists) and scenario; later rows win.</summary>
    private static Dictionary<(string, string, string), string> Collect(IEnumerable<(string Section, string Key, string Scenario, string Value)> rows)
    {
        var values = new Dictionary<(string, string, string), string>();
        foreach (var (sectionText, keyText, scenarioText, value) in rows)
        {
            if (AssumptionKeys.SectionOf(sectionText.Trim()) is not { } section) continue;
            var key = keyText.Trim();
            key = section switch
            {
                AssumptionKeys.UnitCost or AssumptionKeys.PlacementGrowth => PlacementCategories.Find(key)?.Code ?? key,
                AssumptionKeys.Inflation => PlacementCategories.Find(key)?.Code ?? key.ToLowerInvariant(),
                AssumptionKeys.LineGrowth => S251Lines.Find(key)?.Code ?? key,
                _ => key.ToLowerInvariant(),
            };
            var scenario = scenarioText.Trim().ToLowerInvariant();
            IEnumerable<string> scenarios = scenario is "" or "all" ? Scenarios : scenario is Baseline or Reform ? [scenario] : [];
            foreach (var s in scenarios) values[(s, section, key)] = value.Trim();
        }
        return values;
    }
}
