using SendPipeline.Core.Forecasting.Cohort;

namespace SendPipeline.Core.Forecasting.DfeTables;

/// <summary>One area's yearly figures, keyed by caseload year (<see cref="DfeTable.CaseloadKey"/>).</summary>
public sealed class AreaYears<T>
{
    public Dictionary<int, T> ByYear { get; } = [];
}

/// <summary>
/// The DfE EHC plan tables the cohort model reads, by area (LAs by 3-digit code; England as code ""):
/// <list type="bullet">
/// <item>totals: <c>ehcplans</c> (caseload.csv) where published, else <c>Total_all</c> of the age file (plans and
/// statements, the measure before 2019; both files give 353,995 for England in January 2019);</item>
/// <item>age bands: <c>Total_all</c> by <c>characteristic_age</c> (sen2_age_caseload.csv, January 2010 on);</item>
/// <item>placements: the seven <see cref="PlacementGroups"/> (caseload.csv, January 2019 on);</item>
/// <item>new plans in total and by group (newplans.csv, "New EHC plans"), requests received
/// (requests.csv) and plans ceased (ceased_plans.csv), each keyed by the caseload year they lead into;</item>
/// <item>plans issued within 20 weeks, with and without exceptions (timeliness_20_week.csv), by calendar year.</item>
/// </list>
/// Regions are kept apart (<see cref="RegionTotals"/>, <see cref="RegionPlacements"/>,
/// <see cref="RegionTimeliness"/>, by region name), so a loop over the LAs never meets one; each LA's region and
/// every ONS code it has been published under are kept too (<see cref="RegionOf"/>, <see cref="CodeOfNewCode"/>).
/// </summary>
public sealed class EhcpTables
{
    public const string CaseloadFile = "caseload.csv", AgeFile = "sen2_age_caseload.csv", NewPlansFile = "newplans.csv",
        RequestsFile = "requests.csv", CeasedFile = "ceased_plans.csv", TimelinessFile = "timeliness_20_week.csv";

    public Dictionary<string, Area> Areas { get; } = [];

    /// <summary>Published figures read as gaps, and why (for the console: they are public statistics, no pupil
    /// data).</summary>
    public List<string> Notes { get; } = [];

    public Dictionary<string, Dictionary<int, double>> Totals { get; } = [];

    public Dictionary<string, Dictionary<int, double[]>> AgeBands { get; } = [];

    public Dictionary<string, Dictionary<int, IReadOnlyDictionary<string, double>>> Placements { get; } = [];

    public Dictionary<string, Dictionary<int, IReadOnlyDictionary<string, double>>> Parts { get; } = [];

    public Dictionary<string, Dictionary<int, double>> NewPlans { get; } = [];

    public Dictionary<string, Dictionary<int, IReadOnlyDictionary<string, double>>> NewPlansByGroup { get; } = [];

    public Dictionary<string, Dictionary<int, double>> Requests { get; } = [];

    public Dictionary<string, Dictionary<int, double>> Ceased { get; } = [];

    /// <summary>Plans issued in each calendar year and how many within 20 weeks, by LA code (England "").</summary>
    public Dictionary<string, Dictionary<int, TwentyWeekFigures>> Timeliness { get; } = [];

    /// <summary>Each region's plans each January (caseload.csv, else the age file's total), by region name.</summary>
    public Dictionary<string, Dictionary<int, double>> RegionTotals { get; } = [];

    /// <summary>Each region's placement groups each January, by region name.</summary>
    public Dictionary<string, Dictionary<int, IReadOnlyDictionary<string, double>>> RegionPlacements { get; } = [];

    /// <summary>Each region's 20-week figures each calendar year, by region name.</summary>
    public Dictionary<string, Dictionary<int, TwentyWeekFigures>> RegionTimeliness { get; } = [];

    /// <summary>The region (region_name) of each LA code, as its latest row read gives it.</summary>
    public Dictionary<string, string> RegionOf { get; } = [];

    /// <summary>
    /// The LA code of every ONS code (new_la_code) an LA has been published under: Buckinghamshire is 825 as
    /// E10000002 to 2019/20 and as E06000060 after.
    /// </summary>
    public Dictionary<string, string> CodeOfNewCode { get; } = [];

    /// <summary>The LA codes (never England), in code order.</summary>
    public IEnumerable<string> LaCodes => Areas.Keys.Where(c => c != "").Order(StringComparer.Ordinal);

