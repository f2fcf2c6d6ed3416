using System.Globalization;

namespace SendPipeline.SampleData.Sen2;

/// <summary>One module's rows as the text the export writes, with its columns found by name.</summary>
internal sealed class Sen2Table(Sen2Module module)
{
    public Sen2Module Module { get; } = module;
    public List<string> Header { get; } = [.. module.Header];
    public List<string[]> Rows { get; } = [];

    public int Column(string name) =>
        Header.IndexOf(name) is >= 0 and var i
            ? i : throw new ArgumentException($"{Module.Name} has no column {name}.");

    public string Get(int row, string column) => Rows[row][Column(column)];

    public void Set(int row, string column, string value) => Rows[row][Column(column)] = value;

    public Sen2Table Copy()
    {
        var copy = new Sen2Table(Module);
        copy.Rows.AddRange(Rows.Select(r => (string[])r.Clone()));
        return copy;
    }
}

/// <summary>
/// The sample register as the nine modules of a COLLECT Blade export. Dates are written as the export writes
/// them (<c>2022-Sep-28 00:00:00</c>) in the modules about requests, assessments and plans, as ISO dates in
/// person and activeplans, and as UK dates in placementdetail, as a case-management system's mixed export does;
/// booleans as Y/N, 1/0 or true/false by module. Every form is one spec 1 and 2 accept.
/// </summary>
internal sealed class Sen2Tables
{
    private readonly Dictionary<string, Sen2Table> _tables;

    private Sen2Tables(Dictionary<string, Sen2Table> tables) => _tables = tables;

    public Sen2Table this[Sen2Module module] => _tables[module.Name];

    public IEnumerable<Sen2Table> All => Sen2Modules.All.Select(m => _tables[m.Name]);

    public Sen2Tables Copy() => new(_tables.ToDictionary(t => t.Key, t => t.Value.Copy()));

    public static Sen2Tables Build(IReadOnlyList<SamplePerson> people, string laCode, DateOnly reference)
    {
        var tables = Sen2Modules.All.ToDictionary(m => m.Name, m => new Sen2Table(m));
        void Add(Sen2Module module, string key, string? parent, params string?[] cells)
        {
            var table = tables[module.Name];
            var seq = table.Rows.Count + 1;
            string[] row =
            [
                key, .. parent is null ? Array.Empty<string>() : [parent], .. cells.Select(c => c ?? ""),
                $"{module.Name[..3].ToUpperInvariant()}-{seq:D6}", N(seq), "1",
            ];
            table.Rows.Add(row);
        }

        var exportedAt = reference.ToString("yyyy-MMM-dd' 18:05:00'", CultureInfo.InvariantCulture);
        Add(Sen2Modules.Sen2, "1", null, Sen2SampleCodes.Collection, N(reference.Year), Blade(reference),
            Sen2SampleCodes.SourceLevel, laCode, Sen2SampleCodes.SoftwareCode, Sen2SampleCodes.Release, "001",
            exportedAt, null, null, null);
        int request = 0, assessment = 0, plan = 0, detail = 0, active = 0, placement = 0, need = 0;
        // January's return has been made: a request received before it was exported then.
        var lastReturn = new DateOnly(reference.Month >= 2 ? reference.Year : reference.Year - 1, 1, 20);
        for (var p = 0; p < people.Count; p++)
        {
            var person = people[p];
            var personId = N(p + 1);
            var upnUnknown = person.Upn is null && person.Uln is null ? Sen2SampleCodes.UpnNotYetReceived : null;
            Add(Sen2Modules.Person, personId, "1", person.Surname, person.Forename, Iso(person.Birth), person.Sex,
                person.Ethnicity, person.Postcode, person.Upn, person.Uln, upnUnknown);
            foreach (var r in person.Requests.OrderBy(r => r.Received))
            {
                var requestId = N(++request);
                Add(Sen2Modules.Requests, requestId, personId, Blade(r.Received), r.Source, YN(r.Rya),
                    Blade(r.OutcomeDate), r.Outcome, YN(r.Mediation), YN(r.Tribunal), YN(r.Received < lastReturn));
                if (r.Assessment is { } a)
                {
                    var assessmentId = N(++assessment);
                    Add(Sen2Modules.Assessment, assessmentId, requestId, a.Outcome, Blade(a.OutcomeDate),
                        Bit(a.Mediation), Bit(false), Bit(false), Bit(false), Bit(a.Week20Exception));
                    if (a.Plan is { } named)
                    {
                        var planId = N(++plan);
                        Add(Sen2Modules.NamedPlan, planId, assessmentId, Blade(named.Issued), YN(named.Residential),
                            YN(false), YN(named.PersonalBudget), YN(false), YN(false), Blade(named.Ceased),
                            named.CeaseReason);
                        var s = named.Setting;
                        Add(Sen2Modules.PlanDetail, N(++detail), planId, s.Urn, s.Ukprn, s.SenSetting, null, "1",
                            YN(s.SenUnit), YN(s.ResourcedProvision));
                    }
                }
                if (r.Active is { } ap)
                {
                    var activeId = N(++active);
                    Add(Sen2Modules.ActivePlans, activeId, requestId, null, Iso(ap.ReviewMeeting), ap.ReviewOutcome,
                        null, Iso(ap.PhaseTransferDue), Iso(ap.PhaseTransferFinal), Iso(ap.LastReview));
                    var s = ap.Placement;
                    Add(Sen2Modules.PlacementDetail, N(++placement), activeId, s.Urn, s.Ukprn, s.SenSetting, null, "1",
                        Uk(s.Entry), null, TrueFalse(s.SenUnit), TrueFalse(s.ResourcedProvision));
                    for (var rank = 0; rank < ap.Needs.Count; rank++)
                        Add(Sen2Modules.SenNeed, N(++need), activeId, ap.Needs[rank], N(rank + 1));
                }
            }
        }
        return new Sen2Tables(tables);
    }

    /// <summary>The Blade export's own date form: <c>2022-Sep-28 00:00:00</c>.</summary>
    public static string Blade(DateOnly? date) =>
        date?.ToString("yyyy-MMM-dd' 00:00:00'", CultureInfo.InvariantCulture) ?? "";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Uk(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string YN(bool value) => value ? "Y" : "N";

    private static string Bit(bool value) => value ? "1" : "0";

    private static string TrueFalse(bool value) => value ? "true" : "false";
}
