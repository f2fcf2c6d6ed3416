using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Assumptions;

/// <summary>
/// Rules for the forecast assumptions (docs/assumptions.md). A wrong assumption silently moves the
/// forecast by millions, so anything the model would misread is an error; only names the model
/// would merely ignore are queries.
/// </summary>
public static class AssumptionsRules
{
    private const string Scope = "assumptions";

    public static readonly Rule RequiredKeyMissing = new("AS1000", Severity.Error, Scope,
        "The required assumption {value} is missing for {scenarios}.",
        "Add a row with Section and Key as in {value} (Scenario all, or one row for each of baseline and reform); docs/assumptions.md lists every key.");

    public static readonly Rule UnknownSection = new("AS1100", Severity.Query, Scope,
        "Section '{value}' is not one the forecast uses; the row is kept but has no effect.",
        "Check the spelling against docs/assumptions.md (meta, forecast, unit-cost, inflation, growth-method, reform, line-growth, placement-growth, eah-split).");

    public static readonly Rule UnknownKey = new("AS1110", Severity.Query, Scope,
        "Key '{value}' is not one the forecast uses in section {section}; the row is kept but has no effect.",
        "Check the spelling against the keys of section {section} in docs/assumptions.md.");

    public static readonly Rule ReplacedKey = new("AS1120", Severity.Query, Scope,
        "reform/{value} is replaced by the named reform lever reform/{lever}; the row is kept but has no effect.",
        "Remove the row and set reform/{lever} instead; docs/assumptions.md \"Reform levers\" gives its meaning, " +
        "evidence and range.");

    public static readonly Rule DuplicateKey = new("AS1200", Severity.Error, Scope,
        "{section}/{value} for scenario {scenario} overlaps row {firstRow} (scenario {firstScenario}): which one applies is unknowable.",
        "Keep one row per key and scenario: either one row for all, or separate rows for baseline and reform.");

    public static readonly Rule ValueInvalid = new("AS1300", Severity.Error, Scope,
        "Value '{value}' for {key} is not {expected}.",
        "Write {key} as {expected}; docs/assumptions.md gives an example of each.");

    public static readonly Rule ValueOutOfRange = new("AS1310", Severity.Error, Scope,
        "Value {value} for {key} is outside {range}.",
        "Check the value: ratios are written as fractions (0.035 for 3.5%), costs in pounds per placement per year.");

    public static readonly Rule ScenarioInvalid = new("AS1400", Severity.Error, Scope,
        "Scenario '{value}' is not all, baseline or reform.",
        "Use all (or leave blank) for an assumption shared by both scenarios, or baseline or reform for one of them.");

    public static readonly Rule ReformKeyOutsideReform = new("AS1410", Severity.Error, Scope,
        "{key} is a reform effect but its scenario is {scenario}; the baseline scenario is the forecast without reform.",
        "Set Scenario to reform for every row of section reform.");

    public static readonly Rule SharedKeyForOneScenario = new("AS1420", Severity.Error, Scope,
        "{key} is shared by both scenarios (one EHC plan caseload forecast drives both) but its scenario is {scenario}.",
        "Set Scenario to all (or leave it blank) for {key}; the reform scenario's effect on new plans is its " +
        "reform levers (docs/assumptions.md).");

    public static readonly Rule UnitMismatch = new("AS1500", Severity.Error, Scope,
        "Unit '{value}' is not the unit of {key} ({expected}); the value would be misread.",
        "Convert the value to {expected} and write that unit, or leave Unit blank.");

    public static readonly Rule PlacementCategoryInvalid = new("AS1600", Severity.Error, Scope,
        "'{code}' in {section}/{value} is not a placement category.",
        "Use a placement category code: MMS, RP, MSS, ASS, INMSS, AP, FE, SPI or OTH.");

    public static readonly Rule S251LineInvalid = new("AS1610", Severity.Error, Scope,
        "'{value}' in section {section} is not a Section 251 high-needs line.",
        "Use one of 1.0.2, 1.2.1 to 1.2.11, or 1.2.13.");

    public static readonly Rule FormatVersionUnsupported = new("AS1700", Severity.Error, Scope,
        "Assumptions format version {value} is not supported; this pipeline reads version {supported}.",
        "Start from the shipped default-assumptions.csv, which has the current format, and copy your values into it.");

    public static readonly Rule VersionNotAToken = new("AS1710", Severity.Error, Scope,
        "assumptions-version '{value}' must be letters, digits, '.', '-' or '_' (at most 64), because it names the stored return.",
        "Write a short version such as 2026-07-budget or v3.");

    public static readonly Rule EndBeforeBase = new("AS1800", Severity.Error, Scope,
        "The forecast end year {value} is not after the base year {base}.",
        "Set forecast/end-year to a later financial year than forecast/base-year.");

    public static readonly Rule HorizonShort = new("AS1810", Severity.Query, Scope,
        "The forecast ends in {value}; the return needs a forecast to at least {required}.",
        "Set forecast/end-year to {required} or later unless a shorter forecast is intended.");

    public static readonly Rule ReformStartOutsideForecast = new("AS1820", Severity.Query, Scope,
        "Reform starts in {value}, which is not a forecast year (after {base}, up to {end}); the reform scenario will equal the baseline in some or all years.",
        "Set reform/start-year to a financial year after the base year and no later than the end year.");

    public static readonly Rule WorkforceKeyNotForAll = new("AS1430", Severity.Error, Scope,
        "{key} is read by the workforce dataset, which has no scenarios, but its scenario is {scenario}.",
        "Set Scenario to all (or leave it blank) for every row of section eah-split.");

    public static readonly Rule OutreachWindowReversed = new("AS1830", Severity.Error, Scope,
        "The Oakfield outreach funding ends in {value}, before it starts in {from}.",
        "Set eah-split/outreach-until to the same financial year as eah-split/outreach-from or a later one.");

    public static readonly IReadOnlyList<Rule> All =
    [
        RequiredKeyMissing, UnknownSection, UnknownKey, ReplacedKey, DuplicateKey, ValueInvalid, ValueOutOfRange, ScenarioInvalid,
        ReformKeyOutsideReform, SharedKeyForOneScenario, UnitMismatch, PlacementCategoryInvalid, S251LineInvalid, FormatVersionUnsupported,
        VersionNotAToken, EndBeforeBase, HorizonShort, ReformStartOutsideForecast, WorkforceKeyNotForAll, OutreachWindowReversed,
    ];
}
