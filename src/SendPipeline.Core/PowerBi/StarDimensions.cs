using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using static SendPipeline.Core.PowerBi.StarColumns;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The dimensions of the star schema and the lookups facts use to find their keys. Each is built from
/// its reference list (needs, S251 lines, categories, disciplines, scenarios) or from the codes the
/// facts use (financial years and quarters), and the settings from the establishments register.
/// </summary>
internal sealed class StarDimensions
{
    public const string UnknownCode = "Unknown", UnknownMeaning = "Unknown or not applicable";

    /// <summary>The scenario of amounts the LA returned itself (hnb-finance Actual, Budget, Forecast): no modelled scenario.</summary>
    public const string ReturnedScenario = "returned";

    /// <summary>
    /// The setting of placements the LA returns itself (home tuition, personal budgets: category OTH), which
    /// are at no establishment and so in no register: a member of its own, not Unknown.
    /// </summary>
    public const string LocalAuthorityCode = "LA";

    private readonly Dictionary<string, Establishment> _settings;
    private readonly Dictionary<string, string> _laEstabByProvider;

    public StarDimensions(LaPicture picture, IEnumerable<string> financialYears, IEnumerable<string> quarters, string? workforceQuarter)
    {
        // One register row per LAEstab; the register in force lists a setting once, the first wins if not.
        _settings = new Dictionary<string, Establishment>(StringComparer.Ordinal);
        foreach (var e in picture.Establishments) _settings.TryAdd(e.LaEstab, e);
        // A placement's ProviderId is a URN or a UKPRN (spec 2): both find the register entry. URNs are
        // 6 digits and UKPRNs 8, so the two never collide. Of two entries with one id, an open one wins.
        _laEstabByProvider = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in _settings.Values.OrderBy(e => e.IsClosed).ThenBy(e => e.LaEstab, StringComparer.Ordinal))
        {
            if (e.Urn.Trim() is { Length: > 0 } urn) _laEstabByProvider.TryAdd(urn, e.LaEstab);
            if (e.Ukprn?.Trim() is { Length: > 0 } ukprn) _laEstabByProvider.TryAdd(ukprn, e.LaEstab);
        }
        Setting = new Dimension(_settings.Keys.Append(LocalAuthorityCode));
        Need = new Dimension(SenTypes.All);
        Category = new Dimension(PlacementCategories.All.Select(c => c.Code));
        Line = new Dimension(S251Lines.All.Select(l => l.Code));
        Discipline = new Dimension(ExpertsAtHand.Disciplines.All.Select(d => d.Code));
        Scenario = new Dimension([.. HnbAssumptions.Scenarios, ReturnedScenario]);
        Year = new Dimension(financialYears.Where(y => FinancialYear.TryParse(y, out _)));
        Quarter = new Dimension(quarters.Where(q => FinancialQuarter.TryParse(q, out _)));
        WorkforceQuarter = workforceQuarter;
    }

    public Dimension Setting { get; }
    public Dimension Need { get; }
    public Dimension Category { get; }
    public Dimension Line { get; }
    public Dimension Discipline { get; }
    public Dimension Scenario { get; }
    public Dimension Year { get; }
    public Dimension Quarter { get; }
    public string? WorkforceQuarter { get; }

    /// <summary>A setting by its LAEstab (census, Experts at Hand activity).</summary>
    public long SettingByLaEstab(string laEstab) => Setting[laEstab.Trim()];

    /// <summary>
    /// A placement's setting: its provider's register entry by URN or UKPRN, or the LA's own arrangements
    /// when the LA returned the placement itself and is not a provider in the register.
    /// </summary>
    public long SettingOfPlacement(Placement placement) =>
        _laEstabByProvider.TryGetValue(placement.ProviderId.Trim(), out var laEstab) ? Setting[laEstab]
        : ReturnedByTheLa(placement.Source) ? Setting[LocalAuthorityCode]
        : Dimension.Unknown;

    /// <summary>A setting of the LA's register (sen2) by its URN or UKPRN; Unknown for one not in GIAS or a code.</summary>
    public long SettingOfProvider(string? urn, string? ukprn) =>
        urn is not null && _laEstabByProvider.TryGetValue(urn.Trim(), out var byUrn) ? Setting[byUrn]
        : ukprn is not null && _laEstabByProvider.TryGetValue(ukprn.Trim(), out var byUkprn) ? Setting[byUkprn]
        : Dimension.Unknown;

    // The record's submitter is the return's subject (the provider id); the upload's folder says who sent it.
    private static bool ReturnedByTheLa(Source source) =>
        source.Submitter == Uploads.Submitter.LocalAuthorityId
        || (Uploads.UploadPath.TryParse(source.UploadPath, out var path, out _) && path.SubmitterId == Uploads.Submitter.LocalAuthorityId);

    /// <summary>The register entry of a setting key's natural key, or null (Unknown, the LA's own arrangements).</summary>
    public Establishment? EstablishmentOf(string? laEstab) => laEstab is not null && _settings.TryGetValue(laEstab, out var e) ? e : null;

    /// <summary>
    /// The phase officers and the DfE's SEN statistics group settings by: special and alternative provision
    /// by their type, other schools by their GIAS phase; "Unknown" outside the register.
    /// </summary>
    public static string PhaseGroup(Establishment? e)
    {
        if (e is null) return UnknownCode;
        var kind = EstablishmentTypes.Classify(e.Type).Kind;
        return kind switch
        {
            SettingKind.Special => "Special",
            SettingKind.AlternativeProvision => "Alternative provision",
            _ when !string.IsNullOrWhiteSpace(e.Phase) && e.Phase.Trim() != "Not applicable" => e.Phase.Trim(),
            _ => "Other",
        };
    }

    public IEnumerable<StarTable> Tables()
    {
        yield return Setting.Table("dim_setting",
            "one row per setting in the establishments register (LAEstab), the LA's own arrangements (LA), and Unknown",
            [Int("SettingKey"), Text("LAEstab"), Text("URN", true), Text("UKPRN", true), Text("Name"), Text("Type", true), Text("Phase", true),
             Text("PhaseGroup"), Text("Status", true)],
            code => code switch
            {
                null => [UnknownCode, null, null, UnknownMeaning, null, null, UnknownCode, null],
                LocalAuthorityCode => [LocalAuthorityCode, null, null, "The LA's own arrangements (no establishment)", "Local authority arrangement", null,
                    "Other", null],
                _ => _settings[code] is var e ? [e.LaEstab, e.Urn, e.Ukprn, e.Name, e.Type, e.Phase, PhaseGroup(e), e.Status] : [],
            });
        yield return Need.Table("dim_need", "one row per DfE SEN type of need (SENType1), and Unknown",
            [Int("NeedKey"), Text("Need"), Text("Description")],
            code => code is null ? [UnknownCode, UnknownMeaning] : [code, SenTypes.Meaning(code)]);
        yield return Category.Table("dim_placement_category", "one row per placement category (spec 4.5), and Unknown or not applicable",
            [Int("PlacementCategoryKey"), Text("PlacementCategory"), Text("Description"), Int("SortOrder")],
            code => code is null ? [UnknownCode, UnknownMeaning, (long)PlacementCategories.All.Count]
                : [code, PlacementCategories.Find(code)!.Meaning, (long)HnbAssumptions.CategoryOrder(code)]);
        yield return Line.Table("dim_s251_line", "one row per Section 251 high-needs line (spec 4.6), and Unknown",
            [Int("S251LineKey"), Text("S251Line"), Text("Description"), Int("SortOrder")],
            code => code is null ? [UnknownCode, UnknownMeaning, (long)S251Lines.All.Count] : [code, S251Lines.Find(code)!.Description, (long)S251Lines.Order(code)]);
        yield return Discipline.Table("dim_discipline", "one row per Experts at Hand discipline, and Unknown",
            [Int("DisciplineKey"), Text("Discipline"), Text("Description")],
            code => code is null ? [UnknownCode, UnknownMeaning] : [code, ExpertsAtHand.Disciplines.All[ExpertsAtHand.Disciplines.IndexOf(code)].Meaning]);
        yield return Scenario.Table("dim_scenario", "one row per scenario (baseline, reform, returned), and Unknown",
            [Int("ScenarioKey"), Text("Scenario"), Text("Description")],
            code => code switch
            {
                null => [UnknownCode, UnknownMeaning],
                HnbAssumptions.Baseline => [code, "the forecast as things are"],
                HnbAssumptions.Reform => [code, "the forecast with the SEND reform assumptions"],
                _ => [code, "as the LA returned it (hnb-finance): no modelled scenario"],
            });
        yield return Year.Table("dim_financial_year", "one row per financial year any fact uses (April to March), and Unknown",
            [Int("FinancialYearKey"), Text("FinancialYear"), Int("StartYear", true), Date("StartDate", true), Date("EndDate", true)],
            code => code is null ? [UnknownCode, null, null, null]
                : FinancialYear.TryParse(code, out var y) ? [code, (long)y.StartYear, y.Start, y.End] : []);
        yield return Quarter.Table("dim_financial_quarter", "one row per financial quarter any fact uses, and Unknown",
            [Int("FinancialQuarterKey"), Text("FinancialQuarter"), Text("FinancialYear", true), Int("QuarterNumber", true), Date("StartDate", true), Date("EndDate", true), Flag("IsWorkforceQuarter")],
            code => code is null ? [UnknownCode, null, null, null, null, false]
                : FinancialQuarter.TryParse(code, out var q) ? [code, q.Year.ToString(), (long)q.Quarter, q.Start, q.End, code == WorkforceQuarter] : []);
    }
}
