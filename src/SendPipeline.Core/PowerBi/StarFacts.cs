using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;
using static SendPipeline.Core.PowerBi.StarColumns;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The fact tables, each at the grain its <see cref="StarTable.Grain"/> states. Rows are sorted by that
/// grain, so the same picture writes the same bytes; where the returns in force could repeat a grain
/// (two returns for one service and quarter, say) the rows are combined as the datasets combine them.
/// </summary>
internal static class StarFacts
{
    public static StarTable SenPupils(LaPicture picture, StarDimensions dims, PupilKeys keys) =>
        new("fact_sen_pupil", "one row per pupil on each school's census return (census date, setting, pupil)",
            [Int("CensusDateKey"), Int("SettingKey"), Text("SettingCode"), Text("PupilKey"), Int("NeedKey"),
             Text("NcYear", true), Int("Age", true), Text("SenProvision"), Flag("Ehcp")],
            StarRows.Streamed(
                () => PupilOrder.Of(picture.Census, c => c.CensusDate, c => c.LaEstab, (h, c) => h.Of(c.Upn), null,
                    keys),
                (p, row) => row.Int(DateKey(p.Item.CensusDate)).Int(dims.SettingByLaEstab(p.Item.LaEstab))
                    .Text(p.Item.LaEstab)
                    .Text(p.Pupil.ToString()).Int(dims.Need[p.Item.SenType1]).Text(p.Item.NcYear).Int(p.Item.Age)
                    .Text(p.Item.Provision.ToString()).Flag(p.Item.Provision == 'E')));

    public static StarTable Placements(LaPicture picture, StarDimensions dims, PupilKeys keys) =>
        new("fact_placement", "one row per placement on each provider's return (return date, provider, pupil, placement start)",
            [Int("ReturnDateKey"), Int("SettingKey"), Text("SettingCode"), Int("PlacementCategoryKey"), Int("NeedKey"), Text("PrimaryNeed", true),
             Text("PupilKey", true), Date("PlacementStart"), Date("PlacementEnd", true), Flag("Ehcp"), Flag("Residential", true),
             Text("FundingElement", true), Dec("AnnualCost", true), Text("HomeLA"), Flag("ActiveOnReturnDate")],
            StarRows.Streamed(
                () => PupilOrder.Of(picture.Placements, p => p.ReturnDate, p => p.ProviderId,
                    (h, p) => h.Of(p.Upn, p.Uln), (x, y) => x.Start.CompareTo(y.Start), keys),
                (r, row) => row.Int(DateKey(r.Item.ReturnDate)).Int(dims.SettingOfPlacement(r.Item))
                    .Text(r.Item.ProviderId)
                    .Int(CategoryKey(dims, r.Item)).Int(dims.Need[r.Item.PrimaryNeed]).Text(r.Item.PrimaryNeed)
                    .Text(r.Pupil?.ToString()).Date(r.Item.Start).Date(r.Item.End).Flag(r.Item.Ehcp)
                    .Flag(r.Item.Residential)
                    .Text(r.Item.FundingElement?.Trim().ToUpperInvariant())
                    .Dec(r.Item.AnnualCost is { } cost ? Round(cost) : null).Text(r.Item.HomeLa)
                    .Flag(r.Item.ActiveOn(r.Item.ReturnDate))));

    private static long CategoryKey(StarDimensions dims, Placement p) => dims.Category[p.Category.Trim().ToUpperInvariant()];

