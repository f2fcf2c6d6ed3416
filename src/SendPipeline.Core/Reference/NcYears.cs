namespace SendPipeline.Core.Reference;

/// <summary>
/// National curriculum year groups: <c>N1</c>, <c>N2</c>, <c>R</c>, <c>1</c>–<c>14</c>, and <c>X</c>
/// for no year group. As numbers, N1 = -2, N2 = -1, R = 0.
/// </summary>
public static class NcYears
{
    public const int NoYearGroup = int.MinValue;

    public static bool TryParse(ReadOnlySpan<char> value, out int year)
    {
        year = 0;
        // Numbers first, the usual case: a value starting with a digit is none of the lettered year groups.
        if (value.Length is 1 or 2 && char.IsAsciiDigit(value[0]))
        {
            if (value[0] == '0' || (value.Length == 2 && !char.IsAsciiDigit(value[1]))) return false;
            year = value.Length == 1 ? value[0] - '0' : (value[0] - '0') * 10 + value[1] - '0';
            return year <= 14;
        }
        if (value.Equals("R", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("N1", StringComparison.OrdinalIgnoreCase)) { year = -2; return true; }
        if (value.Equals("N2", StringComparison.OrdinalIgnoreCase)) { year = -1; return true; }
        if (value.Equals("X", StringComparison.OrdinalIgnoreCase)) { year = NoYearGroup; return true; }
        return false;
    }

    private static readonly string[] Names = ["N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"];

    public static string Format(int year) => year == NoYearGroup ? "X" : Names[year + 2];

    /// <summary>
    /// The year group a pupil of this birth date is in, by age on 31 August at the start of the
    /// academic year that contains <paramref name="onDate"/> (the DfE's rule): age 4 is Reception.
    /// </summary>
    public static int ExpectedFor(DateOnly dateOfBirth, DateOnly onDate) =>
        ExpectedFor(CalendarDate.Of(dateOfBirth), CalendarDate.Of(onDate));

    /// <inheritdoc cref="ExpectedFor(DateOnly, DateOnly)"/>
    public static int ExpectedFor(CalendarDate dateOfBirth, CalendarDate onDate)
    {
        var startYear = onDate.Month >= 9 ? onDate.Year : onDate.Year - 1;
        // Age on 31 August: a birthday in September or later has not come round by then.
        return startYear - dateOfBirth.Year - (dateOfBirth.Month > 8 ? 1 : 0) - 4;
    }
}

public static class Ages
{
    /// <summary>Whole years of age on a date (a 29 February birthday turns over on 1 March).</summary>
    public static int InYears(DateOnly dateOfBirth, DateOnly on) => InYears(CalendarDate.Of(dateOfBirth), CalendarDate.Of(on));

    /// <inheritdoc cref="InYears(DateOnly, DateOnly)"/>
    public static int InYears(CalendarDate dateOfBirth, CalendarDate on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on.Month < dateOfBirth.Month || (on.Month == dateOfBirth.Month && on.Day < dateOfBirth.Day)) age--;
        return age;
    }
}

/// <summary>
/// A date as year, month and day, for rules that compare those: every <see cref="DateOnly"/> property recomputes
/// the calendar date from a day number, so a date checked against several rules is taken apart once.
/// </summary>
public readonly record struct CalendarDate(int Year, int Month, int Day)
{
    public static CalendarDate Of(DateOnly date)
    {
        date.Deconstruct(out var year, out var month, out var day);
        return new CalendarDate(year, month, day);
    }
}
