using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Submission;

/// <summary>The LA as the DfE's own statistics name it: the 3-digit old code, the ONS new code and the name.</summary>
public sealed record LaIdentity(string OldCode, string NewCode, string Name)
{
    public const string GeographicLevel = "Local authority";

    /// <summary>The codes and name from the DfE's LA list embedded in Core (la-codes.csv).</summary>
    public static LaIdentity Of(string laCode) =>
        new(laCode, LaCodes.Dfe.NewCodeOf(laCode) ?? "", LaCodes.Dfe.NameOf(laCode) ?? "");

    /// <summary>
    /// A row in the DfE's tidy layout: time_period, geographic_level, new_la_code, old_la_code, la_name, then
    /// the measures.
    /// </summary>
    public object?[] Row(string timePeriod, params object?[] measures) =>
        [timePeriod, GeographicLevel, NewCode, OldCode, Name, .. measures];
}

/// <summary>
/// The DfE's <c>time_period</c>: a financial or academic year as six digits, 2025-26 as 202526. Which
/// of the two a table uses is in its description.
/// </summary>
public static class TimePeriod
{
    /// <summary>"2025-26" → "202526"; text that is not a financial year is passed through as it is.</summary>
    public static string OfFinancialYear(string financialYear) =>
        FinancialYear.TryParse(financialYear.Trim(), out var year)
            ? AcademicYear.Format(year.StartYear)
            : financialYear.Trim();

    public static string Of(FinancialYear year) => AcademicYear.Format(year.StartYear);

    /// <summary>The academic year (September to August) a census date falls in.</summary>
    public static string OfCensus(DateOnly census) =>
        AcademicYear.Format(AcademicYear.FirstYearOf(census));
}

/// <summary>
/// Every table of the return, defined once: the package's CSVs, the workbook's sheets and its notes
/// all come from these definitions. Every table starts with the DfE's tidy columns (time_period,
/// geographic_level, new_la_code, old_la_code, la_name), as the DfE's published statistics do.
/// </summary>
public static class SubmissionTables
{
    private static readonly SubmissionColumn[] Geography =
    [
        new("time_period", ColumnKind.Code, "The year the row is for, as the DfE writes it: 202526 is 2025-26 (a "
            + "financial year, April to March, or an academic year, September to August, as the table says)."),
        new("geographic_level", ColumnKind.Text, "Always \"Local authority\": every row is about this LA."),
        new("new_la_code", ColumnKind.Code, "The LA's 9-character ONS code, as in the DfE's statistics (E10000018 "
            + "for Leicestershire)."),
        new("old_la_code", ColumnKind.Code, "The LA's 3-digit DfE number (855 for Leicestershire)."),
        new("la_name", ColumnKind.Text, "The LA's name as the DfE's statistics give it."),
    ];

    private static readonly SubmissionColumn Quarter = new("quarter", ColumnKind.Code, "The quarter of the "
        + "financial year: Q1 April to June … Q4 January to March.");

    private static SubmissionTableDefinition Tidy(
        string name, string title, string description, params SubmissionColumn[] measures) =>
        new(name, title, description, [.. Geography, .. measures]);

    public static readonly SubmissionTableDefinition Checks = Tidy("checks", "Pre-submission checks",
        "The checks run on the quarter's data before it is signed off; time_period is the financial year.",
        Quarter,
        new("check_id", ColumnKind.Code, "The check's id, SUB-001 to SUB-006."),
        new("check", ColumnKind.Text, "What the check looks at."),
        new("blocking", ColumnKind.Code, "Y when a failure stops the return being final."),
        new("outcome", ColumnKind.Text, "pass, FAIL (blocking), or warning."),
        new("detail", ColumnKind.Text, "The check's finding in a sentence."),
        new("to_chase", ColumnKind.Text, "Who or what to chase, separated by semicolons."));

    public static readonly SubmissionTableDefinition SenCounts = Tidy("sen-counts", "EHC plans and SEN by setting",
        "Pupils with an EHC plan and on SEN support in each of the LA's settings at the quarter's school census; "
        + "time_period is the academic year of the census.",
        new("census_date", ColumnKind.Date, "The school census date the counts are taken at."),
        new("la_estab", ColumnKind.Code, "The setting's 7-digit LAEstab."),
        new("setting_name", ColumnKind.Text, "The setting's name in the LA's establishments register."),
        new("phase", ColumnKind.Text, "The setting's phase of education in the register."),
        new("sen_provision", ColumnKind.Text, "EHC plan, or SEN support."),
        new("pupils", ColumnKind.Count, "Pupils on the census with that provision."));

