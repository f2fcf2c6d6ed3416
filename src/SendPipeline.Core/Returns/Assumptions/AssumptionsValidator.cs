using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.Assumptions.AssumptionsColumns;
using K = SendPipeline.Core.Returns.Assumptions.AssumptionKeys;
using R = SendPipeline.Core.Returns.Assumptions.AssumptionsRules;

namespace SendPipeline.Core.Returns.Assumptions;

internal enum AssumptionScenario
{
    All,
    Baseline,
    Reform,
}

/// <summary>Checks each assumption against its key's type, unit and range, then the file for missing and inconsistent keys.</summary>
internal sealed class AssumptionsValidator(AssumptionsSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
    : RowValidatorBase(schema, context, columns, issues, canonical)
{
    private readonly Dictionary<string, List<(AssumptionScenario Scenario, int Row)>> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (FinancialYear Year, int Row, string Text)> _years = new(StringComparer.Ordinal);
    private string? _version;

    /// <summary>The assumptions-version: each version is kept, so a forecast can say which assumptions it used.</summary>
    public override string? Period => _version;

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;
        var sectionText = Value(row, Section);
        var keyText = Value(row, Key);
        var valueText = Value(row, ValueColumn);
        var unitText = Value(row, Unit);
        var haveSection = Required(sectionText, r, Section);
        var haveKey = Required(keyText, r, Key);
        var haveValue = Required(valueText, r, ValueColumn);
        var scenario = ParseScenario(Value(row, Scenario), r);

        var section = haveSection ? K.SectionOf(sectionText) : null;
        if (haveSection && section is null) Add(R.UnknownSection, r, Section, sectionText);
        var spec = section is not null && haveKey ? ResolveKey(section, keyText, r) : null;

        string? canonicalValue = null;
        if (spec is not null)
        {
            if (spec.ReformOnly && scenario is { } s && s != AssumptionScenario.Reform)
                Add(R.ReformKeyOutsideReform, r, Scenario, Value(row, Scenario), ("key", spec.Name), ("scenario", Name(s)));
            if (spec.AllScenariosOnly && scenario is { } one && one != AssumptionScenario.All)
                Add(R.WorkforceKeyNotForAll, r, Scenario, Value(row, Scenario), ("key", spec.Name), ("scenario", Name(one)));
            if (spec.SharedOnly && scenario is { } only && only != AssumptionScenario.All)
                Add(R.SharedKeyForOneScenario, r, Scenario, Value(row, Scenario), ("key", spec.Name), ("scenario", Name(only)));
            if (!unitText.IsEmpty && !unitText.Equals(spec.Unit, StringComparison.OrdinalIgnoreCase))
                Add(R.UnitMismatch, r, Unit, unitText, ("key", spec.Name), ("expected", spec.Unit.Length == 0 ? "no unit" : spec.Unit));
            if (haveValue) canonicalValue = CheckValue(spec, valueText, r);
        }
        if (haveSection && haveKey && scenario is { } sc)
            CheckDuplicate(section ?? sectionText.ToString().ToLowerInvariant(), spec?.Key ?? keyText.ToString(), keyText, sc, r);

        if (Canonical is { } w)
        {
            w.Field(section ?? sectionText);
            w.Field(spec?.Key ?? keyText);
            w.Field(scenario is { } c ? Name(c) : Value(row, Scenario));
            w.Field(canonicalValue ?? valueText);
            w.Field(unitText.IsEmpty && spec is not null ? spec.Unit : unitText);
            w.Field(Value(row, Note));
            w.EndRow();
        }
    }

    public override void Complete()
    {
        foreach (var key in K.Required)
        {
            var missing = Missing(key);
            if (missing is not null) AddFileLevel(R.RequiredKeyMissing, Key, key.Name, ("value", key.Name), ("scenarios", missing));
        }
        var start = _years.GetValueOrDefault("forecast/base-year");
        var end = _years.GetValueOrDefault("forecast/end-year");
        if (start.Text is not null && end.Text is not null)
        {
            if (end.Year.StartYear <= start.Year.StartYear)
                Add(R.EndBeforeBase, end.Row, ValueColumn, end.Text, ("base", start.Text));
            else if (end.Year.StartYear < K.RequiredHorizon.StartYear)
                Add(R.HorizonShort, end.Row, ValueColumn, end.Text, ("required", K.RequiredHorizon.ToString()));
            if (_years.TryGetValue("reform/start-year", out var reform)
                && (reform.Year.StartYear <= start.Year.StartYear || reform.Year.StartYear > end.Year.StartYear))
                Add(R.ReformStartOutsideForecast, reform.Row, ValueColumn, reform.Text, ("base", start.Text), ("end", end.Text));
        }
        if (_years.TryGetValue("eah-split/outreach-from", out var from) && _years.TryGetValue("eah-split/outreach-until", out var until)
            && until.Year.StartYear < from.Year.StartYear)
            Add(R.OutreachWindowReversed, until.Row, ValueColumn, until.Text, ("from", from.Text));
    }

    private AssumptionScenario? ParseScenario(ReadOnlySpan<char> text, int r)
    {
        // Blank means shared by both scenarios: the common case, so it need not be written out.
        if (text.IsEmpty || text.Equals("all", StringComparison.OrdinalIgnoreCase)) return AssumptionScenario.All;
        if (text.Equals("baseline", StringComparison.OrdinalIgnoreCase)) return AssumptionScenario.Baseline;
        if (text.Equals("reform", StringComparison.OrdinalIgnoreCase)) return AssumptionScenario.Reform;
        Add(R.ScenarioInvalid, r, Scenario, text);
        return null;
    }

    private AssumptionKey? ResolveKey(string section, ReadOnlySpan<char> keyText, int r)
    {
        var (spec, problem, code) = K.Resolve(section, keyText);
        switch (problem)
        {
            case KeyProblem.UnknownKey: Add(R.UnknownKey, r, Key, keyText, ("section", section)); break;
            case KeyProblem.ReplacedKey: Add(R.ReplacedKey, r, Key, keyText, ("lever", code)); break;
            case KeyProblem.PlacementCategory: Add(R.PlacementCategoryInvalid, r, Key, keyText, ("section", section), ("code", code)); break;
            case KeyProblem.S251Line: Add(R.S251LineInvalid, r, Key, keyText, ("section", section)); break;
        }
        return spec;
    }

    /// <summary>The value in canonical form, or null after reporting why it is not one.</summary>
    private string? CheckValue(AssumptionKey spec, ReadOnlySpan<char> text, int r)
    {
        switch (spec.Kind)
        {
            case AssumptionKind.Version:
                if (text.Length > 64 || text.ContainsAnyExcept(VersionChars)) { Add(R.VersionNotAToken, r, ValueColumn, text); return null; }
                _version = text.ToString();
                return _version;
            case AssumptionKind.FinancialYear:
                if (!FinancialYear.TryParse(text, out var year)) return Invalid(spec, text, r, "a financial year such as 2024-25");
                _years.TryAdd(spec.Name, (year, r, year.ToString()));
                return year.ToString();
            case AssumptionKind.GrowthMethod:
                foreach (var method in K.GrowthMethods)
                    if (text.Equals(method, StringComparison.OrdinalIgnoreCase)) return method;
                return Invalid(spec, text, r, "one of " + string.Join(", ", K.GrowthMethods));
            case AssumptionKind.Integer:
                if (text.Length > 9 || !Values.IsDigits(text)) return Invalid(spec, text, r, "a whole number");
                var whole = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
                if (spec.Name == "meta/format-version" && whole != K.SupportedFormat)
                    Add(R.FormatVersionUnsupported, r, ValueColumn, text, ("supported", K.SupportedFormat.ToString(CultureInfo.InvariantCulture)));
                InRange(spec, whole, text, r);
                return whole.ToString(CultureInfo.InvariantCulture);
            case AssumptionKind.Money:
                if (!Values.TryParseMoney(text, out var pounds)) return Invalid(spec, text, r, "an amount in pounds such as 62000");
                InRange(spec, pounds, text, r);
                return pounds.ToString("0.00", CultureInfo.InvariantCulture);
            default:
                var negative = spec.Kind == AssumptionKind.SignedRatio && text.StartsWith('-');
                if (!Values.TryParseDecimal(negative ? text[1..] : text, out var ratio))
                    return Invalid(spec, text, r,
                        spec.Kind == AssumptionKind.SignedRatio ? "a fraction such as 0.05 or -0.02"
                        : spec.Unit == "days/year" ? "a number of days such as 40" : "a fraction such as 0.035");
                if (negative) ratio = -ratio;
                InRange(spec, ratio, text, r);
                return ratio.ToString(CultureInfo.InvariantCulture);
        }
    }

    private string? Invalid(AssumptionKey spec, ReadOnlySpan<char> text, int r, string expected)
    {
        Add(R.ValueInvalid, r, ValueColumn, text, ("key", spec.Name), ("expected", expected));
        return null;
    }

    private void InRange(AssumptionKey spec, decimal value, ReadOnlySpan<char> text, int r)
    {
        if (spec.Range is { } range && !range.Contains(value))
            Add(R.ValueOutOfRange, r, ValueColumn, text, ("key", spec.Name), ("range", range.Text));
    }

    /// <summary>A row for all scenarios overlaps every other row of its key; baseline and reform rows overlap only their own kind.</summary>
    private void CheckDuplicate(string section, string key, ReadOnlySpan<char> keyText, AssumptionScenario scenario, int r)
    {
        var name = section + "/" + key;
        if (!_seen.TryGetValue(name, out var rows)) _seen[name] = rows = [];
        foreach (var (other, firstRow) in rows)
        {
            if (other != scenario && other != AssumptionScenario.All && scenario != AssumptionScenario.All) continue;
            Add(R.DuplicateKey, r, Key, keyText, ("section", section), ("scenario", Name(scenario)),
                ("firstRow", firstRow.ToString(CultureInfo.InvariantCulture)), ("firstScenario", Name(other)));
            return;
        }
        rows.Add((scenario, r));
    }

    /// <summary>Which scenarios lack <paramref name="key"/>, in words, or null when it is there for every one that needs it.</summary>
    private string? Missing(AssumptionKey key)
    {
        var rows = _seen.GetValueOrDefault(key.Name) ?? [];
        bool Has(AssumptionScenario s) => rows.Any(x => x.Scenario == s || x.Scenario == AssumptionScenario.All);
        if (key.ReformOnly) return Has(AssumptionScenario.Reform) ? null : "the reform scenario";
        return (Has(AssumptionScenario.Baseline), Has(AssumptionScenario.Reform)) switch
        {
            (true, true) => null,
            (true, false) => "the reform scenario",
            (false, true) => "the baseline scenario",
            _ => "every scenario",
        };
    }

    private static string Name(AssumptionScenario scenario) => scenario.ToString().ToLowerInvariant();

    private static readonly System.Buffers.SearchValues<char> VersionChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");
}
