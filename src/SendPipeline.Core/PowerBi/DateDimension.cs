using System.Globalization;
using SendPipeline.Core.Reference;
using static SendPipeline.Core.PowerBi.StarColumns;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// <c>dim_date</c>: every day of whole calendar years, from 1 January of the earliest year any fact uses
/// to 31 December of the latest, with no gaps, so Power BI can mark it as the date table and time
/// intelligence works. Its key is yyyymmdd. It has no Unknown member: a date table must have a date on
/// every row, and every date key in a fact is a date the fact has (an optional date is a plain column).
/// </summary>
internal static class DateDimension
{
    public const string Name = "dim_date";

    /// <summary>A <c>…DateKey</c> column refers to <c>dim_date</c>.</summary>
    public static bool IsDateKey(string column) => column.EndsWith("DateKey", StringComparison.Ordinal);

    /// <param name="dates">The earliest and latest date the facts hold, asked for when the table is read.</param>
    public static StarTable Build(Func<(DateOnly First, DateOnly Last)?> dates) =>
        new(Name, "one row per calendar day, whole years, no gaps",
            [
                Int("DateKey"), Date("Date"), Int("Year"), Int("MonthNumber"), Text("MonthName"), Int("DayOfMonth"),
                Text("FinancialYear"), Text("FinancialQuarter"), Text("AcademicYear"),
            ],
            StarRows.Streamed(() => Days(dates()), (d, row) =>
            {
                var academic = Forecasting.AcademicYear.FirstYearOf(d);
                row.Int(DateKey(d)).Date(d).Int(d.Year).Int(d.Month)
                    .Text(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)).Int(d.Day)
                    .Text(FinancialYear.Containing(d).ToString()).Text(FinancialQuarter.Containing(d).ToString())
                    .Text(string.Create(CultureInfo.InvariantCulture, $"{academic}/{(academic + 1) % 100:00}"));
            }),
            "DateKey");

    private static IEnumerable<DateOnly> Days((DateOnly First, DateOnly Last)? range)
    {
        if (range is not { } r) yield break;
        for (var d = new DateOnly(r.First.Year, 1, 1); d <= new DateOnly(r.Last.Year, 12, 31); d = d.AddDays(1))
            yield return d;
    }
}

/// <summary>
/// The earliest and latest date the facts hold (a date column or a <c>…DateKey</c>), noted as each fact's rows
/// are made, so the date table needs no pass of its own over millions of rows: the rebuild writes the facts
/// first. A fact not yet read in full when the range is asked for is read then.
/// </summary>
internal sealed class FactDates
{
    private readonly List<StarTable> _facts = [];
    private readonly Dictionary<string, (DateOnly First, DateOnly Last)?> _read = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The fact, its dates noted whenever its rows are read to the end.</summary>
    public StarTable Track(StarTable fact)
    {
        var tracked = fact with { Source = new Noting(this, fact) };
        _facts.Add(tracked);
        return tracked;
    }

    public (DateOnly First, DateOnly Last)? Range()
    {
        foreach (var fact in _facts)
        {
            bool read;
            lock (_gate) read = _read.ContainsKey(fact.Name);
            if (!read) foreach (var _ in fact.Groups()) { }
        }
        lock (_gate)
            return _read.Values.OfType<(DateOnly First, DateOnly Last)>().Aggregate(((DateOnly, DateOnly)?)null,
                (all, r) => all is { } a ? (Min(a.Item1, r.First), Max(a.Item2, r.Last)) : r);
    }

    private static DateOnly FromKey(long key) => new((int)(key / 10000), (int)(key / 100 % 100), (int)(key % 100));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed class Noting(FactDates dates, StarTable fact) : StarRows
    {
        public override IEnumerable<StarRowGroup> Groups(IReadOnlyList<StarColumn> columns,
            int groupSize = RowGroupSize)
        {
            var all = Enumerable.Range(0, columns.Count).ToList();
            var dateColumns = all.Where(c => columns[c].Type == StarColumnType.Date).ToList();
            var keyColumns = all.Where(c => columns[c].Type == StarColumnType.Int64
                && DateDimension.IsDateKey(columns[c].Name)).ToList();
            (DateOnly First, DateOnly Last)? range = null;
            void Note(DateOnly d) => range = range is { } r ? (Min(r.First, d), Max(r.Last, d)) : (d, d);
            foreach (var group in fact.Source.Groups(columns, groupSize))
            {
                for (var row = 0; row < group.Count; row++)
                {
                    foreach (var c in dateColumns)
                        if (group.Value<DateOnly>(row, c) is { } d) Note(d);
                    foreach (var c in keyColumns)
                        if (group.Value<long>(row, c) is { } k) Note(FromKey(k));
                }
                yield return group;
            }
            lock (dates._gate) dates._read[fact.Name] = range;
        }
    }
}
