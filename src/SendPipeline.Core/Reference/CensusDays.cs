namespace SendPipeline.Core.Reference;

/// <summary>School census days: the first Thursday of October, the third Thursday of January and of May.</summary>
public static class CensusDays
{
    public static bool IsCensusDay(DateOnly date) => date.Month switch
    {
        10 => date == NthThursday(date.Year, 10, 1),
        1 => date == NthThursday(date.Year, 1, 3),
        5 => date == NthThursday(date.Year, 5, 3),
        _ => false,
    };

    public static DateOnly NthThursday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    /// <summary>The nearest census day, for a message that tells the school what it probably meant.</summary>
    public static DateOnly Nearest(DateOnly date)
    {
        var candidates = new List<DateOnly>();
        for (var y = date.Year - 1; y <= date.Year + 1; y++)
            candidates.AddRange([NthThursday(y, 1, 3), NthThursday(y, 5, 3), NthThursday(y, 10, 1)]);
        return candidates.MinBy(c => Math.Abs(c.DayNumber - date.DayNumber));
    }
}
