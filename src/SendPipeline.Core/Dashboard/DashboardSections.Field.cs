using System.Globalization;
using SendPipeline.Core.Field;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Reference;
using static SendPipeline.Core.Dashboard.DashboardFormat;

namespace SendPipeline.Core.Dashboard;

/// <summary>
/// The section "{LA} among its statistical neighbours" (issue 19, item 7): the DfE's published EHC plan figures of the
/// LA beside its ten statistical neighbours, the neighbours' average and median, its region and England.
/// </summary>
internal static partial class DashboardSections
{
    public const string FieldSectionId = "field-section";

    /// <summary>How many Januaries the plans table and growth chart span: the DfE caseload table's five.</summary>
    private const int FieldJanuaries = 5;

    private const string HomeColour = "#1d70b8", NeighbourColour = "#b1b4b6", SummaryColour = "#505a5f",
        RegionColour = "#f47738", EnglandColour = "#0b0c0c";

    public static void Field(TextWriter w, LaField? field, string laName) =>
        Section(w, FieldSectionId, $"{laName} among its statistical neighbours", () => FieldBody(w, field, laName));

    private static void FieldBody(TextWriter w, LaField? field, string laName)
    {
        if (field is null)
        {
            Missing(w, "No DfE EHC plan tables are in force: upload the DfE's caseload.csv as the ehcp-history " +
                "return.");
            return;
        }
        if (field.Missing is not null || field.Home is not { } home)
        {
            Missing(w, $"No comparison: {field.Missing}.");
            return;
        }
        var caption = $"How {laName} compares with the LAs most like it, its {StatisticalNeighbours.Version} " +
            "statistical neighbours (ranked 1 to 10, closest first), with " +
            (field.Region is { } r ? $"{r.Area.Name} and England" : "England") +
            ", on the DfE's published EHC plan statistics. The neighbours' average is the plain mean of their " +
            "figures and the median the middle one, so one large or unusual neighbour does not set the comparison.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        var notes = field.Areas.Where(a => a.Area.Note is not null).Select(a => $"{a.Area.Note}.")
            .Concat(field.Notes).ToList();
        if (notes.Count > 0)
        {
            w.Write("<ul class=\"counts field-notes\">\n");
            foreach (var note in notes) w.Write($"<li>{E(note)}</li>\n");
            w.Write("</ul>\n");
        }
        FieldPlans(w, field, home, laName);
        FieldPlacements(w, field, laName);
        FieldTimeliness(w, field, home, laName);
    }

    private static ChartSeries[] FieldLegend(string laName, LaField field) =>
    [
        new(laName, HomeColour), new("Statistical neighbours", NeighbourColour),
        new("Neighbours' average and median", SummaryColour),
        .. field.Region is { } r ? new[] { new ChartSeries(r.Area.Name + " (region)", RegionColour) } : [],
        new("England", EnglandColour),
    ];

    /// <summary>One measure's bars: the LA, its neighbours, their average and median, its region, England.</summary>
    private static List<ValueBar> FieldBars(LaField field, Func<FieldSeries, double?> measure, string what)
    {
        var bars = new List<ValueBar>();
        void Add(string label, double? value, string colour)
        {
            if (value is { } v) bars.Add(new ValueBar(label, v, colour, $"{label}: {what} {Pct(v)}"));
        }
        Add(field.Home!.Area.Name, measure(field.Home), HomeColour);
        foreach (var n in field.Neighbours) Add(NeighbourLabel(n), measure(n), NeighbourColour);
        var among = field.AmongNeighbours(measure);
        Add("Neighbours' average", among.Mean, SummaryColour);
        Add("Neighbours' median", among.Median, SummaryColour);
        if (field.Region is { } region) Add(region.Area.Name + " (region)", measure(region), RegionColour);
        if (field.England is { } england) Add("England", measure(england), EnglandColour);
        return bars;
    }

    private static string NeighbourLabel(FieldSeries n) => $"{n.Area.Rank}. {n.Area.Name}";

