using System.Globalization;
using System.Net;

namespace SendPipeline.Core.Dashboard;

/// <summary>
/// Numbers and text as the dashboard shows them. The invariant culture's grouping and decimal point
/// are those of en-GB (1,234.5), and the app runs with invariant globalization, so en-GB itself
/// may not be available: pounds are written with a literal £.
/// </summary>
internal static class DashboardFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Escapes text for an element or a quoted attribute.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Count(double value) => Math.Round(value).ToString("N0", Invariant);

    public static string Count(decimal value) => Math.Round(value).ToString("N0", Invariant);

    public static string Count(int value) => value.ToString("N0", Invariant);

    /// <summary>FTE and days: up to one decimal place (12.5, 40).</summary>
    public static string Decimal1(decimal value) => value.ToString("#,0.#", Invariant);

    /// <summary>Pounds in millions to one decimal place: £131.2m; a minus sign before the pound sign.</summary>
    public static string Millions(decimal pounds) =>
        (pounds < 0 ? "−" : "") + "£" + Math.Abs(pounds / 1_000_000m).ToString("#,0.0", Invariant) + "m";

    /// <summary>An SVG coordinate: two decimals at most, invariant.</summary>
    public static string C(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    /// <summary>A raw number for a table cell's <c>data-value</c>, for sorting.</summary>
    public static string Raw(decimal value) => value.ToString(Invariant);

    /// <summary>Shortens a label to fit beside a chart; the full text goes in its tooltip and the table.</summary>
    public static string Fit(string text, int characters) => text.Length <= characters ? text : text[..(characters - 1)].TrimEnd() + "…";

    /// <summary>A tick step of 1, 2, 2.5 or 5 × 10^k giving at most <paramref name="ticks"/> intervals up to <paramref name="max"/>.</summary>
    public static double NiceStep(double max, int ticks = 5)
    {
        if (max <= 0) return 1;
        var rough = max / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * power >= rough) return m * power;
        return 10 * power;
    }

    /// <summary>The top of an axis: the first multiple of the nice step at or above <paramref name="max"/>.</summary>
    public static double NiceMax(double max, int ticks = 5)
    {
        var step = NiceStep(max, ticks);
        return Math.Max(step, Math.Ceiling(max / step) * step);
    }
}