    /// <summary>
    /// The tables published in place of pupil rows when suppression is on (<see cref="CountSuppression"/>),
    /// each at a grain officers report at: SEN pupils by phase, need and provision (the DfE's "Special
    /// educational needs in England" tables); by school and provision (which schools carry the EHC plans and
    /// SEN support); placements active on the return date by category and funding element, by category and
    /// primary need (commissioning and the HNB), and by provider and category (who the LA buys from).
    /// Grains as fine as school by need, or year group, leave most cells under any threshold worth having.
    /// Totals are protected within a census date or return date (and, for phase by need, within a provision:
    /// EHC plans and SEN support are published as separate statistics); see docs/datasets.md.
    /// </summary>
    public static IEnumerable<StarTable> Aggregates(LaPicture picture, StarDimensions dims, int threshold)
    {
        var phase = (Func<string, string>)(laEstab => StarDimensions.PhaseGroup(dims.EstablishmentOf(laEstab.Trim())));
        yield return CountSuppression.Table("agg_sen_pupil_phase_need",
            "SEN pupils on each census by phase of setting, primary need and SEN provision (E: EHC plan, K: SEN support)",
            [Int("CensusDateKey"), Text("SenProvision"), Text("PhaseGroup"), Int("NeedKey")], [], "Pupils", null,
            picture.Census.Select(c => new AggregateInput([DateKey(c.CensusDate), c.Provision.ToString(), phase(c.LaEstab), dims.Need[c.SenType1]], [])),
            threshold, partitions: 2);
        yield return CountSuppression.Table("agg_sen_pupil_setting",
            "SEN pupils on each census by setting and SEN provision (E: EHC plan, K: SEN support)",
            [Int("CensusDateKey"), Int("SettingKey"), Text("SenProvision")], [Text("SettingCode")], "Pupils", null,
            picture.Census.Select(c => new AggregateInput([DateKey(c.CensusDate), dims.SettingByLaEstab(c.LaEstab), c.Provision.ToString()], [c.LaEstab.Trim()])),
            threshold);

        var active = picture.Placements.Where(p => p.ActiveOn(p.ReturnDate)).ToList();
        yield return CountSuppression.Table("agg_placement_category_funding",
            "placements active on each return date by placement category and funding element, with their annual cost",
            [Int("ReturnDateKey"), Int("PlacementCategoryKey"), Text("FundingElement")], [], "Placements", "AnnualCost",
            active.Select(p => new AggregateInput([DateKey(p.ReturnDate), CategoryKey(dims, p), p.FundingElement?.Trim().ToUpperInvariant() ?? UnknownCode], [],
                p.AnnualCost ?? 0)),
            threshold);
        yield return CountSuppression.Table("agg_placement_category_need",
            "placements active on each return date by placement category and primary need, with their annual cost",
            [Int("ReturnDateKey"), Int("PlacementCategoryKey"), Int("NeedKey")], [], "Placements", "AnnualCost",
            active.Select(p => new AggregateInput([DateKey(p.ReturnDate), CategoryKey(dims, p), dims.Need[p.PrimaryNeed]], [], p.AnnualCost ?? 0)),
            threshold);
        yield return CountSuppression.Table("agg_placement_setting",
            "placements active on each return date by provider's setting and placement category, with their annual cost",
            [Int("ReturnDateKey"), Int("SettingKey"), Int("PlacementCategoryKey")], [], "Placements", "AnnualCost",
            active.Select(p => new AggregateInput([DateKey(p.ReturnDate), dims.SettingOfPlacement(p), CategoryKey(dims, p)], [], p.AnnualCost ?? 0)),
            threshold);
    }

    private const string UnknownCode = StarDimensions.UnknownCode;

    /// <summary>
    /// The LA's EHC plan caseload each January: the DfE's published count, then the forecast with its 80%
    /// interval. Academic year 2024/25 (January 2025) pairs with financial year 2024-25, as in the HNB forecast.
    /// </summary>
    public static StarTable EhcpCaseload(LaCaseload? caseload, StarDimensions dims)
    {
        var rows = new List<object?[]>();
        if (caseload is not null)
        {
            foreach (var (year, plans) in caseload.Actual.OrderBy(p => p.Key))
                rows.Add(Caseload(year, "Actual", plans, null, null, null));
            foreach (var f in caseload.Forecast.OrderBy(f => f.Year))
                rows.Add(Caseload(f.Year, "Forecast", f.Plans, f.Lower, f.Upper, f.Method));
        }
        return new StarTable("fact_ehcp_caseload", "one row per January (academic year) of the LA's EHC plan caseload, actual or forecast",
            [Int("FinancialYearKey"), Text("AcademicYear"), Int("CensusDateKey"), Text("Basis"), Dec("Plans"), Dec("PlansLower", true), Dec("PlansUpper", true), Text("Method", true)],
            rows);

        object?[] Caseload(int year, string basis, double plans, double? lower, double? upper, string? method) =>
            [dims.Year[new FinancialYear(year).ToString()], AcademicYear.Format(year), DateKey(CensusDays.NthThursday(year + 1, 1, 3)), basis,
             Plans(plans), lower is { } l ? Plans(l) : null, upper is { } u ? Plans(u) : null, method];
    }

