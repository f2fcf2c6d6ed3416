using System.Globalization;
using CsvHelper;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>One area's cohort forecast of one breakdown (All EHC plans or a placement group) for one year.</summary>
public sealed record CohortRow(Area Area, int Year, string Breakdown, double Plans, double Lower, double Upper);

public sealed record CohortForecastResult(IReadOnlyList<CohortRow> Rows, IReadOnlyList<SkippedArea> Skipped,
    IReadOnlyDictionary<string, CohortIntervals> Intervals, IReadOnlyDictionary<string, string> Basis);

/// <summary>
/// The cohort model's forecast from the tables up to the training year only (they are cut first, so no later year
/// can move it). Intervals per breakdown come from a backtest of the cohort model within those years
/// (<see cref="CohortIntervals"/>). England is the LAs' forecast growth applied to England's total, with the
/// national part of the interval only (its own part is what LAs differ by, which a national total averages away).
/// </summary>
public static class CohortForecast
{
    public const string Method = CohortBacktest.Method;

    /// <param name="fromRequests">New plans from requests and their conversion, in the forecast and in the backtest
    /// its intervals are calibrated on alike.</param>
    public static CohortForecastResult Run(EhcpTables tables, int trainThrough, int horizon, bool byPlacement,
        bool fromRequests = CohortModel.NewPlansFromRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var known = CohortBacktest.Truncate(tables, trainThrough);
        var backtest = CohortBacktest.Run(known, fromRequests: fromRequests);
        var breakdowns = CohortBacktest.Breakdowns(known).ToDictionary(b => b.Breakdown, b => b.Series);
        var wanted = new List<string> { PlacementGroups.AllPlans };
        if (byPlacement) wanted.AddRange(PlacementGroups.Breakdowns);
        var intervals = new Dictionary<string, CohortIntervals>();
        foreach (var breakdown in wanted)
        {
            var national = breakdowns[breakdown].FirstOrDefault(s => s.Area.IsNational)?.Plans
                ?? new Dictionary<int, double>();
            if (CohortIntervals.CommonSpread(national, trainThrough).Count == 0)
                national = breakdowns[PlacementGroups.AllPlans].First(s => s.Area.IsNational).Plans;
            var errors = backtest.Outcomes.Where(o => o.Breakdown == breakdown && o.Method == Method)
                .Select(o => (o.Origin, o.Horizon, o.LogError));
            intervals[breakdown] = CohortIntervals.Calibrate(errors, national, trainThrough)
                ?? throw new InvalidDataException(
                    $"Too few years up to {AcademicYear.Format(trainThrough)} to set the intervals of {breakdown}: " +
                    "the cohort model needs a backtest within the training years: three years of totals, and for placement " +
                    "groups three years of placements (train through 202021 or later).");
        }

        var paths = CohortModel.Project(known, trainThrough, horizon, fromRequests).ToDictionary(p => p.Code);
        var rows = new List<CohortRow>();
        var skipped = new List<SkippedArea>();
        var basis = new Dictionary<string, string>();
        foreach (var code in known.LaCodes)
        {
            var area = known.Areas[code];
            if (!paths.TryGetValue(code, out var path))
            {
                skipped.Add(new SkippedArea(area,
                    $"no caseload for {AcademicYear.Format(trainThrough)} (a code no longer used, or a mark)"));
                continue;
            }
            basis[code] = path.Basis;
            var hasGroups = known.Placements.TryGetValue(code, out var p) && p.ContainsKey(trainThrough);
            foreach (var breakdown in wanted)
            {
                var values = breakdown == PlacementGroups.AllPlans ? path.Total
                    : !hasGroups ? null
                    : CohortBacktest.PathOf(known, trainThrough, path, breakdown);
                if (values is null) continue;
                for (var h = 1; h <= horizon; h++)
                {
                    var (lower, upper) = intervals[breakdown].Bounds(values[h - 1], h);
                    rows.Add(new CohortRow(area, trainThrough + h, breakdown, values[h - 1], lower, upper));
                }
            }
        }
        rows.InsertRange(0, England(known, trainThrough, horizon, rows, intervals));
        return new CohortForecastResult(rows, skipped, intervals, basis);
    }

    private static IEnumerable<CohortRow> England(EhcpTables known, int through, int horizon, List<CohortRow> rows,
        Dictionary<string, CohortIntervals> intervals)
    {
        if (!known.Areas.TryGetValue("", out var england)) yield break;
        foreach (var breakdown in intervals.Keys)
        {
            var national = Observed(known, "", breakdown, through);
            if (national is not { } start || start <= 0) continue;
            var mine = rows.Where(r => r.Breakdown == breakdown).ToList();
            var origin = mine.Where(r => r.Year == through + 1).Select(r => r.Area.OldLaCode).ToHashSet();
            var atOrigin = BaseOf(known, breakdown, through, origin);
            if (atOrigin <= 0) continue;
            for (var h = 1; h <= horizon; h++)
            {
                var plans = start * mine.Where(r => r.Year == through + h).Sum(r => r.Plans) / atOrigin;
                // Before England's series has any error of its own (origins to 2011/12), the LAs' interval stands in.
                var sd = intervals[breakdown].CommonSdAt(h);
                var (lower, upper) = sd > 0
                    ? (plans * Math.Exp(-CohortIntervals.Z80 * sd), plans * Math.Exp(CohortIntervals.Z80 * sd))
                    : intervals[breakdown].Bounds(plans, h);
                yield return new CohortRow(england, through + h, breakdown, plans, lower, upper);
            }
        }
    }

    private static double BaseOf(EhcpTables known, string breakdown, int through, HashSet<string> codes) =>
        codes.Sum(code => Observed(known, code, breakdown, through) ?? 0);

    private static double? Observed(EhcpTables known, string code, string breakdown, int year) =>
        breakdown == PlacementGroups.AllPlans
            ? known.Totals.GetValueOrDefault(code)?.GetValueOrDefault(year)
            : known.Placements.GetValueOrDefault(code)?.GetValueOrDefault(year) is { } split
                ? PlacementGroups.Observed(breakdown, split,
                    known.Parts.GetValueOrDefault(code)?.GetValueOrDefault(year))
                : null;
}

/// <summary>
/// The cohort forecast file: the forecast file's columns with <c>breakdown</c> after <c>time_period</c> (the DfE's
/// own place for it): "All EHC plans" for the total, else the placement group's column name.
/// </summary>
public static class CohortForecastCsv
{
    public const string Header =
        "geographic_level,old_la_code,la_name,time_period,breakdown,ehcplans,ehcplans_lower,ehcplans_upper,method";

    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\n", FormatProvider =
        CultureInfo.InvariantCulture
    };

    public static void Write(TextWriter writer, IEnumerable<CohortRow> rows)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteRecord(Header.Split(','));
        foreach (var r in rows)
            csv.WriteRecord([r.Area.GeographicLevel, r.Area.OldLaCode, r.Area.LaName, AcademicYear.Format(r.Year),
                r.Breakdown,
                Whole(r.Plans), Whole(r.Lower), Whole(r.Upper), CohortForecast.Method]);
    }

    private static string Whole(double plans) =>
        Math.Round(plans, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
}
