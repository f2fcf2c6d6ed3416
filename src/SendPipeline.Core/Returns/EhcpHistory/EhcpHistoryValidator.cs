using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.EhcpHistory.EhcpHistoryColumns;
using R = SendPipeline.Core.Returns.EhcpHistory.EhcpHistoryRules;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>Checks each caseload row and writes the columns the forecast uses, suppression symbols as written.</summary>
internal sealed class EhcpHistoryValidator(EhcpHistorySchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
    : RowValidatorBase(schema, context, columns, issues, canonical)
{
    private const string National = "National", Regional = "Regional", LocalAuthority = "Local authority", AllPlans = "All EHC plans";

    // DfE statistics symbols: x not available, z not applicable, c confidential, low rounds to 0, u low reliability.
    private static readonly string[] Symbols = ["x", "z", "c", "low", "u"];

    private readonly Dictionary<string, int> _firstRows = new(StringComparer.Ordinal);
    private int? _latest;

    /// <summary>The latest year in the file: each publication repeats the earlier years, so the newest replaces the rest.</summary>
    public override string? Period => _latest?.ToString(CultureInfo.InvariantCulture);

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;

        var periodText = Value(row, TimePeriod);
        if (Required(periodText, r, TimePeriod))
        {
            if (IsAcademicYear(periodText, out var period)) _latest = Math.Max(_latest ?? period, period);
            else Add(R.TimePeriodInvalid, r, TimePeriod, periodText);
        }

        var levelText = Value(row, GeographicLevel);
        string? level = null;
        if (Required(levelText, r, GeographicLevel))
        {
            foreach (var l in (ReadOnlySpan<string>)[National, Regional, LocalAuthority])
                if (levelText.Equals(l, StringComparison.OrdinalIgnoreCase)) level = l;
            if (level is null) Add(R.GeographicLevelInvalid, r, GeographicLevel, levelText);
        }

        var laCode = Value(row, OldLaCode);
        var laName = Value(row, LaName);
        if (level == LocalAuthority)
        {
            if (Required(laCode, r, OldLaCode) && !Context.LaCodes.IsValid(laCode)) Add(R.LaCodeInvalid, r, OldLaCode, laCode);
            Required(laName, r, LaName);
        }
        else if (level is not null && !laCode.IsEmpty)
        {
            Add(R.LaCodeOnOtherLevel, r, OldLaCode, laCode, ("level", level));
        }

        var topic = Value(row, BreakdownTopic);
        var breakdown = Value(row, Breakdown);
        Required(topic, r, BreakdownTopic);
        Required(breakdown, r, Breakdown);

        var plans = Value(row, EhcPlans);
        if (!plans.IsEmpty) CheckCount(plans, r, EhcPlans);
        else if (level == LocalAuthority && topic.Equals(AllPlans, StringComparison.OrdinalIgnoreCase))
            Add(R.TotalMissing, r, EhcPlans, plans, ("la", laName.ToString()), ("code", laCode.ToString()), ("period", periodText.ToString()));
        foreach (var c in EhcpHistoryColumns.PlacementCounts)
        {
            var count = Value(row, c);
            if (!count.IsEmpty) CheckCount(count, r, c);
        }

        CheckDuplicate(row, r, level, periodText, laCode, topic, breakdown);

        if (Canonical is { } w)
        {
            foreach (var c in Table)
                w.Field(c == GeographicLevel && level is not null ? level : Value(row, c));
            w.EndRow();
        }
    }

    private void CheckCount(ReadOnlySpan<char> text, int r, ReturnColumn column)
    {
        if (Values.IsDigits(text)) return;
        foreach (var symbol in Symbols)
            if (text.Equals(symbol, StringComparison.OrdinalIgnoreCase)) return;
        Add(R.CountInvalid, r, column, text);
    }

    /// <summary>
    /// A region is named by region_code (or region_name); a file without either cannot tell its
    /// regions apart, so their rows are not compared rather than all reported as one region.
    /// </summary>
    private void CheckDuplicate(ITabularReader row, int r, string? level, ReadOnlySpan<char> period, ReadOnlySpan<char> laCode,
        ReadOnlySpan<char> topic, ReadOnlySpan<char> breakdown)
    {
        if (level is null || period.IsEmpty) return;
        var area = level switch
        {
            LocalAuthority => laCode,
            Regional => Value(row, RegionCode) is { IsEmpty: false } code ? code : Value(row, RegionName),
            _ => "England",
        };
        if (area.IsEmpty) return;
        var key = string.Join('\u001f', period.ToString(), level, area.ToString(), topic.ToString(), breakdown.ToString());
        if (_firstRows.TryAdd(key, r)) return;
        Add(R.DuplicateRow, r, Breakdown, breakdown, ("period", period.ToString()), ("level", level), ("area", area.ToString()),
            ("topic", topic.ToString()), ("firstRow", _firstRows[key].ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary><c>201819</c>: six digits, the last two the year after the first four.</summary>
    private static bool IsAcademicYear(ReadOnlySpan<char> text, out int period)
    {
        period = 0;
        if (text.Length != 6 || !Values.IsDigits(text)) return false;
        period = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return period % 100 == (period / 100 + 1) % 100;
    }
}