    private static void FieldPlans(TextWriter w, LaField field, FieldSeries home, string laName)
    {
        w.Write("<h3>EHC plans each January, and their growth</h3>\n");
        var years = home.Plans.Keys.Order().TakeLast(FieldJanuaries).ToList();
        if (years.Count < 2) { Missing(w, $"The DfE tables have fewer than two Januaries for {laName}."); return; }
        var (first, last) = (years[0], years[^1]);
        var growth = home.GrowthSince(first, last);
        var among = field.AmongNeighbours(a => a.GrowthSince(first, last));
        var others = new List<string>();
        if (among.Median is { } median) others.Add($"its neighbours' median {Signed(median)}");
        if (field.Region?.GrowthSince(first, last) is { } regional)
            others.Add($"{field.Region.Area.Name} {Signed(regional)}");
        if (field.England?.GrowthSince(first, last) is { } national) others.Add($"England {Signed(national)}");
        var sentence = $"{laName} maintained {Count(home.Plans[last])} EHC plans in {January(last)}" +
            (growth is { } change ? $", {Signed(change)} on {January(first)}" : "") +
            (others.Count > 0 ? $" (growth over the same years: {string.Join(", ", others)})" : "") + ". " +
            "Growth is the change in plans over the period, so LAs of different sizes compare; the table gives " +
            "the counts.";
        w.Write($"<p class=\"caption\">{E(sentence)}</p>\n");
        SvgCharts.ValueBars(w, "field-growth-chart",
            $"Growth in EHC plans, {January(first)} to {January(last)}", sentence, FieldLegend(laName, field),
            FieldBars(field, a => a.GrowthSince(first, last), "growth"), "Growth in EHC plans, %", Pct);
        OpenTable(w, "EHC plans each January, and growth",
            ["Area", "Neighbour rank", "Closeness", .. years.Select(January), "Growth in the last year",
                $"Growth since {January(first)}"],
            numeric: [1, .. Enumerable.Range(3, years.Count + 2)]);
        foreach (var area in field.Areas)
        {
            w.Write($"<tr{RowClass(area)}><td>{E(area.Area.Name)}</td>{Rank(area)}<td>{E(area.Area.Proximity)}</td>");
            foreach (var y in years) w.Write(OptCount(area.PlansIn(y)));
            w.Write($"{OptPct(area.Growth(last))}{OptPct(area.GrowthSince(first, last))}</tr>\n");
            if (area == field.Neighbours.LastOrDefault()) FieldSummaryRows(w, field, years.Count + 2, a => [
                .. years.Select(y => a.PlansIn(y)), a.Growth(last), a.GrowthSince(first, last)],
                years.Count, counts: true);
        }
        CloseTable(w);
    }