    /// <summary>
    /// Reads what <paramref name="open"/> can open: caseload.csv is required, the rest are used when present. A
    /// missing file yields null from <paramref name="open"/>.
    /// </summary>
    public static EhcpTables Read(Func<string, Stream?> open)
    {
        var tables = new EhcpTables();
        using (var caseload = open(CaseloadFile)
            ?? throw new InvalidDataException($"The DfE folder has no {CaseloadFile}."))
            tables.ReadCaseload(caseload);
        using (var age = open(AgeFile)) if (age is not null) tables.ReadAges(age);
        using (var newPlans = open(NewPlansFile)) if (newPlans is not null) tables.ReadNewPlans(newPlans);
        using (var requests = open(RequestsFile))
            if (requests is not null) ReadSingle(requests, RequestsFile, "requests_received_in_year", tables.Requests);
        using (var ceased = open(CeasedFile))
            if (ceased is not null) ReadSingle(ceased, CeasedFile, "total_ceased", tables.Ceased);
        using (var timeliness = open(TimelinessFile)) if (timeliness is not null) tables.ReadTimeliness(timeliness);
        return tables;
    }

    /// <summary>
    /// A copy whose areas' series can be replaced without changing these tables (<see cref="Cohort.OwnReturns"/>):
    /// every area's years are a dictionary of its own; the values themselves are shared, never changed in place.
    /// </summary>
    public EhcpTables Copy()
    {
        var copy = new EhcpTables();
        foreach (var (code, area) in Areas) copy.Areas[code] = area;
        copy.Notes.AddRange(Notes);
        static void Each<T>(Dictionary<string, Dictionary<int, T>> from, Dictionary<string, Dictionary<int, T>> to)
        {
            foreach (var (key, years) in from) to[key] = new Dictionary<int, T>(years);
        }
        Each(Totals, copy.Totals);
        Each(AgeBands, copy.AgeBands);
        Each(Placements, copy.Placements);
        Each(Parts, copy.Parts);
        Each(NewPlans, copy.NewPlans);
        Each(NewPlansByGroup, copy.NewPlansByGroup);
        Each(Requests, copy.Requests);
        Each(Ceased, copy.Ceased);
        Each(Timeliness, copy.Timeliness);
        Each(RegionTotals, copy.RegionTotals);
        Each(RegionPlacements, copy.RegionPlacements);
        Each(RegionTimeliness, copy.RegionTimeliness);
        foreach (var (code, region) in RegionOf) copy.RegionOf[code] = region;
        foreach (var (newCode, code) in CodeOfNewCode) copy.CodeOfNewCode[newCode] = code;
        return copy;
    }

    private static bool IsRegion(DfeRow row) => row.Area.GeographicLevel == DfeTable.Regional;

    private static Dictionary<int, T> For<T>(Dictionary<string, Dictionary<int, T>> map, string code) =>
        map.TryGetValue(code, out var years) ? years : map[code] = [];

    /// <summary>Where an LA row says its region and ONS code, keeps them: the later row wins, as for names.</summary>
    private void Place(DfeRow row)
    {
        if (row.Area.GeographicLevel != Area.LocalAuthority) return;
        if (row.Region.Length > 0) RegionOf[row.Area.OldLaCode] = row.Region;
        if (row.NewLaCode.Length > 0) CodeOfNewCode[row.NewLaCode] = row.Area.OldLaCode;
    }

    private void Name(Area area)
    {
        // The later file's name wins: names are only for people, the code is the key.
        if (!Areas.ContainsKey(area.OldLaCode) || area.LaName.Length > 0) Areas[area.OldLaCode] = area;
    }

