using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Returns.Assumptions;

internal enum AssumptionKind
{
    Integer,
    Version,
    FinancialYear,
    Money,
    Ratio,
    SignedRatio,
    GrowthMethod,
}

/// <summary>Inclusive bounds unless <see cref="MinExclusive"/>; <see cref="Text"/> is how a message states them.</summary>
internal sealed record AssumptionRange(decimal Min, decimal Max, string Text, bool MinExclusive = false)
{
    public bool Contains(decimal value) => (MinExclusive ? value > Min : value >= Min) && value <= Max;
}

/// <summary>One assumption the forecast reads: where it is, what its value is, in which unit.</summary>
internal sealed record AssumptionKey(string Section, string Key, AssumptionKind Kind, string Unit, bool Required = false, AssumptionRange? Range = null)
{
    public string Name => $"{Section}/{Key}";

    public bool ReformOnly => Section == AssumptionKeys.Reform;

    /// <summary>The workforce dataset has no scenarios, so a key it reads applies to <c>all</c> or is misread.</summary>
    public bool AllScenariosOnly => Section == AssumptionKeys.EahSplit;

    /// <summary>One EHC plan caseload path drives both scenarios, so its method cannot differ between them.</summary>
    public bool SharedOnly => Section == AssumptionKeys.GrowthMethod;
}

internal enum KeyProblem
{
    None,
    UnknownSection,
    UnknownKey,
    ReplacedKey,
    PlacementCategory,
    S251Line,
}

/// <summary>Every section and key of assumptions format version 1 (docs/assumptions.md).</summary>
internal static class AssumptionKeys
{
    public const string Meta = "meta", Forecast = "forecast", UnitCost = "unit-cost", Inflation = "inflation",
        GrowthMethod = "growth-method", Reform = "reform", LineGrowth = "line-growth", PlacementGrowth = "placement-growth";

    /// <summary>The Experts at Hand split and the Oakfield outreach window, read by the workforce dataset rather than the forecast.</summary>
    public const string EahSplit = "eah-split";

    public const int SupportedFormat = 1;

    /// <summary>Spec 3: the forecast runs to at least 2027-28.</summary>
    public static readonly FinancialYear RequiredHorizon = new(2027);

    /// <summary>The EHC plan forecast methods (<c>forecast-ehcp --method</c>), the default first.</summary>
    public static readonly IReadOnlyList<string> GrowthMethods = [.. Forecasting.ForecastMethods.All.Select(m => m.Name)];

    public static readonly AssumptionRange Ratio = new(0, 1, "0 to 1");
    public static readonly AssumptionRange SignedRatio = new(-1, 1, "-1 to 1");
    // Spec 2 placements: an annual cost over £1,000,000 is an error, so no unit cost can be above it.
    public static readonly AssumptionRange Cost = new(0, 1_000_000, "more than £0 and at most £1,000,000", MinExclusive: true);

    private static readonly string[] Sections = [Meta, Forecast, UnitCost, Inflation, GrowthMethod, Reform, LineGrowth, PlacementGrowth, EahSplit];

    private static readonly AssumptionKey[] Fixed =
    [
        new(Meta, "format-version", AssumptionKind.Integer, "", Required: true),
        new(Meta, "assumptions-version", AssumptionKind.Version, "", Required: true),
        new(Forecast, "base-year", AssumptionKind.FinancialYear, "financial-year", Required: true),
        new(Forecast, "end-year", AssumptionKind.FinancialYear, "financial-year", Required: true),
        new(Inflation, "all", AssumptionKind.Ratio, "ratio/year", Required: true, Ratio),
        new(GrowthMethod, "ehcp", AssumptionKind.GrowthMethod, "", Required: true),
        new(Reform, "start-year", AssumptionKind.FinancialYear, "financial-year", Required: true),
        // Optional: the workforce dataset takes a missing one from the shipped defaults.
        new(EahSplit, "min-front-line", AssumptionKind.Ratio, "ratio", Range: Ratio),
        new(EahSplit, "max-enabling", AssumptionKind.Ratio, "ratio", Range: Ratio),
        new(EahSplit, "max-transformation", AssumptionKind.Ratio, "ratio", Range: Ratio),
        new(EahSplit, "outreach-from", AssumptionKind.FinancialYear, "financial-year"),
        new(EahSplit, "outreach-until", AssumptionKind.FinancialYear, "financial-year"),
    ];

