using SendPipeline.Core.Field;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Reference;
using static SendPipeline.Core.PowerBi.StarColumns;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The LA in its field (issue 19, item 7) as star tables: <c>dim_field_area</c> (the LA, its statistical neighbours
/// with rank and closeness, its region, England) and facts by area and year from the DfE's published tables: plans
/// each January with their growth, plans by placement group, plans issued within 20 weeks. Published statistics:
/// no pupil data. Written with only the Unknown area and no facts when no DfE tables are in force, so the model's
/// tables are the same either way.
/// </summary>
internal static class FieldStarTables
{
    public const string AreaTable = "dim_field_area";

    /// <summary>An area's natural key is its place in <see cref="LaField.Areas"/> (01 the LA, then by rank).</summary>
    private static List<FieldSeries> AreasOf(LaField? field) => field?.Areas.ToList() ?? [];

    private static Dimension Areas(List<FieldSeries> areas) => new(areas.Select((_, i) => Natural(i)));

    private static string Natural(int index) =>
        (index + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public static StarTable Area(LaField? field)
    {
        var areas = AreasOf(field);
        return Areas(areas).Table(AreaTable,
            "one row per area the LA is compared with: the LA itself, its ten statistical neighbours (DfE " +
            $"{StatisticalNeighbours.Version}), its region and England, and Unknown",
            [Int("FieldAreaKey"), Text("Area"), Text("Role"), Int("NeighbourRank", true), Text("Proximity", true),
             Text("LaCode", true), Text("OnsCode", true), Text("Region", true), Int("SortOrder"), Text("Note", true)],
            code =>
            {
                if (code is null)
                    return [StarDimensions.UnknownCode, StarDimensions.UnknownCode, null, null, null, null, null,
                        (long)areas.Count + 1, null];
                var index = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) - 1;
                var a = areas[index].Area;
                return [a.Name, a.Role, a.Rank is { } rank ? (long)rank : null, a.Proximity, a.LaCode, a.OnsCode,
                    a.Region, (long)index + 1, a.Note];
            });
    }

    public static IEnumerable<StarTable> Facts(LaField? field)
    {
        var areas = AreasOf(field);
        var keys = Areas(areas);
        var indexed = areas.Select((a, i) => (Key: keys[Natural(i)], Area: a)).ToList();
        yield return new StarTable("fact_field_caseload",
            "one row per area and January: the DfE's count of EHC plans, and the change on the January before",
            [Int("FieldAreaKey"), Text("AcademicYear"), Int("CensusDateKey"), Int("Plans"), Dec("GrowthPercent", true)],
            [.. indexed.SelectMany(a => a.Area.Plans.Keys.Order().Select(year => (object?[])[a.Key,
                AcademicYear.Format(year), January(year), Whole(a.Area.Plans[year]),
                a.Area.Growth(year) is { } growth ? Round((decimal)growth) : null]))]);
        yield return new StarTable("fact_field_placement",
            "one row per area, January and placement group (the cohort forecast's groups): the DfE's count of " +
            "EHC plans",
            [Int("FieldAreaKey"), Text("AcademicYear"), Int("CensusDateKey"), Text("PlacementGroup"),
             Text("PlacementGroupDescription"), Int("SortOrder"), Int("Plans")],
            [.. indexed.SelectMany(a => a.Area.Placements.OrderBy(p => p.Key).SelectMany(year => PlacementGroups.All
                .Select((g, order) => (object?[])[a.Key, AcademicYear.Format(year.Key), January(year.Key), g.Breakdown,
                    g.Description, (long)order + 1, Whole(year.Value.GetValueOrDefault(g.Breakdown))])))]);
        yield return new StarTable("fact_field_timeliness",
            "one row per area and calendar year: EHC plans issued, and within 20 weeks, with and without exceptions",
            [Int("FieldAreaKey"), Int("CalendarYear"), Int("PlansIssued"), Int("IssuedWithinTwentyWeeks"),
             Int("PlansIssuedExcludingExceptions", true), Int("IssuedWithinTwentyWeeksExcludingExceptions", true)],
            [.. indexed.SelectMany(a => a.Area.Timeliness.OrderBy(t => t.Key).Select(t => (object?[])[a.Key,
                (long)t.Key, Whole(t.Value.Issued), Whole(t.Value.Within),
                t.Value.IssuedExcludingExceptions is { } issued ? Whole(issued) : null,
                t.Value.WithinExcludingExceptions is { } within ? Whole(within) : null]))]);
    }

    // The DfE counts plans on its January census day; the same day fact_ehcp_caseload uses.
    private static long January(int year) => DateKey(CensusDays.NthThursday(year + 1, 1, 3));

    private static long Whole(double count) => (long)Math.Round(count, MidpointRounding.AwayFromZero);
}