    public static readonly SubmissionTableDefinition Placements = Tidy("placements", "High-needs placements",
        "The LA's children in placements active at the quarter's end, as providers returned them; time_period is "
        + "the financial year.",
        new("return_date", ColumnKind.Date, "The quarter end the providers' returns are for."),
        new("provider_id", ColumnKind.Code, "The provider's id as it returned it."),
        new("placement_category", ColumnKind.Code, "The placement category code (spec 4.6)."),
        new("ehc_plan", ColumnKind.Code, "Y when the child has an EHC plan."),
        new("placements", ColumnKind.Count, "Children placed."));

    public static readonly SubmissionTableDefinition HnbFinance = Tidy("hnb-finance", "HNB actuals and budgets",
        "Every High Needs Block line the LA returned: actuals, budgets and forecasts, by financial year "
        + "(time_period), S251 line and basis.",
        new("s251_line", ColumnKind.Code, "The S251 line, e.g. 1.0.2 (place-funding deductions, which are negative)."),
        new("basis", ColumnKind.Code, "Actual, Budget or Forecast, as the LA returned it."),
        new("amount", ColumnKind.Money, "Spend on the line in pounds; a deduction is negative, so a column total is "
            + "the net spend."));

    public static readonly SubmissionTableDefinition HnbForecast = Tidy("hnb-forecast", "HNB forecast by scenario",
        "High Needs Block spend forecast from the base year's actuals, by financial year (time_period), scenario, "
        + "S251 line and placement category.",
        new("scenario", ColumnKind.Code, "baseline (no reform) or reform (the Experts at Hand effects in the "
            + "assumptions)."),
        new("s251_line", ColumnKind.Code, "The S251 line."),
        new("placement_category", ColumnKind.Code, "The placement category, blank on lines not split by placement."),
        new("amount", ColumnKind.Money, "Forecast spend in pounds; a deduction is negative, so a total over a year "
            + "and scenario is the net spend."));

    public static readonly SubmissionTableDefinition WorkforceFte = Tidy("workforce-fte", "Workforce FTE",
        "The services' posts in the quarter: full-time equivalents by discipline, role and status; time_period is "
        + "the financial year.",
        Quarter,
        new("discipline", ColumnKind.Code, "The post's Experts at Hand discipline."),
        new("role", ColumnKind.Code, "FrontLine, Enabling or Transformation."),
        new("fte_filled", ColumnKind.Number, "FTE in post.", "FTE"),
        new("fte_vacant", ColumnKind.Number, "FTE vacant.", "FTE"),
        new("fte_agency", ColumnKind.Number, "FTE filled by agency staff.", "FTE"),
        new("fte_secondment", ColumnKind.Number, "FTE filled by secondment.", "FTE"),
        new("posts", ColumnKind.Count, "Posts."));

    public static readonly SubmissionTableDefinition WorkforceCost = Tidy("workforce-cost", "Workforce cost",
        "The annual cost of the services' posts in the quarter by role and funding source; time_period is the "
        + "financial year.",
        Quarter,
        new("role", ColumnKind.Code, "FrontLine, Enabling or Transformation."),
        new("funding_source", ColumnKind.Code, "Who pays: EAH (the Experts at Hand grant) or another source."),
        new("annual_cost", ColumnKind.Money, "Annual cost in pounds."));

    public static readonly SubmissionTableDefinition EahSplit = Tidy("eah-split", "Experts at Hand split",
        "The Experts at Hand grant's cost by role against the rules (front line at least 80%, enabling and "
        + "transformation capped); time_period is the financial year.",
        Quarter,
        new("role", ColumnKind.Code, "FrontLine, Enabling or Transformation."),
        new("eah_cost", ColumnKind.Money, "Annual cost of the role's grant-funded posts in pounds."),
        new("share", ColumnKind.Percent, "The role's share of the grant-funded cost, in percent."),
        new("rule", ColumnKind.Text, "The rule the share must meet."),
        new("meets", ColumnKind.Code, "Y when the share meets the rule."));

    public static readonly SubmissionTableDefinition SettingDays = Tidy("setting-days", "Days delivered by setting",
        "Experts at Hand days delivered to each open setting, in the quarter and the financial year to date, "
        + "against its phase's pro-rata target; time_period is the financial year.",
        Quarter,
        new("la_estab", ColumnKind.Code, "The setting's 7-digit LAEstab."),
        new("setting_name", ColumnKind.Text, "The setting's name in the register."),
        new("phase", ColumnKind.Text, "The setting's phase of education."),
        new("days_delivered", ColumnKind.Number, "Days delivered in the quarter.", "days"),
        new("quarter_target", ColumnKind.Number, "The phase's target for the quarter; blank when the phase has "
            + "none.", "days"),
        new("no_support", ColumnKind.Code, "Y when the setting had no days in the quarter."),
        new("year_to_date_days", ColumnKind.Number, "Days delivered in the financial year to date, this quarter "
            + "included.", "days"),
        new("year_to_date_target", ColumnKind.Number,
            "The phase's target to date; blank when the phase has none.", "days"),
        new("no_support_this_year", ColumnKind.Code, "Y when the setting has had no days this financial year."));

