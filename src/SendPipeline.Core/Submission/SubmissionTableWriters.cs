using System.Globalization;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Submission;

/// <summary>
/// The rows of each table of the return, in the column order of <see cref="SubmissionTables"/>. No pupil
/// identifier appears in any.
/// </summary>
internal static class SubmissionTableWriters
{
    private static readonly object?[][] None = [];

    public static IEnumerable<object?[]> Checks(IReadOnlyList<CheckResult> checks, LaIdentity la, FinancialQuarter q) =>
        checks.Select(c => la.Row(TimePeriod.Of(q.Year), Q(q), c.Id, c.Title, YN(c.Blocking), c.Outcome, c.Detail,
            string.Join("; ", c.Items)));

    public static IEnumerable<object?[]> Counts(ReturnCounts counts, LaIdentity la, FinancialQuarter q) =>
        counts.Rows().Select(r => la.Row(TimePeriod.Of(q.Year), Q(q), r.Measure, r.Count, r.Names));

    /// <summary>
    /// The quarter's months of the register's figures (<see cref="Register.Sen2FiguresBuilder"/>), from the sen2
    /// extract in force; none without one. Months after the extract's reference date are left out, not written as 0.
    /// </summary>
    public static IEnumerable<object?[]> EhcTimeliness(LaPicture picture, LaIdentity la, FinancialQuarter q)
    {
        if (picture.Register is not { } register) return None;
        var figures = Register.Sen2FiguresBuilder.Build(register);
        return Enumerable.Range(0, 3)
            .Select(i => q.Start.AddMonths(i))
            .Where(month => month <= register.ReferenceDate)
            .Select(month => figures.Month(new Register.Sen2Period(month.Year, month.Month)))
            .Select(m => la.Row(TimePeriod.Of(q.Year), Q(q), m.Period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                m.RequestsReceived, m.DecidedWithinSixWeeks, m.Issued, m.WithinTwentyWeeks, m.Rate, m.IssuedNoException,
                m.NoExceptionWithinTwentyWeeks))
            .ToList();
    }

    /// <summary>Pupils with an EHC plan (E) and on SEN support (K) per setting at the quarter's census.</summary>
    public static IEnumerable<object?[]> SenCounts(LaPicture picture, LaIdentity la, DateOnly? census)
    {
        if (census is not { } date) return None;
        var register = picture.Establishments.GroupBy(e => e.LaEstab)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return picture.Census
            .Where(p => p.CensusDate == date && p.LaEstab.StartsWith(la.OldCode, StringComparison.Ordinal)
                && p.Provision is 'E' or 'K')
            .GroupBy(p => (p.LaEstab, p.Provision))
            .OrderBy(g => g.Key.LaEstab, StringComparer.Ordinal).ThenBy(g => g.Key.Provision)
            .Select(g =>
            {
                var setting = register.GetValueOrDefault(g.Key.LaEstab);
                return la.Row(TimePeriod.OfCensus(date), date, g.Key.LaEstab, setting?.Name, setting?.Phase,
                    g.Key.Provision == 'E' ? "EHC plan" : "SEN support", g.Count());
            });
    }

    /// <summary>The LA's children in placements active at the quarter's end, as the providers returned them.</summary>
    public static IEnumerable<object?[]> Placements(LaPicture picture, LaIdentity la, FinancialQuarter quarter) =>
        picture.Placements
            .Where(p => p.ReturnDate == quarter.End && p.HomeLa.Trim() == la.OldCode && p.ActiveOn(quarter.End))
            .GroupBy(p => (p.ProviderId, Category: CategoryCode(p.Category), p.Ehcp))
            .OrderBy(g => g.Key.ProviderId, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Ehcp)
            .Select(g => la.Row(TimePeriod.Of(quarter.Year), quarter.End, g.Key.ProviderId, g.Key.Category,
                YN(g.Key.Ehcp), g.Count()));

    /// <summary>Every High Needs Block line in force: actuals, budgets, forecasts, by year, line and basis.</summary>
    public static IEnumerable<object?[]> Finance(LaPicture picture, LaIdentity la) =>
        picture.FinanceLines
            .Select(f => (Year: f.FinancialYear.Trim(), Line: LineCode(f.S251Line), Basis: f.Basis.Trim(), f.Amount))
            .OrderBy(f => f.Year, StringComparer.Ordinal).ThenBy(f => S251Lines.Order(f.Line))
            .ThenBy(f => f.Basis, StringComparer.Ordinal)
            .Select(f => la.Row(TimePeriod.OfFinancialYear(f.Year), f.Line, f.Basis, f.Amount));

    public static IEnumerable<object?[]> Forecast(HnbForecastResult? hnb, LaIdentity la) => hnb is null ? None :
        hnb.Rows.Select(r =>
            la.Row(TimePeriod.OfFinancialYear(r.FinancialYear), r.Scenario, r.S251Line, r.Category, r.Amount));

    public static IEnumerable<object?[]> Fte(WorkforceCapacity c, LaIdentity la) => c.Fte.Select(r =>
        QuarterRow(la, r.Quarter, r.Discipline, r.Role, r.Filled, r.Vacant, r.Agency, r.Secondment, r.Posts));

    public static IEnumerable<object?[]> Cost(WorkforceCapacity c, LaIdentity la) => c.Cost.Select(r =>
        QuarterRow(la, r.Quarter, r.Role, r.FundingSource, r.AnnualCost));

    /// <summary>The share as percentage points, as the column's unit says.</summary>
    public static IEnumerable<object?[]> Split(WorkforceCapacity c, LaIdentity la) => c.Split.Select(r =>
        QuarterRow(la, r.Quarter, r.Role, r.Cost, Math.Round(r.Share * 100, 2), r.Rule, YN(r.Meets)));

    public static IEnumerable<object?[]> SettingDays(WorkforceCapacity c, LaIdentity la) => c.SettingDays.Select(r =>
        QuarterRow(la, r.Quarter, r.LaEstab, r.Name, r.Phase, r.DaysDelivered, r.Target, YN(r.NoSupport),
            r.YearToDateDays, r.YearToDateTarget, YN(r.NoSupportThisYear)));

    public static IEnumerable<object?[]> Outreach(WorkforceCapacity c, LaIdentity la) =>
        c.Outreach is not { } r ? None :
    [
        QuarterRow(la, r.Quarter, r.FundedFrom, r.FundedUntil, YN(r.InWindow), r.EahPosts, r.EahFte, r.EahCost,
            r.OtherFundedFte),
    ];

    public static IEnumerable<object?[]> Findings(WorkforceCapacity c, LaIdentity la) => c.Checks.Select(r =>
        QuarterRow(la, r.Quarter, r.Check, r.ServiceCode, r.PostId, r.Finding, r.Action));

    /// <summary>A workforce row: its "2025-26 Q4" becomes time_period 202526 and quarter Q4.</summary>
    private static object?[] QuarterRow(LaIdentity la, string quarter, params object?[] measures) =>
        FinancialQuarter.TryParse(quarter, out var q)
            ? la.Row(TimePeriod.Of(q.Year), [Q(q), .. measures])
            : la.Row(quarter, [null, .. measures]);

    private static string CategoryCode(string category) =>
        PlacementCategories.Find(category.Trim())?.Code ?? category.Trim();

    private static string LineCode(string line) => S251Lines.Find(line.Trim())?.Code ?? line.Trim();

    private static string Q(FinancialQuarter quarter) => $"Q{quarter.Quarter}";

    private static string YN(bool value) => value ? "Y" : "N";
}
