namespace SendPipeline.SampleData.Census;

public enum CensusTerm
{
    /// <summary>First Thursday of October.</summary>
    Autumn,
    /// <summary>Third Thursday of January.</summary>
    Spring,
    /// <summary>Third Thursday of May.</summary>
    Summer,
}

/// <summary>
/// Census days and the age arithmetic the census uses (spec 2 <c>school-census</c>): a pupil's
/// national curriculum year follows from their age on the 31 August before the census.
/// Written independently of SendPipeline.Core's CensusDays, Ages and NcYears on purpose: test data
/// derived from the validator's own arithmetic could never catch a mistake in it.
/// </summary>
public static class CensusDates
{
    public static DateOnly Autumn(int year) => NthThursday(year, 10, 1);

    public static DateOnly Spring(int year) => NthThursday(year, 1, 3);

    public static DateOnly Summer(int year) => NthThursday(year, 5, 3);

    /// <summary>The census of a term in the academic year that starts in September of <paramref name="academicYearStart"/>.</summary>
    public static DateOnly For(CensusTerm term, int academicYearStart) => term switch
    {
        CensusTerm.Autumn => Autumn(academicYearStart),
        CensusTerm.Spring => Spring(academicYearStart + 1),
        CensusTerm.Summer => Summer(academicYearStart + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(term)),
    };

    public static CensusTerm TermOf(DateOnly censusDate) => censusDate.Month switch
    {
        >= 9 => CensusTerm.Autumn,
        <= 3 => CensusTerm.Spring,
        _ => CensusTerm.Summer,
    };

    public static bool IsCensusDay(DateOnly date) =>
        date == Autumn(date.Year) || date == Spring(date.Year) || date == Summer(date.Year);

    /// <summary>The 31 August that starts the academic year containing <paramref name="date"/>.</summary>
    public static DateOnly AugustBefore(DateOnly date)
    {
        var thisYear = new DateOnly(date.Year, 8, 31);
        return date > thisYear ? thisYear : thisYear.AddYears(-1);
    }

    public static int AgeOn(DateOnly dob, DateOnly date)
    {
        var age = date.Year - dob.Year;
        if (date.Month < dob.Month || (date.Month == dob.Month && date.Day < dob.Day)) age--;
        return age;
    }

    /// <summary>The NC year a pupil of this age is expected in: age on the 31 August before, minus 4 (R = 0).</summary>
    public static int ExpectedNcYear(DateOnly dob, DateOnly censusDate) => AgeOn(dob, AugustBefore(censusDate)) - 4;

    /// <summary>The first and last dates of birth for a pupil in NC year <paramref name="ncYear"/> at this census.</summary>
    public static (DateOnly First, DateOnly Last) BirthWindow(int ncYear, DateOnly censusDate)
    {
        var august = AugustBefore(censusDate);
        var last = august.AddYears(-(ncYear + 4));
        return (last.AddYears(-1).AddDays(1), last);
    }

    /// <summary>A plausible first school day of September (schools open on the first weekday after the 1st).</summary>
    public static DateOnly SeptemberStart(int year)
    {
        var date = new DateOnly(year, 9, 2);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        return date;
    }

    private static DateOnly NthThursday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }
}
