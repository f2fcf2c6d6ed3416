using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.EahActivity;

/// <summary>
/// The eah-activity rules of spec 2. EA1220 and EA1230 (a setting unknown to, or not open in, the
/// establishments register) run at upload only when the register is given to the validator.
/// </summary>
public static class EahActivityRules
{
    private const string Scope = "eah-activity";

    public static readonly Rule ServiceCodeFormat = new("EA1000", Severity.Error, Scope,
        "ServiceCode '{value}' is not a service code (svc- followed by the service's code, e.g. svc-eps).",
        "Enter the service's code exactly as its upload folder is named, for example svc-eps.");

    public static readonly Rule ServiceCodeNotSubmitter = new("EA1001", Severity.Error, Scope,
        "The file is for service {value} (first on row {row}) but was uploaded by {submitter}.",
        "Upload each service's activity return into that service's own folder, or correct ServiceCode.");

    public static readonly Rule QuarterFormat = new("EA1100", Severity.Error, Scope,
        "Quarter '{value}' is not a financial-year quarter written like 2026-27 Q2.",
        "Write the financial year, a space and Q1 to Q4 (Q1 is April to June, Q4 January to March), for example 2026-27 Q2.");

    public static readonly Rule QuarterDiffers = new("EA1101", Severity.Error, Scope,
        "Quarter {value} differs from {first} on the first row; a return covers one quarter.",
        "Use the same quarter on every row, or split the file by quarter.");

    public static readonly Rule LaEstabFormat = new("EA1200", Severity.Error, Scope,
        "LAEstab '{value}' is not 7 digits.",
        "Enter the setting's 7-digit LAEstab: the 3-digit LA code followed by the 4-digit establishment number.");

    public static readonly Rule LaEstabLaCode = new("EA1210", Severity.Error, Scope,
        "The first three digits of LAEstab {value} ('{la}') are not a valid LA code.",
        "Check the setting's LAEstab in Get Information About Schools; it starts with the 3-digit code of the LA the setting is in.");

    public static readonly Rule SettingNotInRegister = new("EA1220", Severity.Query, Scope,
        "LAEstab {value} is not in the LA's establishments register.",
        "Check the setting's LAEstab; if it is right, the LA's register may be out of date (the SEND data team will check).");

    public static readonly Rule SettingNotOpen = new("EA1230", Severity.Query, Scope,
        "LAEstab {value} is {status} in the LA's establishments register, not open.",
        "Check where the support was delivered; a setting that has closed or not yet opened should not receive Experts at Hand days.");

    public static readonly Rule DisciplineInvalid = new("EA1300", Severity.Error, Scope,
        "Discipline '{value}' is not an Experts at Hand discipline.",
        $"Use {ExpertsAtHand.Disciplines.Listed}.");

    public static readonly Rule DaysOutOfRange = new("EA1400", Severity.Error, Scope,
        "DaysDelivered {value} is more than 65, the working days in a quarter.",
        "Enter the days delivered to this setting in this discipline this quarter, from 0 to 65.");

    public static readonly Rule DaysNotHalfDays = new("EA1410", Severity.Error, Scope,
        "DaysDelivered {value} is not a whole or half number of days.",
        "Round the days to the nearest half day, for example 2.5 rather than 2.25.");

    public static readonly Rule DaysOverQuarterForSetting = new("EA1420", Severity.Error, Scope,
        "DaysDelivered {value} brings {discipline} days at setting {laEstab} to {total} this quarter; one discipline can give one setting at most 65 (the working days in a quarter).",
        "Check the rows for this setting and discipline: a row may have been entered twice, or days recorded against the wrong setting.");

    public static readonly Rule ActivityTypeInvalid = new("EA1500", Severity.Error, Scope,
        "ActivityType '{value}' is not an activity type.",
        $"Use {ExpertsAtHand.ActivityTypes.Listed}.");

    public static readonly Rule ActivityRepeated = new("EA1600", Severity.Query, Scope,
        "Setting {value}, {discipline} {activity} is also on row {firstRow}; the two rows' days are added together.",
        "One row per setting, discipline and activity type is expected. If the row was copied twice, remove one; if the days were split (say by practitioner), this query can stand.");

    public static readonly ServiceQuarterRules ServiceAndQuarter = new(ServiceCodeFormat, ServiceCodeNotSubmitter, QuarterFormat, QuarterDiffers);

    public static readonly IReadOnlyList<Rule> All =
    [
        ServiceCodeFormat, ServiceCodeNotSubmitter, QuarterFormat, QuarterDiffers, LaEstabFormat, LaEstabLaCode,
        SettingNotInRegister, SettingNotOpen,
        DisciplineInvalid, DaysOutOfRange, DaysNotHalfDays, DaysOverQuarterForSetting, ActivityTypeInvalid, ActivityRepeated,
    ];
}
