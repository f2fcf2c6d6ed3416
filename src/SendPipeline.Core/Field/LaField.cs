using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Field;

/// <summary>What an area is in the field: the LA, one of its statistical neighbours, its region, England.</summary>
public static class FieldRoles
{
    public const string Home = "Home LA", Neighbour = "Statistical neighbour", Region = "Region", England = "England";
}

/// <summary>
/// One area of the field. <see cref="LaCode"/> is the DfE's 3-digit code whose figures are shown (null for a region
/// and England), <see cref="OnsCode"/> the code the neighbour list names it by, <see cref="Note"/> why the two
/// differ where they do.
/// </summary>
public sealed record FieldArea(string Name, string Role, string? LaCode, string? OnsCode, string? Region, int? Rank,
    string? Proximity, string? Note);

/// <summary>
/// An area's published figures: EHC plans each January (keyed by <see cref="AcademicYear"/>: 2022 for January 2023),
/// plans by placement group (<see cref="PlacementGroups"/>) each January, and plans issued within 20 weeks each
/// calendar year.
/// </summary>
public sealed record FieldSeries(FieldArea Area, IReadOnlyDictionary<int, double> Plans,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> Placements,
    IReadOnlyDictionary<int, TwentyWeekFigures> Timeliness)
{
    public double? PlansIn(int year) => Plans.TryGetValue(year, out var plans) ? plans : null;

    /// <summary>The percentage change in plans from the January before; null without both Januaries.</summary>
    public double? Growth(int year) => GrowthSince(year - 1, year);

    /// <summary>The percentage change in plans from one January to a later one; null without both.</summary>
    public double? GrowthSince(int from, int to) =>
        PlansIn(from) is { } before && before > 0 && PlansIn(to) is { } after ? (after / before - 1) * 100 : null;

    /// <summary>A placement group's share of a January's plans, as a percentage; null when not published.</summary>
    public double? Share(int year, string group) =>
        Placements.TryGetValue(year, out var split) && split.Values.Sum() is var all && all > 0
            && split.TryGetValue(group, out var count) ? count / all * 100 : null;

    public double? Rate(int calendarYear) => Timeliness.GetValueOrDefault(calendarYear)?.Rate;

    public double? RateExcludingExceptions(int calendarYear) =>
        Timeliness.GetValueOrDefault(calendarYear)?.RateExcludingExceptions;
}

/// <summary>The neighbours' mean and median of a measure, over the <see cref="Count"/> neighbours having it.</summary>
public sealed record NeighbourSummary(double? Mean, double? Median, int Count)
{
    public static NeighbourSummary Of(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().Order().ToList();
        if (known.Count == 0) return new(null, null, 0);
        var middle = known.Count / 2;
        var median = known.Count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
        return new(known.Average(), median, known.Count);
    }
}

