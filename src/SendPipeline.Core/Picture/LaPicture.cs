using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;

namespace SendPipeline.Core.Picture;

/// <summary>
/// The LA's picture: every accepted return in force, read from its canonical form. Built fresh on
/// each rebuild from the returns in force, never from the raw uploads.
/// </summary>
public sealed class LaPicture
{
    public List<CensusPupil> Census { get; } = new();
    public List<Placement> Placements { get; } = new();
    public List<Establishment> Establishments { get; } = new();
    public List<WorkforcePost> Posts { get; } = new();
    public List<Activity> Activities { get; } = new();
    public List<EhcpCount> EhcpHistory { get; } = new();
    public List<UploadStatusRow> Uploads { get; } = new();

    /// <summary>High Needs Block lines of the <c>hnb-finance</c> returns in force (spec 2).</summary>
    public List<FinanceLine> FinanceLines { get; } = new();

    /// <summary>Forecast assumptions of the <c>assumptions</c> returns in force (docs/assumptions.md).</summary>
    public List<AssumptionRow> Assumptions { get; } = new();

    /// <summary>The returns read, by upload id and content hash: the lineage of everything derived from the picture.</summary>
    public List<LineageEntry> Lineage { get; } = new();

    /// <summary>
    /// Adds one canonical return in force. Return types the picture does not use yet are recorded in the lineage only.
    /// <paramref name="contentHash"/> is the SHA-256 of the upload as received, when the caller knows it.
    /// </summary>
    /// <remarks>Columns are looked up once per return, and values repeated down a return share one string: a national picture holds millions of rows.</remarks>
    public void Add(string returnType, string uploadId, string uploadPath, string submitter, Stream canonical, string? contentHash = null)
    {
        Lineage.Add(new LineageEntry(returnType, uploadId, uploadPath, contentHash));
        using var table = new CanonicalTable(canonical);
        Source Src() => new(uploadId, uploadPath, submitter, table.SourceRow);
        switch (returnType)
        {
            case ReturnTypes.SchoolCensus:
                AddCensus(table, Src);
                break;
            case ReturnTypes.Placements:
                AddPlacements(table, Src);
                break;
            case ReturnTypes.Establishments:
                AddEstablishments(table, Src);
                break;
            case ReturnTypes.Workforce:
                AddPosts(table, Src);
                break;
            case ReturnTypes.EahActivity:
                AddActivities(table, Src);
                break;
            case ReturnTypes.HnbFinance:
                AddFinanceLines(table, Src);
                break;
            case ReturnTypes.Assumptions:
                AddAssumptions(table, Src);
                break;
            case ReturnTypes.EhcpHistory:
                AddEhcpHistory(table, Src);
                break;
        }
    }

    private void AddCensus(CanonicalTable table, Func<Source> src)
    {
        var (laEstab, censusDate, upn, provision) = (table.IndexOf("LAEstab"), table.IndexOf("CensusDate"), table.IndexOf("UPN"), table.IndexOf("SENProvision"));
        var (need, year, dob) = (table.IndexOf("SENType1"), table.IndexOf("NCYearActual"), table.IndexOf("DOB"));
        while (table.Read())
        {
            if (table.Date(censusDate) is not { } census || table[upn].IsEmpty) continue;
            // The need and year group are shared reference strings, not one per row; of the DOB only the age is kept.
            Census.Add(new CensusPupil(table.Text(laEstab), census, table[upn].ToString(), FirstChar(table[provision]), src(),
                SenTypes.Canonical(table[need]), NcYears.TryParse(table[year], out var nc) ? NcYears.Format(nc) : null, AgeOn(table.Date(dob), census)));
        }
    }

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="on"/>; null when the date is missing or after the day.</summary>
    public static byte? AgeOn(DateOnly? birth, DateOnly on)
    {
        if (birth is not { } b || b > on) return null;
        var age = on.Year - b.Year;
        if (on.Month < b.Month || (on.Month == b.Month && on.Day < b.Day)) age--;
        return age is >= 0 and <= byte.MaxValue ? (byte)age : null;
    }

    private void AddPlacements(CanonicalTable table, Func<Source> src)
    {
        var (provider, returnDate, upn, uln, category) = (table.IndexOf("ProviderId"), table.IndexOf("ReturnDate"), table.IndexOf("UPN"), table.IndexOf("ULN"), table.IndexOf("PlacementCategory"));
        var (start, end, ehcp, homeLa) = (table.IndexOf("PlacementStart"), table.IndexOf("PlacementEnd"), table.IndexOf("EHCP"), table.IndexOf("HomeLA"));
        var (cost, funding, need, residential) = (table.IndexOf("AnnualCost"), table.IndexOf("FundingElement"), table.IndexOf("PrimaryNeed"), table.IndexOf("Residential"));
        while (table.Read())
        {
            if (table.Date(returnDate) is not { } returned || table.Date(start) is not { } started) continue;
            // Residential is optional in the return: blank is "not said", kept apart from N.
            bool? isResidential = Values.TryParseBoolean(table[residential], out var r) ? r : null;
            Placements.Add(new Placement(table.Text(provider), returned, table[upn].IsEmpty ? null : table[upn].ToString(), table[uln].IsEmpty ? null : table[uln].ToString(),
                table.Text(category), started, table.Date(end), table.Flag(ehcp), table.Text(homeLa), src(),
                table.Decimal(cost), table.OptionalText(funding), SenTypes.Canonical(table[need]), isResidential));
        }
    }

