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
    public void Add(string returnType, string uploadId, string uploadPath, string submitter, Stream canonical, string? contentHash = null)
    {
        Lineage.Add(new LineageEntry(returnType, uploadId, uploadPath, contentHash));
        using var table = new CanonicalTable(canonical);
        Source Src() => new(uploadId, uploadPath, submitter, table.SourceRow);
        while (table.Read())
        {
            switch (returnType)
            {
                case ReturnTypes.SchoolCensus when table.Date("CensusDate") is { } census && !table["UPN"].IsEmpty:
                    Census.Add(new CensusPupil(table.Text("LAEstab"), census, table.Text("UPN"), FirstChar(table["SENProvision"]), Src()));
                    break;
                case ReturnTypes.Placements when table.Date("ReturnDate") is { } returned && table.Date("PlacementStart") is { } start:
                    Placements.Add(new Placement(table.Text("ProviderId"), returned, table.OptionalText("UPN"), table.OptionalText("ULN"),
                        table.Text("PlacementCategory"), start, table.Date("PlacementEnd"), table.Flag("EHCP"), table.Text("HomeLA"), Src()));
                    break;
                case ReturnTypes.Establishments:
                    var laEstab = table.Has("LAEstab") ? table.Text("LAEstab") : table.Text("LA (code)") + table.Text("EstablishmentNumber").PadLeft(4, '0');
                    Establishments.Add(new Establishment(table.Text("URN"), laEstab, table.Text("EstablishmentName"),
                        table.OptionalText("TypeOfEstablishment (name)"), table.OptionalText("PhaseOfEducation (name)"),
                        int.TryParse(table["NumberOfPupils"], out var pupils) ? pupils : null, table.Text("EstablishmentStatus (name)"), Src()));
                    break;
                case ReturnTypes.Workforce:
                    Posts.Add(new WorkforcePost(table.Text("ServiceCode"), table.Text("Quarter"), table.Text("PostId"), table.Text("Discipline"),
                        table.Text("Role"), table.Decimal("FTE") ?? 0, table.Text("Status"), table.Decimal("AnnualCost") ?? 0,
                        table.Text("FundingSource"), table.Date("TimeLimitedUntil"), Src()));
                    break;
                case ReturnTypes.EahActivity:
                    Activities.Add(new Activity(table.Text("ServiceCode"), table.Text("Quarter"), table.Text("LAEstab"), table.Text("Discipline"),
                        table.Decimal("DaysDelivered") ?? 0, table.Text("ActivityType"), Src()));
                    break;
                case ReturnTypes.HnbFinance when table.Decimal("Amount") is { } amount:
                    FinanceLines.Add(new FinanceLine(table.Text("FinancialYear"), table.Text("S251Line"), table.Text("Basis"), amount, Src()));
                    break;
                case ReturnTypes.Assumptions when !table["Section"].IsEmpty:
                    Assumptions.Add(new AssumptionRow(table.Text("Section"), table.Text("Key"),
                        table["Scenario"].IsEmpty ? "all" : table.Text("Scenario"), table.Text("Value"), Src()));
                    break;
                case ReturnTypes.EhcpHistory when IsAllPlansRow(table):
                    EhcpHistory.Add(new EhcpCount(table.Text("time_period"), table.Text("geographic_level"), table.OptionalText("old_la_code"),
                        table.OptionalText("la_name") ?? table.Text("geographic_level"), long.TryParse(table["ehcplans"], out var plans) ? plans : null, Src()));
                    break;
            }
        }
    }

    private static bool IsAllPlansRow(CanonicalTable table) =>
        table["breakdown_topic"].Equals("All EHC plans", StringComparison.OrdinalIgnoreCase)
        || table["breakdown_topic"].Equals("Total", StringComparison.OrdinalIgnoreCase);

    private static char FirstChar(ReadOnlySpan<char> s) => s.IsEmpty ? ' ' : s[0];
}
