using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>
/// The columns of the <c>ehcp-history</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class EhcpHistoryColumns
{
    public static readonly ColumnTable Table = new();

    public static readonly ReturnColumn TimePeriod = Table.Required("time_period");
    public static readonly ReturnColumn GeographicLevel = Table.Required("geographic_level");
    public static readonly ReturnColumn RegionCode = Table.Optional("region_code");
    public static readonly ReturnColumn RegionName = Table.Optional("region_name");
    public static readonly ReturnColumn OldLaCode = Table.Required("old_la_code");
    public static readonly ReturnColumn NewLaCode = Table.Optional("new_la_code");
    public static readonly ReturnColumn LaName = Table.Required("la_name");
    public static readonly ReturnColumn BreakdownTopic = Table.Required("breakdown_topic");
    public static readonly ReturnColumn Breakdown = Table.Required("breakdown");
    public static readonly ReturnColumn EhcPlans = Table.Required("ehcplans");

    /// <summary>
    /// Placement counts kept for the forecast: the DfE totals by setting, plus the splits that
    /// separate spec 4.5's categories within them (maintained, academy and independent or
    /// non-maintained special schools; FE colleges and specialist post-16 institutions), because
    /// independent special placements are the fastest-growing spend and a total would hide them; and every
    /// column the cohort model's placement groups are made of (<see cref="PlacementGroups.Columns"/>), so the
    /// canonical return reads back into <see cref="Forecasting.DfeTables.EhcpTables"/> as the published file does.
    /// </summary>
    public static readonly IReadOnlyList<ReturnColumn> PlacementCounts =
    [
        .. new[]
        {
            "mainstream_total", "special_la_maintained", "special_academy_free", "special_independent", "special_non_maintained",
            "special_total", "ap_pru_total", "general_fe_tertiary_colleges", "specialist_post_16_institutions", "fe_total",
            "other_arrangements_la",
        }.Concat(PlacementGroups.Columns).Concat(PlacementGroups.Parts.Select(p => p.Breakdown)).Distinct().Select(Table.Optional),
    ];
}
