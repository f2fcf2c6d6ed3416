using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>
/// Checks on the DfE's EHC plan caseload file (spec 2 <c>ehcp-history</c>). They test only what the
/// forecast relies on; the file is otherwise taken as the DfE published it.
/// </summary>
public static class EhcpHistoryRules
{
    private const string Scope = "ehcp-history";

    public static readonly Rule TimePeriodInvalid = new("EH1000", Severity.Error, Scope,
        "time_period '{value}' is not an academic year written as six digits, e.g. 201819.",
        "Upload the caseload file as the DfE publishes it; time_period is the first year followed by the last two digits of the next (202223).");

    public static readonly Rule GeographicLevelInvalid = new("EH1100", Severity.Error, Scope,
        "geographic_level '{value}' is not National, Regional or Local authority.",
        "Upload the national caseload.csv unchanged, or remove rows at other levels (such as parliamentary constituency).");

    public static readonly Rule LaCodeInvalid = new("EH1200", Severity.Error, Scope,
        "old_la_code '{value}' is not a valid 3-digit LA code.",
        "Upload the caseload file as the DfE publishes it; old_la_code on a Local authority row is the 3-digit DfE LA number.");

    public static readonly Rule LaCodeOnOtherLevel = new("EH1210", Severity.Error, Scope,
        "old_la_code is '{value}' on a {level} row; only Local authority rows have an LA code.",
        "Clear old_la_code on National and Regional rows, or correct geographic_level.");

    public static readonly Rule CountInvalid = new("EH1300", Severity.Error, Scope,
        "{column} '{value}' is neither a whole number of plans nor a DfE symbol (x, z, c, low, u).",
        "Upload the caseload file as the DfE publishes it: counts are whole numbers, suppressed cells are x, z, c, low or u.");

    public static readonly Rule TotalMissing = new("EH1310", Severity.Error, Scope,
        "ehcplans is blank on the All EHC plans row of {la} ({code}) for {period}: the caseload is the figure the forecast starts from.",
        "Upload the file as the DfE publishes it; a suppressed total is written x, never left blank.");

    public static readonly Rule DuplicateRow = new("EH1400", Severity.Error, Scope,
        "{period} {level} {area} '{topic}' / '{value}' is also on row {firstRow}: each area, year and breakdown appears once.",
        "Upload a single caseload file; if two publications were joined, keep only the later one's rows.");

    public static readonly Rule NoCaseload = new("EH1500", Severity.Error, Scope,
        "The zip has no caseload.csv: the caseload is the table every forecast starts from.",
        "Zip the DfE's EHC plan CSVs with caseload.csv among them (in any folder), or upload caseload.csv on its own.");

    public static readonly Rule TableUnreadable = new("EH1510", Severity.Error, Scope,
        "{value} cannot be read as the DfE publishes it: {detail}",
        "Put the DfE's file in the zip as downloaded from explore-education-statistics, unchanged.");

    public static readonly Rule EntryNotRead = new("EH1520", Severity.Query, Scope,
        "{value} is not one of the DfE's EHC plan tables the pipeline reads ({known}); it was not kept.",
        "Nothing to do if it is not needed; otherwise check its name against the DfE's (for example newplans.csv).");

    public static readonly Rule DuplicateTable = new("EH1530", Severity.Error, Scope,
        "{value} is in the zip twice; the pipeline cannot tell which one to use.",
        "Zip one publication's files: keep only the later copy of the file.");

    public static readonly Rule TableTooLarge = new("EH1540", Severity.Error, Scope,
        "{value} expands to {detail}, far beyond any DfE EHC plan table.",
        "Upload the DfE's files as published; the largest is a few megabytes.");

    public static readonly IReadOnlyList<Rule> All =
    [
        TimePeriodInvalid, GeographicLevelInvalid, LaCodeInvalid, LaCodeOnOtherLevel, CountInvalid, TotalMissing, DuplicateRow,
        NoCaseload, TableUnreadable, EntryNotRead, DuplicateTable, TableTooLarge,
    ];
}
