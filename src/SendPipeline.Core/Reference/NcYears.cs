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
        if (value.Equals("R", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("N1", StringComparison.OrdinalIgnoreCase)) { year = -2; return true; }
        if (value.Equals("N2", StringComparison.OrdinalIgnoreCase)) { year = -1; return true; }
        if (value.Equals("X", StringComparison.OrdinalIgnoreCase)) { year = NoYearGroup; return true; }
        if (value.Length is 1 or 2 && char.IsAsciiDigit(value[0]) && value[0] != '0' && (value.Length == 1 || char.IsAsciiDigit(value[1])))
        {
            year = value.Length == 1 ? value[0] - '0' : (value[0] - '0') * 10 + value[1] - '0';
            return year <= 14;
        }
        return false;
    }

    public static string Format(int year) => year switch
    {
        NoYearGroup => "X",
        -2 => "N1",
        -1 => "N2",
        0 => "R",
        _ => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The year group a pupil of this birth date is in, by age on 31 August at the start of the
    /// academic year that contains <paramref name="onDate"/> (the DfE's rule): age 4 is Reception.
    /// </summary>
    public static int ExpectedFor(DateOnly dateOfBirth, DateOnly onDate)
    {
        var startYear = onDate.Month >= 9 ? onDate.Year : onDate.Year - 1;
        return Ages.InYears(dateOfBirth, new DateOnly(startYear, 8, 31)) - 4;
    }
}

public static class Ages
{
    /// <summary>Whole years of age on a date (a 29 February birthday turns over on 1 March).</summary>
    public static int InYears(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on.Month < dateOfBirth.Month || (on.Month == dateOfBirth.Month && on.Day < dateOfBirth.Day)) age--;
        return age;
    }
}