    public static readonly SubmissionTableDefinition EahOutreach = Tidy("eah-outreach", "AP outreach funding",
        "The alternative provision outreach posts funded by the grant, against the years the grant may fund them; "
        + "time_period is the financial year.",
        Quarter,
        new("funded_from", ColumnKind.Code, "The first financial year the grant funds outreach."),
        new("funded_until", ColumnKind.Code, "The last financial year the grant funds outreach."),
        new("in_window", ColumnKind.Code, "Y when this year is within the funded years."),
        new("eah_posts", ColumnKind.Count, "Outreach posts funded by the grant."),
        new("eah_fte", ColumnKind.Number, "Their FTE.", "FTE"),
        new("eah_cost", ColumnKind.Money, "Their annual cost in pounds."),
        new("other_funded_fte", ColumnKind.Number, "Outreach FTE funded from elsewhere.", "FTE"));

    public static readonly SubmissionTableDefinition WorkforceFindings = Tidy(
        "workforce-findings", "Workforce findings",
        "What officers should act on in the workforce returns; time_period is the financial year.",
        Quarter,
        new("check", ColumnKind.Code, "The kind of finding."),
        new("service_code", ColumnKind.Code, "The service it is about; blank for the LA as a whole."),
        new("post_id", ColumnKind.Code, "The post it is about; blank when it is not about one post."),
        new("finding", ColumnKind.Text, "What was found."),
        new("action", ColumnKind.Text, "What to do."));

    public static readonly SubmissionTableDefinition EhcTimeliness = Tidy("ehc-timeliness",
        "EHC plans in 20 weeks",
        "Each month of the quarter from the LA's own register (its SEN2 extract in force): requests received and "
        + "decided within 6 weeks, and plans issued within 20 weeks of the request as the DfE's timeliness_20_week "
        + "counts them; time_period is the financial year. No rows when no SEN2 extract is in force.",
        Quarter,
        new("month", ColumnKind.Code, "The calendar month, yyyy-mm."),
        new("requests_received", ColumnKind.Count, "Requests for an EHC needs assessment received in the month."),
        new("requests_decided_within_6_weeks", ColumnKind.Count, "Of those, decided (to assess or not) within 6 weeks."),
        new("plans_issued", ColumnKind.Count, "EHC plans issued in the month (plans_issued_den)."),
        new("plans_issued_within_20_weeks", ColumnKind.Count, "Of those, issued within 20 weeks (140 days) of the "
            + "request, exceptions included."),
        new("pc_plans_issued_within_20_weeks", ColumnKind.Percent, "The share issued within 20 weeks; blank when none "
            + "was issued. A rate: never add it up across months."),
        new("plans_issued_den_ex", ColumnKind.Count, "Plans issued in the month whose assessment had no exception."),
        new("plans_issued_20_weeks_ex", ColumnKind.Count, "Of those, issued within 20 weeks."));

    public static readonly SubmissionTableDefinition Counts = Tidy(ReturnCounts.TableName,
        "Uploads and returns counted",
        "The counts the checks state (uploads and submitters, providers and services expected and missing), "
        + "defined once so the cover, the manifest, the console and the dashboard agree; time_period is the "
        + "financial year.",
        Quarter,
        new("measure", ColumnKind.Code, "What is counted: latest-uploads, submitters, rejected-uploads, "
            + "rejected-submitters, providers- and services- expected, returned and missing."),
        new("count", ColumnKind.Count, "How many."),
        new("names", ColumnKind.Text, "For the missing: who to chase, separated by semicolons."));

    /// <summary>In the order of the package's sheets.</summary>
    public static IReadOnlyList<SubmissionTableDefinition> All { get; } =
    [
        Checks, Counts, SenCounts, Placements, HnbFinance, HnbForecast, WorkforceFte, WorkforceCost, EahSplit, SettingDays,
        EahOutreach, WorkforceFindings, EhcTimeliness,
    ];

    public static SubmissionTableDefinition Find(string name) => All.FirstOrDefault(t => t.Name == name)
        ?? throw new InvalidDataException($"'{name}' is not a table of this layout of the return. Run the "
            + $"submission again to freeze a fresh snapshot.");
}
