using System.Globalization;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The DfE's <c>time_period</c> for an academic year (<c>201819</c>), held as its first calendar
/// year (2018) so that "the next year" is plain arithmetic.
/// </summary>
public static class AcademicYear
{
    public static bool TryParse(ReadOnlySpan<char> text, out int firstYear)
    {
        firstYear = 0;
        if (text.Length != 6 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var period)) return false;
        if (period % 100 != (period / 100 + 1) % 100) return false;
        firstYear = period / 100;
        return true;
    }

    /// <summary>The first calendar year of the academic year (September to August) the day falls in.</summary>
    public static int FirstYearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    public static string Format(int firstYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstYear:D4}{(firstYear + 1) % 100:D2}");
}
