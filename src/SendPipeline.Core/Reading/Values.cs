namespace SendPipeline.Core.Reading;

/// <summary>
/// Value parsers of spec section 1, on spans and without allocation, because every row of every
/// return goes through them.
/// </summary>
public static class Values
{
    /// <summary>
    /// <c>yyyy-mm-dd</c>, or UK <c>dd/mm/yyyy</c> (day and month may be one digit, as Excel writes
    /// them). Anything else, including US order and two-digit years, is not a date: never guess.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            if (!TryDigits(s[..4], out year) || !TryDigits(s.Slice(5, 2), out month) || !TryDigits(s.Slice(8, 2), out day)) return false;
        }
        else
        {
            var first = s.IndexOf('/');
            if (first is < 1 or > 2) return false;
            var rest = s[(first + 1)..];
            var second = rest.IndexOf('/');
            if (second is < 1 or > 2 || rest.Length - second - 1 != 4) return false;
            if (!TryDigits(s[..first], out day) || !TryDigits(rest[..second], out month) || !TryDigits(rest[(second + 1)..], out year)) return false;
        }
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary><c>Y</c>/<c>N</c>, <c>Yes</c>/<c>No</c>, <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, any case. Blank is not handled here.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> s, out bool value)
    {
        value = false;
        if (s.Length == 1)
        {
            switch (s[0])
            {
                case 'Y' or 'y' or '1': value = true; return true;
                case 'N' or 'n' or '0': return true;
                default: return false;
            }
        }
        if (s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("true", StringComparison.OrdinalIgnoreCase)) { value = true; return true; }
        return s.Equals("no", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Pounds (spec 1): optional <c>£</c>, thousands separators in groups of three, up to two decimal
    /// places, a leading minus (whether a negative is allowed is the caller's rule). <c>£1,234.50</c>.
    /// </summary>
    public static bool TryParseMoney(ReadOnlySpan<char> s, out decimal amount)
    {
        amount = 0;
        var negative = false;
        if (!s.IsEmpty && s[0] == '-') { negative = true; s = s[1..]; }
        if (!s.IsEmpty && s[0] == '£') s = s[1..];
        if (!negative && !s.IsEmpty && s[0] == '-') { negative = true; s = s[1..]; }
        var point = s.IndexOf('.');
        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : s[(point + 1)..];
        if (whole.IsEmpty || fraction.Length > 2 || (point >= 0 && fraction.IsEmpty) || !IsDigits(fraction.IsEmpty ? "0" : fraction)) return false;
        long pounds = 0;
        var digitsSinceComma = 0;
        var sawComma = false;
        foreach (var c in whole)
        {
            if (c == ',')
            {
                // Thousands separators must group by three: "1,23" is a typing error, not £123.
                if (digitsSinceComma == 0 || (sawComma && digitsSinceComma != 3) || (!sawComma && digitsSinceComma > 3)) return false;
                sawComma = true;
                digitsSinceComma = 0;
                continue;
            }
            if (!char.IsAsciiDigit(c) || pounds > 100_000_000_000) return false;
            pounds = pounds * 10 + (c - '0');
            digitsSinceComma++;
        }
        if (sawComma && digitsSinceComma != 3) return false;
        var pence = 0;
        for (var i = 0; i < 2; i++) pence = pence * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        amount = pounds + pence / 100m;
        if (negative) amount = -amount;
        return true;
    }

    /// <summary>A plain decimal number (<c>0.5</c>, <c>12</c>): FTE, days. No sign, no exponent, no separators.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 18) return false;
        var point = s.IndexOf('.');
        if (point == 0 || point == s.Length - 1) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c) && c != '.') return false;
        if (point >= 0 && s[(point + 1)..].Contains('.')) return false;
        return decimal.TryParse(s, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Trims spaces and tabs that spreadsheets leave around values.</summary>
    /// <remarks>Most values have none: two character tests are cheaper than the general trim, run on every cell.</remarks>
    public static ReadOnlySpan<char> Clean(ReadOnlySpan<char> s) =>
        s.IsEmpty || (s[0] is not (' ' or '\t') && s[^1] is not (' ' or '\t')) ? s : s.Trim(" \t");

    public static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
