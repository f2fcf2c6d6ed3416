using SendPipeline.Core.Field;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Tests.Forecasting.Cohort;

namespace SendPipeline.Core.Tests.Field;

/// <summary>Hand-made DfE tables and neighbour lists whose figures can be checked by hand.</summary>
internal static class FieldTables
{
    /// <summary>A January's split adding up to <paramref name="plans"/>: half mainstream, a quarter special, a quarter
    /// other.</summary>
    private static IReadOnlyDictionary<string, double> Split(double plans)
    {
        var split = new Dictionary<string, double>(Tables.Groups(plans / 2, plans / 4))
        {
            [PlacementGroups.Other.Breakdown] = plans / 4,
        };
        return split;
    }

    /// <summary>Home 855 (E10000018) in East Midlands, four neighbours' worth of LAs, the region and England.</summary>
    public static EhcpTables HandMade()
    {
        var tables = new EhcpTables();
        tables.Areas[""] = new Area(Area.National, "", "England");
        void La(string code, string ons, string name, string region, double before, double after, double within)
        {
            tables.Areas[code] = new Area(Area.LocalAuthority, code, name);
            tables.CodeOfNewCode[ons] = code;
            tables.RegionOf[code] = region;
            tables.Totals[code] = new() { [2021] = before, [2022] = after };
            tables.Placements[code] = new() { [2022] = Split(after) };
            tables.Timeliness[code] = new() { [2022] = new TwentyWeekFigures(100, within, 80, within) };
        }
        La("855", "E10000018", "Leicestershire", "East Midlands", 1000, 1100, 50);
        La("916", "E10000013", "Gloucestershire", "South West", 200, 300, 60);
        La("933", "E10000027", "Somerset", "South West", 400, 400, 20);
        La("909", "E10000006", "Cumbria", "North West", 100, 80, 90);
        La("815", "E10000023", "North Yorkshire", "Yorkshire and The Humber", 500, 550, 70);
        tables.Totals[""] = new() { [2021] = 10000, [2022] = 12000 };
        tables.Placements[""] = new() { [2022] = Split(12000) };
        tables.Timeliness[""] = new() { [2022] = new TwentyWeekFigures(1000, 500, 900, 500) };
        tables.RegionOf["855"] = "East Midlands";
        tables.RegionTotals["East Midlands"] = new() { [2021] = 3000, [2022] = 3300 };
        tables.RegionPlacements["East Midlands"] = new() { [2022] = Split(3300) };
        tables.RegionTimeliness["East Midlands"] = new() { [2022] = new TwentyWeekFigures(400, 100, 400, 100) };
        return tables;
    }

    public static StatisticalNeighbour N(string la, int rank, string code, string name, string proximity = "Close") =>
        new(la, la, rank, code, name, proximity);

    /// <summary>Leicestershire's field on <see cref="HandMade"/>: Gloucestershire, Somerset (the county's figures),
    /// Cumberland (Cumbria's), Westmorland and Furness (Cumbria again: shown once), an LA not in the tables.</summary>
    public static LaField Leicestershire() => LaField.Build(HandMade(), "855",
    [
        N("E10000018", 2, "E06000066", "Somerset", "Very close"), N("E10000018", 1, "E10000013", "Gloucestershire"),
        N("E10000018", 3, "E06000063", "Cumberland"), N("E10000018", 4, "E06000064", "Westmorland and Furness"),
        N("E10000018", 5, "E09000099", "Nowhere"), N("E10000013", 1, "E10000018", "Leicestershire"),
    ]);
}