    private void ReadCaseload(Stream stream)
    {
        var columns = new List<string> { "ehcplans" };
        columns.AddRange(PlacementGroups.Columns);
        var ages = new List<DfeRow>();
        foreach (var row in DfeTable.Read(stream, CaseloadFile, columns))
        {
            var region = IsRegion(row);
            if (row.Topic.Equals("Age", StringComparison.OrdinalIgnoreCase) && !region) ages.Add(row);
            if (!row.Topic.Equals(PlacementGroups.AllPlans, StringComparison.OrdinalIgnoreCase)) continue;
            if (!region) { Name(row.Area); Place(row); }
            var year = DfeTable.CaseloadKey(row.TimePeriod);
            if (row["ehcplans"] is not { } total) continue;
            if (region)
            {
                For(RegionTotals, row.Area.LaName)[year] = total;
                if (PlacementGroups.Split(total, c => row[c]) is { } regional)
                    For(RegionPlacements, row.Area.LaName)[year] = regional;
                continue;
            }
            For(Totals, row.Area.OldLaCode)[year] = total;
            if (PlacementGroups.Split(total, c => row[c]) is { } split)
                For(Placements, row.Area.OldLaCode)[year] = split;
            var parts = PlacementGroups.Parts.Where(p => row[p.Breakdown] is not null)
                .ToDictionary(p => p.Breakdown, p => row[p.Breakdown]!.Value);
            if (parts.Count > 0) For(Parts, row.Area.OldLaCode)[year] = parts;
        }
        // Years after 2022/23 carry the current age in caseload.csv itself ("Age"): they extend the age table. Where
        // an area's year has bands ("Age 5 to 10") and single ages, the bands are used; a year whose bands do not
        // add up to within 5% of its total is not trusted and left out.
        foreach (var areaYear in ages.GroupBy(r => (r.Area.OldLaCode, Year: DfeTable.CaseloadKey(r.TimePeriod))))
        {
            var (code, year) = areaYear.Key;
            if (AgeBands.TryGetValue(code, out var known) && known.ContainsKey(year)) continue;
            var rows = areaYear.Where(r => r["ehcplans"] is not null && BandOfLabel(r.Breakdown) is not null).ToList();
            var ranges = rows.Where(r => IsRange(r.Breakdown)).ToList();
            if (ranges.Count > 0) rows = ranges;
            var bands = new double[Bands.Count];
            foreach (var row in rows) bands[BandOfLabel(row.Breakdown)!.Value] += row["ehcplans"]!.Value;
            if (!Totals.TryGetValue(code, out var totals) || !totals.TryGetValue(year, out var total) || total <= 0
                || Math.Abs(bands.Sum() - total) > 0.05 * total)
            {
                if (rows.Count > 0) Notes.Add($"{CaseloadFile}: the age rows of {Areas[code].LaName} {AcademicYear.Format(year)} " +
                    "do not add up to its total; not used.");
                continue;
            }
            For(AgeBands, code)[year] = bands;
        }
    }

    private static bool IsRange(string label) =>
        label.Contains(" to ", StringComparison.OrdinalIgnoreCase)
            || label.Contains("under", StringComparison.OrdinalIgnoreCase)
        || label.Contains("over", StringComparison.OrdinalIgnoreCase);

