using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// Dates as spec 1 reads them (<c>yyyy-mm-dd</c>, <c>dd/mm/yyyy</c>) and as the Blade export writes them,
/// <c>2022-Sep-28 00:00:00</c>. A time of day after either form (an export's, or a workbook date cell's
/// <c>T00:00:00</c>) is dropped: the items are dates. Allocation-free, as every row has several.
/// </summary>
public static class Sen2Dates
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(ReadOnlySpan<char> s, out DateOnly date)
    {
        s = WithoutTime(s);
        if (s.Length == 11 && s[4] == '-' && s[8] == '-')
        {
            date = default;
            var month = 0;
            for (var m = 0; m < Months.Length && month == 0; m++)
                if (s.Slice(5, 3).Equals(Months[m], StringComparison.OrdinalIgnoreCase)) month = m + 1;
            if (month == 0 || !Values.IsDigits(s[..4]) || !Values.IsDigits(s.Slice(9, 2))) return false;
            var year = int.Parse(s[..4], provider: System.Globalization.CultureInfo.InvariantCulture);
            var day = (s[9] - '0') * 10 + (s[10] - '0');
            if (year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            date = new DateOnly(year, month, day);
            return true;
        }
        return Values.TryParseDate(s, out date);
    }

    /// <summary>The text before a trailing <c> hh:mm:ss</c> or <c>Thh:mm:ss</c> (seconds' fractions allowed).</summary>
    private static ReadOnlySpan<char> WithoutTime(ReadOnlySpan<char> s)
    {
        var split = s.IndexOfAny(' ', 'T');
        if (split < 10) return s;
        var time = s[(split + 1)..];
        if (time.Length < 8 || time[2] != ':' || time[5] != ':') return s;
        foreach (var c in time)
            if (!char.IsAsciiDigit(c) && c is not ':' and not '.') return s;
        return s[..split];
    }
}
