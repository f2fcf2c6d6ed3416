using SendPipeline.Core.Register;

namespace SendPipeline.Core.Dashboard;

/// <summary>One month of the register: plans issued and how many within 20 weeks, and the requests pipeline.</summary>
public sealed record TimelinessMonth(
    Sen2Period Period, int Issued, int WithinTwentyWeeks, int IssuedNoException, int NoExceptionWithinTwentyWeeks,
    int RequestsReceived, int DecidedWithinSixWeeks, int DecisionNotMade)
{
    /// <summary>The DfE's headline: plans issued within 20 weeks, exceptions included, as a share of all issued.</summary>
    public decimal? Rate => Sen2FigureColumns.Pc(WithinTwentyWeeks, Issued);

    public decimal? RateExcludingExceptions => Sen2FigureColumns.Pc(NoExceptionWithinTwentyWeeks, IssuedNoException);
}

/// <summary>
/// The dashboard's timeliness section, from the register's figures (<see cref="Sen2FiguresBuilder"/>): the last
/// <see cref="Months"/> months' 20-week rate and requests, and the requests overdue at the reference date,
/// longest waiting first. Null on the model when no sen2 extract is in force.
/// </summary>
public sealed record TimelinessPanel(
    DateOnly ReferenceDate, IReadOnlyList<TimelinessMonth> Months, IReadOnlyList<OverdueRequest> Overdue,
    TimelinessFigures? YearToDate)
{
    /// <summary>A year of months: enough to see a trend, few enough to read.</summary>
    public const int MonthsShown = 12;

    public static TimelinessPanel From(Sen2Figures figures)
    {
        var requests = figures.Requests.Where(r => !r.Period.IsCalendarYear).ToDictionary(r => r.Period);
        var months = figures.Timeliness.Where(t => !t.Period.IsCalendarYear)
            .Select(t => t.Period).Union(requests.Keys).Order().TakeLast(MonthsShown)
            .Select(p =>
            {
                var t = figures.Timeliness.FirstOrDefault(x => x.Period == p);
                var r = requests.GetValueOrDefault(p);
                return new TimelinessMonth(p, t?.Issued ?? 0, t?.WithinTwentyWeeks ?? 0, t?.IssuedNoException ?? 0,
                    t?.NoExceptionWithinTwentyWeeks ?? 0, r?.Received ?? 0, r?.DecidedWithinSixWeeks ?? 0,
                    r?.DecisionNotMade ?? 0);
            })
            .ToList();
        var year = figures.Timeliness.FirstOrDefault(t => t.Period == Sen2Period.CalendarYear(figures.ReferenceDate.Year));
        return new TimelinessPanel(figures.ReferenceDate, months,
            [.. figures.Overdue.OrderByDescending(o => o.DaysWaiting).ThenBy(o => o.RequestId, StringComparer.Ordinal)],
            year);
    }
}
