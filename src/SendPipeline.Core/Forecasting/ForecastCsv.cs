using System.Globalization;
using CsvHelper;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The forecast file: the DfE's own column names and time_period form, so it lines up with the
/// caseload file it came from. Plans are whole; each bound is rounded on its own, which keeps
/// lower ≤ plans ≤ upper because rounding never reverses an order.
/// </summary>
public static class ForecastCsv
{
    public const string Header = "geographic_level,old_la_code,la_name,time_period,ehcplans,ehcplans_lower,ehcplans_upper,method";

    // LA names such as "Bournemouth, Christchurch and Poole" contain commas: CsvHelper quotes them.
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static void Write(TextWriter writer, IEnumerable<ForecastRow> rows)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteRecord(Header.Split(','));
        foreach (var r in rows)
        {
            csv.WriteRecord([r.Area.GeographicLevel, r.Area.OldLaCode, r.Area.LaName, AcademicYear.Format(r.Year),
                Whole(r.Plans), Whole(r.Lower), Whole(r.Upper), r.Method]);
        }
    }

    private static string Whole(double plans) =>
        Math.Round(plans, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
}