    /// <summary>The reform levers and their settings, with the ranges documented beside them (one home:
    /// <see cref="Forecasting.Levers.ReformLevers"/>).</summary>
    private static readonly AssumptionKey[] Levers =
    [
        .. Forecasting.Levers.ReformLevers.All.Select(l =>
            new AssumptionKey(Reform, l.Key, AssumptionKind.Ratio, l.Unit, Range: new(l.Min, l.Max, l.RangeText))),
    ];

    /// <summary>
    /// Reform keys of format version 1 files written before the named levers, and the lever that replaced each: they
    /// are read without error (a query says they no longer act), so an old file still validates and forecasts.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Replaced =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["new-plan-reduction"] = Forecasting.Levers.ReformLevers.RequestsAvoidedPerDay.Key,
            ["shift-INMSS-to-MSS"] = Forecasting.Levers.ReformLevers.PhaseTransferMoved.Key,
            ["shift-AP-to-MMS"] = Forecasting.Levers.ReformLevers.ApReduction.Key,
        };

    /// <summary>What replaced an old reform key: its lever, or for any other <c>shift-X-to-Y</c> the phase-transfer
    /// and AP levers; null when the key was never a reform key.</summary>
    public static string? ReplacementOf(ReadOnlySpan<char> key) =>
        Replaced.TryGetValue(key.ToString(), out var lever) ? lever
        : key.StartsWith("shift-", StringComparison.OrdinalIgnoreCase)
            ? Forecasting.Levers.ReformLevers.PhaseTransferMoved.Key + " or "
                + Forecasting.Levers.ReformLevers.ApReduction.Key
            : null;

    public static IEnumerable<AssumptionKey> Required =>
        Fixed.Where(k => k.Required).Concat(PlacementCategories.All.Select(c => UnitCostOf(c.Code)));

    public static string? SectionOf(ReadOnlySpan<char> text)
    {
        foreach (var s in Sections)
            if (text.Equals(s, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }

    /// <summary>The key named by <paramref name="key"/> in a known section, or why there is none (and the code at fault).</summary>
    public static (AssumptionKey? Key, KeyProblem Problem, string? Code) Resolve(string section, ReadOnlySpan<char> key)
    {
        switch (section)
        {
            case UnitCost or PlacementGrowth:
                if (PlacementCategories.Find(key) is not { } category) return (null, KeyProblem.PlacementCategory, key.ToString());
                return (section == UnitCost ? UnitCostOf(category.Code) : new(section, category.Code, AssumptionKind.SignedRatio, "ratio/year", Range: SignedRatio), KeyProblem.None, null);
            case LineGrowth:
                if (S251Lines.Find(key) is not { } line) return (null, KeyProblem.S251Line, key.ToString());
                return (new(section, line.Code, AssumptionKind.SignedRatio, "ratio/year", Range: SignedRatio), KeyProblem.None, null);
            case Inflation when PlacementCategories.Find(key) is { } priced:
                // A category's own uplift (fees bought at market rates rise faster than pay): inflation/all otherwise.
                return (new(section, priced.Code, AssumptionKind.Ratio, "ratio/year", Range: Ratio), KeyProblem.None, null);
            case Reform when ReplacementOf(key) is not null:
                return (null, KeyProblem.ReplacedKey, ReplacementOf(key));
        }
        foreach (var k in Fixed.Concat(Levers))
            if (k.Section == section && key.Equals(k.Key, StringComparison.OrdinalIgnoreCase)) return (k, KeyProblem.None, null);
        return (null, KeyProblem.UnknownKey, null);
    }

    private static AssumptionKey UnitCostOf(string category) =>
        new(UnitCost, category, AssumptionKind.Money, "GBP/placement/year", Required: true, Cost);
}
