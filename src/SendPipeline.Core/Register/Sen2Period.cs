using System.Globalization;

namespace SendPipeline.Core.Register;

/// <summary>
/// A calendar year or a month of one, written as the DfE's explore-education-statistics files write time:
/// <c>time_period</c> is the year and <c>time_identifier</c> is "Calendar year" or the month's name.
/// A year sorts before its months, so a table lists 2024, then January 2024 … December 2024.
/// </summary>
public readonly record struct Sen2Period(int Year, int? Month) : IComparable<Sen2Period>
{
    public const string CalendarYearIdentifier = "Calendar year";

    public static Sen2Period CalendarYear(int year) => new(year, null);

    public static Sen2Period MonthOf(DateOnly date) => new(date.Year, date.Month);

    public bool IsCalendarYear => Month is null;

    public string TimePeriod => Year.ToString(CultureInfo.InvariantCulture);

    public string TimeIdentifier =>
        Month is { } month ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month) : CalendarYearIdentifier;

    public DateOnly Start => new(Year, Month ?? 1, 1);

    public DateOnly End =>
        Month is { } month ? new DateOnly(Year, month, DateTime.DaysInMonth(Year, month)) : new(Year, 12, 31);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The year and the month a date falls in: every event is counted in both.</summary>
    public static IEnumerable<Sen2Period> Of(DateOnly date) => [CalendarYear(date.Year), MonthOf(date)];

    /// <summary>
    /// Every year, then its months, from the first date's year to the last date (the months after it left out).
    /// </summary>
    public static IReadOnlyList<Sen2Period> Span(DateOnly first, DateOnly last)
    {
        var periods = new List<Sen2Period>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            periods.Add(CalendarYear(year));
            var lastMonth = year == last.Year ? last.Month : 12;
            for (var month = 1; month <= lastMonth; month++) periods.Add(new Sen2Period(year, month));
        }
        return periods;
    }

    public int CompareTo(Sen2Period other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : (Month ?? 0).CompareTo(other.Month ?? 0);

    public override string ToString() => Month is { } month ? $"{Year}-{month:D2}" : TimePeriod;
}
