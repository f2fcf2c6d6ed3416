using SendPipeline.Core.Register;

namespace SendPipeline.Core.Dashboard;

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
        var months = figures.Timeliness.Select(t => t.Period).Union(figures.Requests.Select(r => r.Period))
            .Where(p => !p.IsCalendarYear).Order().TakeLast(MonthsShown).Select(figures.Month).ToList();
        var year = figures.Timeliness.FirstOrDefault(t => t.Period == Sen2Period.CalendarYear(figures.ReferenceDate.Year));
        return new TimelinessPanel(figures.ReferenceDate, months,
            [.. figures.Overdue.OrderByDescending(o => o.DaysWaiting).ThenBy(o => o.RequestId, StringComparer.Ordinal)],
            year);
    }
}
