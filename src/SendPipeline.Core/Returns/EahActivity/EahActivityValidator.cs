using System.Globalization;
using System.Runtime.InteropServices;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.EahActivity.EahActivityColumns;
using R = SendPipeline.Core.Returns.EahActivity.EahActivityRules;

namespace SendPipeline.Core.Returns.EahActivity;

/// <summary>Checks each row of days delivered against spec 2 <c>eah-activity</c> and writes its canonical form.</summary>
internal sealed class EahActivityValidator : ServiceReturnValidator
{
    /// <summary>Half days are the finest step (spec 2), so one place is exact; 3.0 is written 3.</summary>
    internal const string DaysFormat = "0.#";

    // Keyed by the LAEstab number and code indexes, packed into one int: no string per row.
    private readonly Dictionary<int, SettingDays> _days = new();
    private readonly Dictionary<int, int> _activityRows = new();

    public EahActivityValidator(EahActivitySchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
        : base(schema, context, columns, issues, canonical, R.ServiceAndQuarter, ServiceCode, Quarter)
    {
    }

    /// <summary>Spec 2: the setting "should be a known open establishment (a query otherwise)".</summary>
    private void CheckRegister(ReadOnlySpan<char> laEstab, int r)
    {
        if (Context.Register is not { } register) return;
        // Activity files are small (a row per setting and discipline): a string per lookup costs nothing worth saving.
        if (!register.TryGetValue(laEstab.ToString(), out var status)) Add(R.SettingNotInRegister, r, LaEstab, laEstab);
        else if (!IsOpen(status)) Add(R.SettingNotOpen, r, LaEstab, laEstab, ("status", status));
    }

    /// <summary>GIAS "Open, but proposed to close" is still open and still supported.</summary>
    private static bool IsOpen(string status) => status.StartsWith("Open", StringComparison.OrdinalIgnoreCase);

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;
        var service = CheckServiceCode(row, r);
        var quarter = CheckQuarter(row, r);

        var laEstabText = Value(row, LaEstab);
        var laEstab = -1;
        if (Required(laEstabText, r, LaEstab))
        {
            if (laEstabText.Length != 7 || !Values.IsDigits(laEstabText)) Add(R.LaEstabFormat, r, LaEstab, laEstabText);
            else if (!Context.LaCodes.IsValid(laEstabText[..3])) Add(R.LaEstabLaCode, r, LaEstab, laEstabText, ("la", laEstabText[..3].ToString()));
            else
            {
                laEstab = int.Parse(laEstabText, NumberStyles.None, CultureInfo.InvariantCulture);
                CheckRegister(laEstabText, r);
            }
        }

        var discipline = Code(row, r, Discipline, ExpertsAtHand.Disciplines, R.DisciplineInvalid);

        var daysText = Value(row, DaysDelivered);
        decimal? days = null;
        if (Required(daysText, r, DaysDelivered) && Number(daysText, r, DaysDelivered) is { } d)
        {
            if (d > ExpertsAtHand.MaxDaysPerQuarter) Add(R.DaysOutOfRange, r, DaysDelivered, daysText);
            else if (d * 2 % 1 != 0) Add(R.DaysNotHalfDays, r, DaysDelivered, daysText);
            else days = d;
        }

        var activity = Code(row, r, ActivityType, ExpertsAtHand.ActivityTypes, R.ActivityTypeInvalid);

        if (laEstab >= 0 && discipline >= 0)
        {
            var setting = laEstab * ExpertsAtHand.Disciplines.Count + discipline;
            if (days is { } add) AddDays(setting, add, r, daysText, laEstabText, discipline);
            if (activity >= 0) CheckRepeated(setting * ExpertsAtHand.ActivityTypes.Count + activity, r, laEstabText, discipline, activity);
        }

        if (Canonical is { } w)
        {
            w.Field(service ?? (ReadOnlySpan<char>)Value(row, ServiceCode));
            w.Field(quarter ?? (ReadOnlySpan<char>)Value(row, Quarter));
            w.Field(laEstabText);
            w.Field(discipline >= 0 ? ExpertsAtHand.Disciplines.Code(discipline) : Value(row, Discipline));
            if (days is { } dv) w.Field(dv, DaysFormat); else w.Field(daysText);
            w.Field(activity >= 0 ? ExpertsAtHand.ActivityTypes.Code(activity) : Value(row, ActivityType));
            w.EndRow();
        }
    }

    /// <summary>
    /// The 65-day cap is per setting and discipline, across activity types (spec 2): reported once,
    /// at the row that takes the total over, since that is the row to look at first.
    /// </summary>
    private void AddDays(int setting, decimal days, int r, ReadOnlySpan<char> daysText, ReadOnlySpan<char> laEstab, int discipline)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_days, setting, out _);
        entry.Total += days;
        if (entry.Reported || entry.Total <= ExpertsAtHand.MaxDaysPerQuarter) return;
        entry.Reported = true;
        Add(R.DaysOverQuarterForSetting, r, DaysDelivered, daysText,
            ("discipline", ExpertsAtHand.Disciplines.Code(discipline)), ("laEstab", laEstab.ToString()),
            ("total", entry.Total.ToString(DaysFormat, CultureInfo.InvariantCulture)));
    }

    private void CheckRepeated(int key, int r, ReadOnlySpan<char> laEstab, int discipline, int activity)
    {
        if (_activityRows.TryAdd(key, r)) return;
        Add(R.ActivityRepeated, r, LaEstab, laEstab,
            ("discipline", ExpertsAtHand.Disciplines.Code(discipline)), ("activity", ExpertsAtHand.ActivityTypes.Code(activity)),
            ("firstRow", _activityRows[key].ToString(CultureInfo.InvariantCulture)));
    }

    private struct SettingDays
    {
        public decimal Total;
        public bool Reported;
    }
}