    private static void FieldPlacements(TextWriter w, LaField field, string laName)
    {
        w.Write("<h3>Where children and young people with plans are placed</h3>\n");
        if (field.Home!.Placements.Keys.Order().LastOrDefault() is not (> 0 and var year))
        {
            Missing(w, $"The DfE tables give no placements for {laName}.");
            return;
        }
        var groups = PlacementGroups.All;
        var special = field.Home.Share(year, PlacementGroups.IndependentSpecial.Breakdown);
        var neighbours = field.AmongNeighbours(a => a.Share(year, PlacementGroups.IndependentSpecial.Breakdown));
        var sentence = $"Each bar is an area's EHC plans in {January(year)} split by where the child or young person " +
            $"was placed, as shares of its plans (the groups the cohort forecast uses). {laName} placed " +
            $"{Pct(special ?? 0)} in independent and non-maintained special schools" +
            (neighbours.Mean is { } mean ? $", against its neighbours' average of {Pct(mean)}" : "") + ".";
        w.Write($"<p class=\"caption\">{E(sentence)}</p>\n");
        var rows = new List<(string Label, Func<PlacementGroup, double?> Share, FieldSeries? Area)>
        {
            (field.Home.Area.Name, g => field.Home.Share(year, g.Breakdown), field.Home),
        };
        rows.AddRange(field.Neighbours.Select(n =>
            (NeighbourLabel(n), (Func<PlacementGroup, double?>)(g => n.Share(year, g.Breakdown)), (FieldSeries?)n)));
        if (field.Neighbours.Count > 0)
            rows.Add(("Neighbours' average", g => field.AmongNeighbours(a => a.Share(year, g.Breakdown)).Mean, null));
        if (field.Region is { } region)
            rows.Add((region.Area.Name + " (region)", g => region.Share(year, g.Breakdown), region));
        if (field.England is { } england) rows.Add(("England", g => england.Share(year, g.Breakdown), england));
        var known = rows.Where(r => groups.All(g => r.Share(g) is not null)).ToList();
        SvgCharts.HorizontalStacked(w, "field-placement-chart", $"EHC plans by placement, {January(year)}, % of plans",
            sentence, [.. groups.Select((g, i) => new ChartSeries(GroupLabel(g), Palette[i % Palette.Length]))],
            [.. known.Select(r => new BarRow(r.Label, BasisPoints([.. groups.Select(g => r.Share(g)!.Value)])))],
            "% of EHC plans", v => (v / 100).ToString("0.#", CultureInfo.InvariantCulture) + "%", labelChars: 30);
        OpenTable(w, $"EHC plans by placement, {January(year)}: % of each area's plans",
            ["Area", .. groups.Select(GroupLabel), "EHC plans"], numeric: [.. Enumerable.Range(1, groups.Count + 1)]);
        foreach (var (label, share, area) in rows)
        {
            // The table names a region as the other tables do; the chart's "(region)" helps only beside the bars.
            var name = area?.Area.Role == FieldRoles.Region ? area.Area.Name : label;
            w.Write($"<tr{(area is null ? " class=\"summary\"" : RowClass(area))}><td>{E(name)}</td>");
            foreach (var g in groups) w.Write(OptPct(share(g)));
            w.Write($"{OptCount(area?.PlansIn(year))}</tr>\n");
        }
        CloseTable(w);
    }

    private static void FieldTimeliness(TextWriter w, LaField field, FieldSeries home, string laName)
    {
        w.Write("<h3>EHC plans issued within 20 weeks</h3>\n");
        var years = field.TimelinessYears;
        if (years.Count == 0)
        {
            Missing(w, "The DfE tables in force have no 20-week figures: the DfE's timeliness_20_week.csv is not " +
                "among them, so the 20-week rate cannot be compared.");
            return;
        }
        var last = years[^1];
        var among = field.AmongNeighbours(a => a.Rate(last));
        var sentence = $"The share of new EHC plans issued within the 20-week limit in {last}, exceptions " +
            $"included (the DfE's headline measure): {laName} " +
            (home.Rate(last) is { } rate ? Pct(rate) : "not published") +
            (among.Median is { } median ? $", its neighbours' median {Pct(median)}" : "") +
            (field.England?.Rate(last) is { } england ? $", England {Pct(england)}" : "") +
            ". The table gives each year, and the rate without the plans an exception excused.";
        w.Write($"<p class=\"caption\">{E(sentence)}</p>\n");
        SvgCharts.ValueBars(w, "field-timeliness-chart", $"EHC plans issued within 20 weeks, {last}", sentence,
            FieldLegend(laName, field), FieldBars(field, a => a.Rate(last), "issued within 20 weeks"),
            "% of plans issued within 20 weeks", Pct);
        OpenTable(w, "EHC plans issued within 20 weeks, % of plans issued each calendar year",
            ["Area", "Neighbour rank", .. years.Select(y => y.ToString(CultureInfo.InvariantCulture)),
                $"{last} without exceptions", $"Plans issued in {last}"],
            numeric: [1, .. Enumerable.Range(2, years.Count + 2)]);
        foreach (var area in field.Areas)
        {
            w.Write($"<tr{RowClass(area)}><td>{E(area.Area.Name)}</td>{Rank(area)}");
            foreach (var y in years) w.Write(OptPct(area.Rate(y)));
            w.Write($"{OptPct(area.RateExcludingExceptions(last))}" +
                    $"{OptCount(area.Timeliness.GetValueOrDefault(last)?.Issued)}</tr>\n");
            if (area == field.Neighbours.LastOrDefault()) FieldSummaryRows(w, field, years.Count + 2, a => [
                .. years.Select(a.Rate), a.RateExcludingExceptions(last),
                a.Timeliness.GetValueOrDefault(last)?.Issued], years.Count + 1, counts: false, skipColumns: 1);
        }
        CloseTable(w);
    }

    /// <summary>
    /// The neighbours' average and median rows of a table: each cell the mean or median of that column's measure.
    /// The first <paramref name="countColumns"/> (with <paramref name="counts"/>) are counts; the rest percentages.
    /// </summary>
    private static void FieldSummaryRows(TextWriter w, LaField field, int columns,
        Func<FieldSeries, double?[]> measures, int countColumns, bool counts, int skipColumns = 2)
    {
        foreach (var (label, pick) in new (string, Func<NeighbourSummary, double?>)[]
            { ("Neighbours' average", s => s.Mean), ("Neighbours' median", s => s.Median) })
        {
            var blanks = string.Concat(Enumerable.Repeat("<td></td>", skipColumns));
            w.Write($"<tr class=\"summary\"><td>{E(label)}</td>{blanks}");
            for (var c = 0; c < columns; c++)
            {
                var value = pick(field.AmongNeighbours(a => measures(a)[c]));
                var isCount = counts ? c < countColumns : c >= countColumns;
                w.Write(isCount ? OptCount(value) : OptPct(value));
            }
            w.Write("</tr>\n");
        }
    }

    /// <summary>
    /// Shares as whole hundredths of a percent, the last taking what the others leave, so each bar adds up to exactly
    /// 100%: shares added as doubles can come to 100.00000000000001%, which would stretch the axis to 125%.
    /// </summary>
    private static double[] BasisPoints(IReadOnlyList<double> shares)
    {
        var points = shares.Select(s => Math.Round(s * 100)).ToArray();
        points[^1] = Math.Max(0, 10_000 - points[..^1].Sum());
        return points;
    }

    private static string RowClass(FieldSeries area) => area.Area.Role == FieldRoles.Home ? " class=\"home\"" : "";

    private static string Rank(FieldSeries area) =>
        area.Area.Rank is { } rank ? Num(Count(rank), rank) : "<td class=\"n\"></td>";

    /// <summary>A placement group's name in the legend; the group itself is <see cref="PlacementGroups"/>'s.</summary>
    private static string GroupLabel(PlacementGroup group) =>
        group == PlacementGroups.Other ? "Other (elsewhere, early years, awaiting, unknown)"
        : group.Description.Split(" (")[0];

    private static string January(int year) => $"January {year + 1}";

    private static string Pct(double value) =>
        (value < 0 ? "−" : "") + Math.Abs(value).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Signed(double value) => (value > 0 ? "+" : "") + Pct(value);

    private static string OptPct(double? value) =>
        value is { } v ? Num(Pct(v), Math.Round((decimal)v, 1)) : "<td class=\"n\"></td>";

    private static string OptCount(double? value) => Opt(value);
}