/// <summary>
/// The LA in its field (issue 19, item 7): the LA, its statistical neighbours in rank order (DfE LAIT), its region and
/// England, each with the DfE's published EHC plan figures, so the dashboard and the star compare like with like.
/// Published statistics only: no pupil data. <see cref="Missing"/> says why there is no field, when there is none.
/// </summary>
public sealed record LaField(FieldSeries? Home, IReadOnlyList<FieldSeries> Neighbours, FieldSeries? Region,
    FieldSeries? England, IReadOnlyList<string> Notes, string? Missing)
{
    /// <summary>The areas in the order they are shown: the LA, its neighbours by rank, its region, England.</summary>
    public IEnumerable<FieldSeries> Areas =>
        new[] { Home }.Concat(Neighbours).Append(Region).Append(England).OfType<FieldSeries>();

    /// <summary>The Januaries (academic-year keys) any area has plans for, oldest first.</summary>
    public IReadOnlyList<int> Years => [.. Areas.SelectMany(a => a.Plans.Keys).Distinct().Order()];

    /// <summary>The Januaries any area has placement groups for, oldest first.</summary>
    public IReadOnlyList<int> PlacementYears => [.. Areas.SelectMany(a => a.Placements.Keys).Distinct().Order()];

    /// <summary>The calendar years any area has 20-week figures for, oldest first.</summary>
    public IReadOnlyList<int> TimelinessYears => [.. Areas.SelectMany(a => a.Timeliness.Keys).Distinct().Order()];

    /// <summary>The neighbours' mean and median of a measure (a rate, a share, a growth, a count).</summary>
    public NeighbourSummary AmongNeighbours(Func<FieldSeries, double?> measure) =>
        NeighbourSummary.Of(Neighbours.Select(measure));

    /// <summary>
    /// The field of the LA <paramref name="laCode"/> (3-digit) in <paramref name="tables"/>, with its neighbours from
    /// <paramref name="neighbours"/> (the shipped LAIT list unless given). A neighbour the list names by an ONS code
    /// the tables do not have is found by the tables' own codes, then by the county it replaced in April 2023
    /// (<see cref="StatisticalNeighbours.Successors"/>), then by the DfE's LA code list; if none has it, it is left
    /// out and a note says so. Two neighbours with the same figures (Cumberland and Westmorland and Furness, both
    /// Cumbria's) are shown once, at the better rank.
    /// </summary>
    public static LaField Build(EhcpTables tables, string laCode,
        IReadOnlyList<StatisticalNeighbour>? neighbours = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        neighbours ??= StatisticalNeighbours.All;
        var notes = new List<string>();
        if (!tables.Totals.ContainsKey(laCode))
            return new(null, [], null, EnglandOf(tables), notes,
                $"the DfE EHC plan tables have no figures for LA {laCode}");
        var name = tables.Areas.TryGetValue(laCode, out var area) ? area.LaName : $"LA {laCode}";
        var region = tables.RegionOf.GetValueOrDefault(laCode);
        var onsCodes = OnsCodesOf(tables, laCode);
        var list = onsCodes.Select(c => StatisticalNeighbours.Of(c, neighbours)).FirstOrDefault(l => l.Count > 0)
            ?? SuccessorList(onsCodes, neighbours, name, notes);
        var home = Series(tables, new FieldArea(name, FieldRoles.Home, laCode, list.FirstOrDefault()?.LaCode
            ?? onsCodes.FirstOrDefault(), region, null, null, null));

        var shown = new List<FieldSeries>();
        foreach (var n in list)
        {
            if (CodeOf(tables, n.NeighbourCode) is not { } code)
            {
                notes.Add($"{n.NeighbourName} ({n.NeighbourCode}), neighbour {n.Rank}, is not in the DfE EHC plan " +
                          "tables: left out.");
                continue;
            }
            var figuresOf = tables.Areas.TryGetValue(code, out var a) ? a.LaName : code;
            if (shown.FirstOrDefault(s => s.Area.LaCode == code) is { } twin)
            {
                notes.Add($"{n.NeighbourName}, neighbour {n.Rank}, has no figures of its own before April 2023; " +
                          $"{figuresOf}'s are shown once, as neighbour {twin.Area.Rank} ({twin.Area.Name}).");
                continue;
            }
            string? note = null;
            if (!tables.CodeOfNewCode.ContainsKey(n.NeighbourCode))
                note = $"{n.NeighbourName} ({n.NeighbourCode}) replaced {figuresOf} (LA {code}) in April 2023; " +
                       "its figures to January 2023 are that council's";
            shown.Add(Series(tables, new FieldArea(n.NeighbourName, FieldRoles.Neighbour, code, n.NeighbourCode,
                tables.RegionOf.GetValueOrDefault(code), n.Rank, n.Proximity, note)));
        }
        if (list.Count == 0)
            notes.Add($"The {StatisticalNeighbours.Version} list has no statistical neighbours for {name}.");

        FieldSeries? regional = region is null || !tables.RegionTotals.ContainsKey(region) ? null
            : new FieldSeries(new FieldArea(region, FieldRoles.Region, null, null, region, null, null, null),
                tables.RegionTotals[region], tables.RegionPlacements.GetValueOrDefault(region) ?? [],
                tables.RegionTimeliness.GetValueOrDefault(region) ?? []);
        if (regional is null)
            notes.Add(region is null ? $"The DfE tables do not say {name}'s region."
                : $"The DfE tables have no regional rows for {region}.");
        return new(home, shown, regional, EnglandOf(tables), notes, null);
    }

    private static FieldSeries? EnglandOf(EhcpTables tables) =>
        tables.Totals.ContainsKey("")
            ? Series(tables, new FieldArea("England", FieldRoles.England, null, null, null, null, null, null))
            : null;

    private static FieldSeries Series(EhcpTables tables, FieldArea area)
    {
        var code = area.LaCode ?? "";
        return new FieldSeries(area, tables.Totals.GetValueOrDefault(code) ?? [],
            tables.Placements.GetValueOrDefault(code) ?? [], tables.Timeliness.GetValueOrDefault(code) ?? []);
    }

    /// <summary>Every ONS code an LA is known by: in the tables' rows, then in the DfE's LA code list.</summary>
    private static List<string> OnsCodesOf(EhcpTables tables, string laCode)
    {
        var codes = tables.CodeOfNewCode.Where(c => c.Value == laCode).Select(c => c.Key)
            .Order(StringComparer.Ordinal).ToList();
        if (LaCodes.Dfe.NewCodeOf(laCode) is { } listed && !codes.Contains(listed)) codes.Add(listed);
        return codes;
    }

    /// <summary>
    /// The list of an LA the tables know by a county code that LAIT 2025 knows by its successor: North Yorkshire and
    /// Somerset each have one; Cumbria has two (Cumberland, Westmorland and Furness) and so no list of its own.
    /// </summary>
    private static IReadOnlyList<StatisticalNeighbour> SuccessorList(List<string> onsCodes,
        IReadOnlyList<StatisticalNeighbour> neighbours, string name, List<string> notes)
    {
        var successors = StatisticalNeighbours.Successors.Where(s => onsCodes.Contains(s.Value)).Select(s => s.Key)
            .ToList();
        if (successors.Count == 1) return StatisticalNeighbours.Of(successors[0], neighbours);
        if (successors.Count > 1)
            notes.Add($"{name} was split in April 2023 ({string.Join(" and ", successors)}); the " +
                      $"{StatisticalNeighbours.Version} list has neighbours for each part and none for {name}.");
        return [];
    }

    /// <summary>The tables' LA code of a neighbour's ONS code (see <see cref="Build"/>), or null.</summary>
    internal static string? CodeOf(EhcpTables tables, string onsCode)
    {
        if (tables.CodeOfNewCode.TryGetValue(onsCode, out var code)) return code;
        if (StatisticalNeighbours.Successors.TryGetValue(onsCode, out var county)
            && tables.CodeOfNewCode.TryGetValue(county, out var countyCode)) return countyCode;
        var listed = LaCodes.Dfe.Codes.FirstOrDefault(c => LaCodes.Dfe.NewCodeOf(c) == onsCode
            || (county is not null && LaCodes.Dfe.NewCodeOf(c) == county));
        return listed is not null && tables.Totals.ContainsKey(listed) ? listed : null;
    }
}
