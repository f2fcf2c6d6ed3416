using static SendPipeline.Core.Dashboard.DashboardFormat;

namespace SendPipeline.Core.Dashboard;

/// <summary>A bar of <see cref="SvgCharts.ValueBars"/>: its label, value, colour (its kind of area) and tip.</summary>
internal sealed record ValueBar(string Label, double Value, string Colour, string Tip);

internal static partial class SvgCharts
{
    /// <summary>
    /// One horizontal bar per row, coloured by the row's kind (the legend says which), with its value at the end. A
    /// negative value (plans that fell) runs left of a zero line, so a fall is never drawn as growth.
    /// </summary>
    public static void ValueBars(TextWriter w, string id, string title, string desc, IReadOnlyList<ChartSeries> legend,
        IReadOnlyList<ValueBar> rows, string axisLabel, Func<double, string> format, int labelChars = 30)
    {
        const double rowHeight = 24, barHeight = 16, bottom = 48, right = 64;
        var left = Math.Min(labelChars, Math.Max(4, rows.Select(r => r.Label.Length).DefaultIfEmpty(4).Max()))
            * CharWidth + 24;
        var top = Legend(legend, left, Width - right, out var key) + 8;
        var height = top + rows.Count * rowHeight + bottom;
        var high = NiceMax(Math.Max(0, rows.Select(r => r.Value).DefaultIfEmpty(0).Max()));
        var lowest = rows.Select(r => r.Value).DefaultIfEmpty(0).Min();
        var low = lowest < 0 ? -NiceMax(-lowest) : 0;
        var step = NiceStep(high - low);
        var plot = Width - left - right;
        double X(double v) => left + (v - low) / (high - low) * plot;

        Open(w, id, title, desc, height);
        w.Write(key);
        for (var t = Math.Ceiling(low / step) * step; t <= high + step / 1000; t += step)
        {
            w.Write($"<line class=\"grid\" x1=\"{C(X(t))}\" y1=\"{C(top)}\" x2=\"{C(X(t))}\" " +
                    $"y2=\"{C(top + rows.Count * rowHeight)}\"/>");
            w.Write($"<text class=\"tick\" x=\"{C(X(t))}\" y=\"{C(top + rows.Count * rowHeight + 16)}\" " +
                    $"text-anchor=\"middle\">{E(format(t))}</text>\n");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = top + i * rowHeight + (rowHeight - barHeight) / 2;
            var (from, to) = row.Value < 0 ? (X(row.Value), X(0)) : (X(0), X(row.Value));
            w.Write($"<text class=\"label\" x=\"{C(left - 8)}\" y=\"{C(y + barHeight - 4)}\" text-anchor=\"end\">" +
                    $"<title>{E(row.Label)}</title>{E(Fit(row.Label, labelChars))}</text>");
            w.Write($"<rect x=\"{C(from)}\" y=\"{C(y)}\" width=\"{C(to - from)}\" height=\"{C(barHeight)}\" " +
                    $"fill=\"{row.Colour}\"><title>{E(row.Tip)}</title></rect>");
            w.Write($"<text class=\"value\" x=\"{C(Math.Max(to, X(0)) + 4)}\" y=\"{C(y + barHeight - 4)}\">" +
                    $"{E(format(row.Value))}</text>\n");
        }
        w.Write($"<line class=\"axis\" x1=\"{C(X(0))}\" y1=\"{C(top)}\" x2=\"{C(X(0))}\" " +
                $"y2=\"{C(top + rows.Count * rowHeight)}\"/>");
        w.Write($"<text class=\"axis-label\" x=\"{C(left + plot / 2)}\" y=\"{C(height - 8)}\" " +
                $"text-anchor=\"middle\">{E(axisLabel)}</text>\n");
        Close(w);
    }
}
