using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>
/// The <c>ehcp-history</c> return: the DfE's <c>caseload.csv</c> exactly as published (spec 2).
/// The columns listed are the canonical return; the DfE's other columns (percentages, finer
/// placement splits, country codes) are ignored without a query because officers upload the file
/// as downloaded.
/// </summary>
public sealed class EhcpHistorySchema : IReturnSchema
{
    internal const int TimePeriod = 0, GeographicLevel = 1, RegionCode = 2, RegionName = 3, OldLaCode = 4, NewLaCode = 5,
        LaName = 6, BreakdownTopic = 7, Breakdown = 8, EhcPlans = 9, FirstPlacement = 10;

    /// <summary>
    /// Placement counts kept for the forecast: the DfE totals by setting, plus the splits that
    /// separate spec 4.5's categories within them (maintained, academy and independent or
    /// non-maintained special schools; FE colleges and specialist post-16 institutions), because
    /// independent special placements are the fastest-growing spend and a total would hide them.
    /// </summary>
    internal static readonly string[] PlacementColumns =
    [
        "mainstream_total", "special_la_maintained", "special_academy_free", "special_independent", "special_non_maintained",
        "special_total", "ap_pru_total", "general_fe_tertiary_colleges", "specialist_post_16_institutions", "fe_total",
        "other_arrangements_la",
    ];

    // Declared after PlacementColumns: static fields initialise in order and the constructor reads it.
    public static readonly EhcpHistorySchema Instance = new();

    public string ReturnType => ReturnTypes.EhcpHistory;

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("time_period", true), new("geographic_level", true), new("region_code", false), new("region_name", false),
        new("old_la_code", true), new("new_la_code", false), new("la_name", true), new("breakdown_topic", true),
        new("breakdown", true), new("ehcplans", true), .. PlacementColumns.Select(c => new ColumnSpec(c, false)),
    ];

    public IReadOnlyList<Rule> Rules => EhcpHistoryRules.All;

    public Func<string, bool>? IgnoredColumn => _ => true;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new EhcpHistoryValidator(this, context, columns, issues, canonical);
}
