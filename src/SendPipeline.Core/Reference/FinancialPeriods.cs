using System.Globalization;

namespace SendPipeline.Core.Reference;

/// <summary>A financial year (<c>2024-25</c>: April 2024 to March 2025).</summary>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:00}");

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Exactly <c>yyyy-yy</c> with the second year the next one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out FinancialYear year)
    {
        year = default;
        if (text.Length != 7 || text[4] != '-' || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end != (start + 1) % 100)
            return false;
        year = new FinancialYear(start);
        return true;
    }
}

/// <summary>A financial-year quarter, <c>2026-27 Q2</c>: Q1 April–June … Q4 January–March (spec 2 workforce).</summary>
public readonly record struct FinancialQuarter(FinancialYear Year, int Quarter)
{
    public DateOnly Start => Year.Start.AddMonths(3 * (Quarter - 1));
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public override string ToString() => $"{Year} Q{Quarter}";

    public static FinancialQuarter Containing(DateOnly date)
    {
        var year = FinancialYear.Containing(date);
        return new FinancialQuarter(year, (date.Month + 8) % 12 / 3 + 1);
    }

    /// <summary><c>2026-27 Q2</c>; a single space, upper- or lower-case Q.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out FinancialQuarter quarter)
    {
        quarter = default;
        if (text.Length != 10 || text[7] != ' ' || (text[8] != 'Q' && text[8] != 'q') || text[9] is < '1' or > '4') return false;
        if (!FinancialYear.TryParse(text[..7], out var year)) return false;
        quarter = new FinancialQuarter(year, text[9] - '0');
        return true;
    }

    /// <summary>30 June, 30 September, 31 December or 31 March: the last day of a quarter (spec 2 placements).</summary>
    public static bool IsQuarterEnd(DateOnly date) => Containing(date).End == date;
}