    /// <summary>The band of an age label: "Under 5", "Age 5 to 10", "age 7", "20 and over"; null for "Total" or
    /// unknown.</summary>
    public static int? BandOfLabel(string label)
    {
        var digits = System.Text.RegularExpressions.Regex.Match(label, @"\d+");
        if (!digits.Success) return null;
        var age = int.Parse(digits.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (label.Contains("under", StringComparison.OrdinalIgnoreCase)) age -= 1;
        return age < 5 ? 0 : age <= 10 ? 1 : age <= 15 ? 2 : age <= 19 ? 3 : 4;
    }

    /// <summary>The age file's bands, youngest first; a band the file does not give for a year counts 0.</summary>
    public static readonly IReadOnlyList<string> Bands = ["Under 5", "Age 5 to 10", "Age 11 to 15", "Age 16 to 19",
        "Age 20 to 25"];

    private void ReadAges(Stream stream)
    {
        foreach (var row in DfeTable.Read(stream, AgeFile, ["Total_all"], topicOptional: true))
        {
            var year = DfeTable.CaseloadKey(row.TimePeriod);
            if (IsRegion(row))
            {
                if (row["Total_all"] is { } regional
                    && row.Breakdown.Equals("Total", StringComparison.OrdinalIgnoreCase))
                    For(RegionTotals, row.Area.LaName).TryAdd(year, regional);
                continue;
            }
            var code = row.Area.OldLaCode;
            if (!Areas.ContainsKey(code)) Name(row.Area);
            // The age file is older than caseload.csv: its region and code only fill what caseload.csv did not say.
            if (!RegionOf.ContainsKey(code) && row.Region.Length > 0) RegionOf[code] = row.Region;
            if (row.NewLaCode.Length > 0) CodeOfNewCode.TryAdd(row.NewLaCode, code);
            if (row["Total_all"] is not { } count) continue;
            if (row.Breakdown.Equals("Total", StringComparison.OrdinalIgnoreCase))
            {
                // caseload.csv's ehcplans, where it has the year, is the published figure of record.
                For(Totals, code).TryAdd(year, count);
                continue;
            }
            var band = IndexOfBand(row.Breakdown);
            if (band < 0) continue;
            var years = For(AgeBands, code);
            if (!years.TryGetValue(year, out var bands)) years[year] = bands = new double[Bands.Count];
            bands[band] = count;
        }
    }

    private static int IndexOfBand(string label)
    {
        for (var i = 0; i < Bands.Count; i++)
            if (Bands[i].Equals(label, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private void ReadNewPlans(Stream stream)
    {
        var columns = new List<string> { "new_ehc_plans" };
        columns.AddRange(PlacementGroups.Columns);
        var rows = DfeTable.Read(stream, NewPlansFile, columns)
            .Where(r => r.Topic.Equals("New EHC plans", StringComparison.OrdinalIgnoreCase)).ToList();
        var regions = rows.Where(IsRegion).Where(r => r["new_ehc_plans"] is not null)
            .ToDictionary(r => (r.Area.LaName, r.TimePeriod), r => r["new_ehc_plans"]!.Value);
        var lasInRegion = rows.Where(r => !IsRegion(r)).GroupBy(r => (r.Region, r.TimePeriod))
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var row in rows.Where(r => !IsRegion(r)))
        {
            if (row["new_ehc_plans"] is not { } total) continue;
            // The 2025 publication gives every Yorkshire and The Humber LA the region's 6,078 new plans for 2022: an
            // LA figure equal to its region's, in a region of several LAs, is the region's copied, and is left out.
            if (regions.TryGetValue((row.Region, row.TimePeriod), out var regional) && regional == total
                && lasInRegion.GetValueOrDefault((row.Region, row.TimePeriod)) > 1)
            {
                Notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{NewPlansFile} row {row.RowNumber}: {row.Area.LaName} {row.TimePeriod} new_ehc_plans {total:0} is {row.Region}'s regional figure; read as a gap."));
                continue;
            }
            var year = DfeTable.FlowKey(row.TimePeriod);
            For(NewPlans, row.Area.OldLaCode)[year] = total;
            if (PlacementGroups.Split(total, c => row[c]) is { } split) For(NewPlansByGroup,
                row.Area.OldLaCode)[year] = split;
        }
    }

    private static void ReadSingle(Stream stream, string file, string column, Dictionary<string, Dictionary<int,
        double>> into)
    {
        foreach (var row in DfeTable.Read(stream, file, [column]).Where(r => !IsRegion(r)))
        {
            // The files' first breakdown is the whole count ("All requests …", "All ceased EHC plans").
            if (!row.Topic.StartsWith("All ", StringComparison.OrdinalIgnoreCase)) continue;
            if (row[column] is { } v) For(into, row.Area.OldLaCode)[DfeTable.FlowKey(row.TimePeriod)] = v;
        }
    }

    private void ReadTimeliness(Stream stream)
    {
        string[] columns = [TwentyWeekFigures.IssuedColumn, TwentyWeekFigures.WithinColumn,
            TwentyWeekFigures.IssuedExColumn, TwentyWeekFigures.WithinExColumn];
        foreach (var row in DfeTable.Read(stream, TimelinessFile, columns))
        {
            // The file's one breakdown is "All EHC plans issued"; a later edition's splits are not the total.
            if (!row.Topic.StartsWith("All ", StringComparison.OrdinalIgnoreCase)) continue;
            if (TwentyWeekFigures.Of(row) is not { } figures) continue;
            var year = DfeTable.FlowKey(row.TimePeriod);
            if (IsRegion(row)) { For(RegionTimeliness, row.Area.LaName)[year] = figures; continue; }
            For(Timeliness, row.Area.OldLaCode)[year] = figures;
        }
    }
}

/// <summary>
/// One area's EHC plans issued in a calendar year (excluding those that took over 20 weeks only because an exception
/// applied, in the <c>_ex</c> figures) and how many of them within the 20-week limit (timeliness_20_week.csv).
/// </summary>
public sealed record TwentyWeekFigures(double Issued, double Within, double? IssuedExcludingExceptions,
    double? WithinExcludingExceptions)
{
    public const string IssuedColumn = "plans_issued_den", WithinColumn = "plans_issued_within_20_weeks",
        IssuedExColumn = "plans_issued_den_ex", WithinExColumn = "plans_issued_20_weeks_ex";

    /// <summary>The share issued within 20 weeks, as a percentage; null when none were issued.</summary>
    public double? Rate => Issued > 0 ? Within / Issued * 100 : null;

    /// <summary>The same without the plans an exception excused; null when not published or none issued.</summary>
    public double? RateExcludingExceptions =>
        IssuedExcludingExceptions is > 0 && WithinExcludingExceptions is { } within
            ? within / IssuedExcludingExceptions.Value * 100 : null;

    /// <summary>A row's figures, or null when its plans issued or issued within 20 weeks is a gap (x).</summary>
    public static TwentyWeekFigures? Of(DfeRow row) =>
        row[IssuedColumn] is { } issued && row[WithinColumn] is { } within
            ? new(issued, within, row[IssuedExColumn], row[WithinExColumn]) : null;
}
