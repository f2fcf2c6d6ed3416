using System.Globalization;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The forecast file: the DfE's own column names and time_period form, so it lines up with the
/// caseload file it came from. Plans are whole; each bound is rounded on its own, which keeps
/// lower ≤ plans ≤ upper because rounding never reverses an order.
/// </summary>
public static class ForecastCsv
{
    public const string Header = "geographic_level,old_la_code,la_name,time_period,ehcplans,ehcplans_lower,ehcplans_upper,method";

    public static void Write(TextWriter writer, IEnumerable<ForecastRow> rows)
    {
        writer.Write(Header + "\n");
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', Field(r.Area.GeographicLevel), Field(r.Area.OldLaCode), Field(r.Area.LaName),
                AcademicYear.Format(r.Year), Whole(r.Plans), Whole(r.Lower), Whole(r.Upper), Field(r.Method)));
            writer.Write('\n');
        }
    }

    private static string Whole(double plans) =>
        Math.Round(plans, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    // LA names such as "Bournemouth, Christchurch and Poole" contain commas.
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