    // Forecast plans are unrounded; two places keep the interval's order and sum exactly in Power BI.
    private static decimal Plans(double plans) => Math.Round((decimal)plans, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// HNB spend: the LA's own hnb-finance lines (Actual, Budget, Forecast; scenario <c>returned</c>) and the
    /// pipeline's forecast (basis <c>Modelled</c>; scenario baseline or reform), the same rows as hnb-forecast.csv.
    /// </summary>
    public static StarTable HnbSpend(LaPicture picture, HnbForecastResult? forecast, StarDimensions dims)
    {
        // Of two returned rows for one year, line and basis the later added wins, as the forecast reads its base year.
        var returned = new Dictionary<(string Year, string Line, string Basis), decimal>();
        foreach (var f in picture.FinanceLines)
            returned[(f.FinancialYear.Trim(), S251Lines.Find(f.S251Line.Trim())?.Code ?? f.S251Line.Trim(), f.Basis.Trim())] = f.Amount;
        var rows = returned.Select(r => (Year: r.Key.Year, Basis: r.Key.Basis, Scenario: StarDimensions.ReturnedScenario, r.Key.Line, Category: (string?)null, Amount: r.Value))
            .Concat((forecast?.Rows ?? []).Select(r => (Year: r.FinancialYear, Basis: "Modelled", r.Scenario, Line: r.S251Line, r.Category, r.Amount)))
            .OrderBy(r => r.Year, StringComparer.Ordinal).ThenBy(r => r.Basis, StringComparer.Ordinal).ThenBy(r => r.Scenario, StringComparer.Ordinal)
            .ThenBy(r => S251Lines.Order(r.Line)).ThenBy(r => r.Line, StringComparer.Ordinal).ThenBy(r => HnbAssumptions.CategoryOrder(r.Category));
        return new StarTable("fact_hnb_spend", "one row per financial year, basis, scenario, S251 line and placement category",
            [Int("FinancialYearKey"), Text("Basis"), Int("ScenarioKey"), Int("S251LineKey"), Int("PlacementCategoryKey"), Dec("Amount")],
            [.. rows.Select(r => (object?[])[dims.Year[r.Year], r.Basis, dims.Scenario[r.Scenario], dims.Line[r.Line], dims.Category[r.Category], Round(r.Amount)])]);
    }

    public static StarTable WorkforcePosts(LaPicture picture, StarDimensions dims)
    {
        // One row per post and quarter; a post repeated in the returns in force keeps its last row.
        var posts = new Dictionary<(string Quarter, string Service, string Post), WorkforcePost>();
        foreach (var p in picture.Posts) posts[(p.Quarter, p.ServiceCode, p.PostId)] = p;
        return new StarTable("fact_workforce_post", "one row per post on each service's workforce return (quarter, service, post)",
            [Int("FinancialQuarterKey"), Text("ServiceCode"), Text("PostId"), Int("DisciplineKey"), Text("Role"), Text("Status"), Text("FundingSource"),
             Dec("Fte"), Dec("AnnualCost"), Date("TimeLimitedUntil", true)],
            StarRows.Streamed(
                () => posts.Values.OrderBy(p => p.Quarter, StringComparer.Ordinal)
                    .ThenBy(p => p.ServiceCode, StringComparer.Ordinal).ThenBy(p => p.PostId, StringComparer.Ordinal),
                (p, row) => row.Int(dims.Quarter[p.Quarter]).Text(p.ServiceCode).Text(p.PostId)
                    .Int(dims.Discipline[p.Discipline]).Text(p.Role).Text(p.Status).Text(p.FundingSource)
                    .Dec(Round(p.Fte)).Dec(Round(p.AnnualCost))
                    .Date(p.TimeLimitedUntil)));
    }

    public static StarTable EahActivity(LaPicture picture, StarDimensions dims) =>
        new("fact_eah_activity", "one row per quarter, service, setting, discipline and activity type of the Experts at Hand activity returns",
            [Int("FinancialQuarterKey"), Text("ServiceCode"), Int("SettingKey"), Text("SettingCode"), Int("DisciplineKey"), Text("ActivityType"), Dec("Days")],
            StarRows.Streamed(
                () => picture.Activities
                    .GroupBy(a => (a.Quarter, a.ServiceCode, a.LaEstab, a.Discipline, a.ActivityType))
                    .OrderBy(g => g.Key.Quarter, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.ServiceCode, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.LaEstab, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.Discipline, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.ActivityType, StringComparer.Ordinal),
                (g, row) => row.Int(dims.Quarter[g.Key.Quarter]).Text(g.Key.ServiceCode)
                    .Int(dims.SettingByLaEstab(g.Key.LaEstab)).Text(g.Key.LaEstab)
                    .Int(dims.Discipline[g.Key.Discipline])
                    .Text(g.Key.ActivityType).Dec(Round(g.Sum(a => a.Days)))));

    /// <summary>The data-quality report's issues in its order; <c>IssueNumber</c> is the issue's place in it.</summary>
    public static StarTable DataQualityIssues(DataQualityReport report) =>
        new("fact_data_quality_issue", "one row per issue found by the checks across returns",
            [Int("IssueNumber"), Text("RuleId"), Text("Severity"), Text("Submitter"), Text("ReturnType"), Text("File", true), Int("Row", true), Text("Column", true), Text("Message"), Text("Fix")],
            StarRows.Streamed(() => report.Issues.Select((Issue, Number) => (Issue, Number)),
                (i, row) => row.Int(i.Number + 1L).Text(i.Issue.RuleId).Text(i.Issue.Severity.ToString())
                    .Text(i.Issue.Submitter).Text(i.Issue.ReturnType).Text(i.Issue.File).Int(i.Issue.Row)
                    .Text(i.Issue.Column).Text(i.Issue.Message).Text(i.Issue.Fix)));
}
