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

    public static StarTable Build(IEnumerable<DateOnly> used)
    {
        var dates = used.ToList();
        IReadOnlyList<StarColumn> columns =
        [
            Int("DateKey"), Date("Date"), Int("Year"), Int("MonthNumber"), Text("MonthName"), Int("DayOfMonth"),
            Text("FinancialYear"), Text("FinancialQuarter"), Text("AcademicYear"),
        ];
        var rows = new List<object?[]>();
        if (dates.Count > 0)
        {
            var (first, last) = (new DateOnly(dates.Min().Year, 1, 1), new DateOnly(dates.Max().Year, 12, 31));
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                var academic = Forecasting.AcademicYear.FirstYearOf(d);
                rows.Add([DateKey(d), d, (long)d.Year, (long)d.Month, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month), (long)d.Day,
                    FinancialYear.Containing(d).ToString(), FinancialQuarter.Containing(d).ToString(),
                    string.Create(CultureInfo.InvariantCulture, $"{academic}/{(academic + 1) % 100:00}")]);
            }
        }
        return new StarTable(Name, "one row per calendar day, whole years, no gaps", columns, rows, "DateKey");
    }
}