    private void AddEstablishments(CanonicalTable table, Func<Source> src)
    {
        var (laEstab, laCode, number, urn, name) = (table.IndexOf("LAEstab"), table.IndexOf("LA (code)"), table.IndexOf("EstablishmentNumber"), table.IndexOf("URN"), table.IndexOf("EstablishmentName"));
        var (type, phase, pupils, status) = (table.IndexOf("TypeOfEstablishment (name)"), table.IndexOf("PhaseOfEducation (name)"), table.IndexOf("NumberOfPupils"), table.IndexOf("EstablishmentStatus (name)"));
        var ukprn = table.IndexOf("UKPRN");
        while (table.Read())
        {
            var code = laEstab >= 0 ? table.Text(laEstab) : table.Text(laCode) + table.Text(number).PadLeft(4, '0');
            Establishments.Add(new Establishment(table.Text(urn), code, table.Text(name), table.OptionalText(type), table.OptionalText(phase),
                int.TryParse(table[pupils], out var roll) ? roll : null, table.Text(status), src(), table.OptionalText(ukprn)));
        }
    }

    private void AddPosts(CanonicalTable table, Func<Source> src)
    {
        var (service, quarter, post, discipline, role, fte) = (table.IndexOf("ServiceCode"), table.IndexOf("Quarter"), table.IndexOf("PostId"), table.IndexOf("Discipline"), table.IndexOf("Role"), table.IndexOf("FTE"));
        var (status, cost, funding, until) = (table.IndexOf("Status"), table.IndexOf("AnnualCost"), table.IndexOf("FundingSource"), table.IndexOf("TimeLimitedUntil"));
        while (table.Read())
            Posts.Add(new WorkforcePost(table.Text(service), table.Text(quarter), table.Text(post), table.Text(discipline), table.Text(role),
                table.Decimal(fte) ?? 0, table.Text(status), table.Decimal(cost) ?? 0, table.Text(funding), table.Date(until), src()));
    }

    private void AddActivities(CanonicalTable table, Func<Source> src)
    {
        var (service, quarter, laEstab, discipline, days, type) = (table.IndexOf("ServiceCode"), table.IndexOf("Quarter"), table.IndexOf("LAEstab"), table.IndexOf("Discipline"), table.IndexOf("DaysDelivered"), table.IndexOf("ActivityType"));
        while (table.Read())
            Activities.Add(new Activity(table.Text(service), table.Text(quarter), table.Text(laEstab), table.Text(discipline), table.Decimal(days) ?? 0, table.Text(type), src()));
    }

    private void AddFinanceLines(CanonicalTable table, Func<Source> src)
    {
        var (year, line, basis, amount) = (table.IndexOf("FinancialYear"), table.IndexOf("S251Line"), table.IndexOf("Basis"), table.IndexOf("Amount"));
        while (table.Read())
        {
            if (table.Decimal(amount) is not { } value) continue;
            FinanceLines.Add(new FinanceLine(table.Text(year), table.Text(line), table.Text(basis), value, src()));
        }
    }

    private void AddAssumptions(CanonicalTable table, Func<Source> src)
    {
        var (section, key, scenario, value) = (table.IndexOf("Section"), table.IndexOf("Key"), table.IndexOf("Scenario"), table.IndexOf("Value"));
        while (table.Read())
        {
            if (table[section].IsEmpty) continue;
            Assumptions.Add(new AssumptionRow(table.Text(section), table.Text(key), table[scenario].IsEmpty ? "all" : table.Text(scenario), table.Text(value), src()));
        }
    }

    private void AddEhcpHistory(CanonicalTable table, Func<Source> src)
    {
        var (topic, period, level, oldLa, laName, plans) = (table.IndexOf("breakdown_topic"), table.IndexOf("time_period"), table.IndexOf("geographic_level"), table.IndexOf("old_la_code"), table.IndexOf("la_name"), table.IndexOf("ehcplans"));
        while (table.Read())
        {
            if (!IsAllPlansRow(table[topic])) continue;
            EhcpHistory.Add(new EhcpCount(table.Text(period), table.Text(level), table.OptionalText(oldLa),
                table.OptionalText(laName) ?? table.Text(level), long.TryParse(table[plans], out var count) ? count : null, src()));
        }
    }

    private static bool IsAllPlansRow(ReadOnlySpan<char> topic) =>
        topic.Equals("All EHC plans", StringComparison.OrdinalIgnoreCase) || topic.Equals("Total", StringComparison.OrdinalIgnoreCase);

    private static char FirstChar(ReadOnlySpan<char> s) => s.IsEmpty ? ' ' : s[0];
}
