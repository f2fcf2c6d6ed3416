using static SendPipeline.Core.Dashboard.DashboardFormat;

namespace SendPipeline.Core.Dashboard;

/// <summary>A named series of a chart and its fill colour.</summary>
internal sealed record ChartSeries(string Name, string Colour);

/// <summary>One horizontal bar: its label and a value per series, stacked in series order.</summary>
internal sealed record BarRow(string Label, IReadOnlyList<double> Values);

/// <summary>One column of a group: its label (under it) and a value per series, stacked.</summary>
internal sealed record Column(string Label, IReadOnlyList<double> Values);

/// <summary>A group of columns under one label (a year).</summary>
internal sealed record ColumnGroup(string Label, IReadOnlyList<Column> Columns);

/// <summary>A point of a line chart; a forecast point has an interval, drawn as a band.</summary>
internal sealed record LinePoint(string Label, double Value, double? Lower, double? Upper, bool IsForecast);

/// <summary>A separate count drawn as a marker at a point of a line chart (the LA's own census).</summary>
internal sealed record LineMarker(int Index, double Value, string Tip);

/// <summary>
/// Inline SVG charts drawn in C#, so the dashboard needs no script library and nothing from the
/// internet. Every chart carries a <c>title</c> and <c>desc</c> for screen readers, every mark a
/// <c>title</c> tooltip, and every text is escaped. The page shows the same numbers in a table.
/// </summary>
internal static partial class SvgCharts
{
    private const double Width = 760, CharWidth = 6.6, LegendRow = 20;

    private const string MarkerColour = "#0b0c0c";

    /// <summary>Horizontal bars, one per row, stacked by series, with the total at the bar's end.</summary>
    public static void HorizontalStacked(TextWriter w, string id, string title, string desc, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<BarRow> rows, string axisLabel, Func<double, string> format, int labelChars = 28, bool wholeNumbers = false)
    {
        const double rowHeight = 26, barHeight = 18, bottom = 48, right = 70;
        var left = Math.Min(labelChars, Math.Max(4, rows.Select(r => r.Label.Length).DefaultIfEmpty(4).Max())) * CharWidth + 24;
        var top = Legend(series, left, Width - right, out var legend) + 8;
        var height = top + rows.Count * rowHeight + bottom;
        var max = NiceMax(rows.Select(r => r.Values.Sum()).DefaultIfEmpty(0).Max());
        // Counts tick at whole numbers: a step of 0.5 would print "0, 0, 1, 2".
        var step = wholeNumbers ? Math.Max(1, NiceStep(max)) : NiceStep(max);
        max = Math.Max(max, step);
        var plot = Width - left - right;
        double X(double v) => left + v / max * plot;

        Open(w, id, title, desc, height);
        w.Write(legend);
        for (var t = 0.0; t <= max + step / 1000; t += step)
        {
            w.Write($"<line class=\"grid\" x1=\"{C(X(t))}\" y1=\"{C(top)}\" x2=\"{C(X(t))}\" y2=\"{C(top + rows.Count * rowHeight)}\"/>");
            w.Write($"<text class=\"tick\" x=\"{C(X(t))}\" y=\"{C(top + rows.Count * rowHeight + 16)}\" text-anchor=\"middle\">{E(format(t))}</text>\n");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = top + i * rowHeight + (rowHeight - barHeight) / 2;
            w.Write($"<text class=\"label\" x=\"{C(left - 8)}\" y=\"{C(y + barHeight - 5)}\" text-anchor=\"end\"><title>{E(row.Label)}</title>{E(Fit(row.Label, labelChars))}</text>");
            var x = 0.0;
            for (var s = 0; s < series.Count; s++)
            {
                var v = row.Values[s];
                if (v <= 0) continue;
                w.Write($"<rect x=\"{C(X(x))}\" y=\"{C(y)}\" width=\"{C(v / max * plot)}\" height=\"{C(barHeight)}\" fill=\"{series[s].Colour}\"><title>{E($"{row.Label}: {series[s].Name} {format(v)}")}</title></rect>");
                x += v;
            }
            w.Write($"<text class=\"value\" x=\"{C(X(x) + 4)}\" y=\"{C(y + barHeight - 5)}\">{E(format(x))}</text>\n");
        }
        w.Write($"<line class=\"axis\" x1=\"{C(left)}\" y1=\"{C(top)}\" x2=\"{C(left)}\" y2=\"{C(top + rows.Count * rowHeight)}\"/>");
        w.Write($"<text class=\"axis-label\" x=\"{C(left + plot / 2)}\" y=\"{C(height - 8)}\" text-anchor=\"middle\">{E(axisLabel)}</text>\n");
        Close(w);
    }

    /// <summary>Columns in groups (a year's baseline and reform), each stacked by series, with totals above.</summary>
    public static void GroupedStackedColumns(TextWriter w, string id, string title, string desc, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<ColumnGroup> groups, string axisLabel, Func<double, string> format)
    {
        const double left = 76, right = 16, plotHeight = 300, bottom = 64;
        var top = Legend(series, left, Width - right, out var legend) + 18;
        var height = top + plotHeight + bottom;
        var max = NiceMax(groups.SelectMany(g => g.Columns).Select(c => c.Values.Sum()).DefaultIfEmpty(0).Max());
        var plot = Width - left - right;
        var groupWidth = plot / Math.Max(1, groups.Count);
        var perGroup = Math.Max(1, groups.Select(g => g.Columns.Count).DefaultIfEmpty(1).Max());
        var columnWidth = Math.Min(56, (groupWidth - 24) / perGroup - 6);
        double Y(double v) => top + plotHeight - v / max * plotHeight;

        Open(w, id, title, desc, height);
        w.Write(legend);
        var step = NiceStep(max);
        for (var t = 0.0; t <= max + step / 1000; t += step)
        {
            w.Write($"<line class=\"grid\" x1=\"{C(left)}\" y1=\"{C(Y(t))}\" x2=\"{C(Width - right)}\" y2=\"{C(Y(t))}\"/>");
            w.Write($"<text class=\"tick\" x=\"{C(left - 6)}\" y=\"{C(Y(t) + 4)}\" text-anchor=\"end\">{E(format(t))}</text>\n");
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var span = group.Columns.Count * columnWidth + (group.Columns.Count - 1) * 6;
            var start = left + g * groupWidth + (groupWidth - span) / 2;
            for (var c = 0; c < group.Columns.Count; c++)
            {
                var column = group.Columns[c];
                var x = start + c * (columnWidth + 6);
                var sum = 0.0;
                for (var s = 0; s < series.Count; s++)
                {
                    var v = column.Values[s];
                    if (v <= 0) continue;
                    w.Write($"<rect x=\"{C(x)}\" y=\"{C(Y(sum + v))}\" width=\"{C(columnWidth)}\" height=\"{C(v / max * plotHeight)}\" fill=\"{series[s].Colour}\"><title>{E($"{group.Label} {column.Label}: {series[s].Name} {format(v)}")}</title></rect>");
                    sum += v;
                }
                w.Write($"<text class=\"value\" x=\"{C(x + columnWidth / 2)}\" y=\"{C(Y(sum) - 4)}\" text-anchor=\"middle\">{E(format(sum))}</text>");
                w.Write($"<text class=\"tick\" x=\"{C(x + columnWidth / 2)}\" y=\"{C(top + plotHeight + 14)}\" text-anchor=\"middle\">{E(column.Label)}</text>\n");
            }
            w.Write($"<text class=\"label\" x=\"{C(left + g * groupWidth + groupWidth / 2)}\" y=\"{C(top + plotHeight + 32)}\" text-anchor=\"middle\">{E(group.Label)}</text>\n");
        }
        w.Write($"<line class=\"axis\" x1=\"{C(left)}\" y1=\"{C(top + plotHeight)}\" x2=\"{C(Width - right)}\" y2=\"{C(top + plotHeight)}\"/>");
        w.Write($"<text class=\"axis-label\" x=\"{C(left + plot / 2)}\" y=\"{C(height - 8)}\" text-anchor=\"middle\">{E("Financial year (left column baseline, right column reform)")}</text>");
        w.Write($"<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"{C(-(top + plotHeight / 2))}\" y=\"16\" text-anchor=\"middle\">{E(axisLabel)}</text>\n");
        Close(w);
    }

    /// <summary>A line through the points: solid where known, dashed where forecast, with the forecast's interval as a shaded band.</summary>
    public static void LineWithBand(TextWriter w, string id, string title, string desc, IReadOnlyList<LinePoint> points,
        string xLabel, string yLabel, string historyName, string forecastName, string bandName,
        string? markerName = null, IReadOnlyList<LineMarker>? markers = null)
    {
        const double left = 76, right = 24, plotHeight = 280, bottom = 56;
        markers ??= [];
        ChartSeries[] marked = markers.Count > 0 && markerName is not null ? [new(markerName, MarkerColour)] : [];
        IReadOnlyList<ChartSeries> legendSeries =
            [new(historyName, "#1d70b8"), new(forecastName, "#d4351c"), new(bandName, "#f4b9ae"), .. marked];
        var top = Legend(legendSeries, left, Width - right, out var legend) + 14;
        var height = top + plotHeight + bottom;
        var max = NiceMax(points.Select(p => p.Upper ?? p.Value).Concat(markers.Select(m => m.Value))
            .DefaultIfEmpty(0).Max());
        var plot = Width - left - right;
        double X(int i) => points.Count < 2 ? left + plot / 2 : left + 10 + i * (plot - 20) / (points.Count - 1);
        double Y(double v) => top + plotHeight - v / max * plotHeight;

        Open(w, id, title, desc, height);
        w.Write(legend);
        var step = NiceStep(max);
        for (var t = 0.0; t <= max + step / 1000; t += step)
        {
            w.Write($"<line class=\"grid\" x1=\"{C(left)}\" y1=\"{C(Y(t))}\" x2=\"{C(Width - right)}\" y2=\"{C(Y(t))}\"/>");
            w.Write($"<text class=\"tick\" x=\"{C(left - 6)}\" y=\"{C(Y(t) + 4)}\" text-anchor=\"end\">{E(Count(t))}</text>\n");
        }
        var lastKnown = -1;
        for (var i = 0; i < points.Count; i++) if (!points[i].IsForecast) lastKnown = i;
        var forecast = Enumerable.Range(0, points.Count).Where(i => points[i].IsForecast).ToList();
        if (forecast.Count > 0)
        {
            // The band opens from the last known year, where the caseload is certain.
            var upper = forecast.Select(i => (X(i), Y(points[i].Upper ?? points[i].Value)));
            var lower = forecast.Select(i => (X(i), Y(points[i].Lower ?? points[i].Value))).Reverse();
            var anchor = lastKnown >= 0 ? new[] { (X(lastKnown), Y(points[lastKnown].Value)) } : [];
            var outline = anchor.Concat(upper).Concat(lower).Select(p => $"{C(p.Item1)},{C(p.Item2)}");
            w.Write($"<polygon class=\"band\" points=\"{string.Join(' ', outline)}\" fill=\"#f4b9ae\"><title>{E(bandName)}</title></polygon>\n");
            var dashed = (lastKnown >= 0 ? new[] { lastKnown } : []).Concat(forecast).Select(i => $"{C(X(i))},{C(Y(points[i].Value))}");
            w.Write($"<polyline points=\"{string.Join(' ', dashed)}\" fill=\"none\" stroke=\"#d4351c\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\"/>\n");
        }
        var solid = Enumerable.Range(0, lastKnown + 1).Select(i => $"{C(X(i))},{C(Y(points[i].Value))}");
        if (lastKnown >= 0)
            w.Write($"<polyline points=\"{string.Join(' ', solid)}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2.5\"/>\n");
        // Label every year when they fit, else every second or third.
        var every = (int)Math.Ceiling(points.Count * 56 / plot);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var tip = p.IsForecast
                ? $"{p.Label}: forecast {Count(p.Value)} EHC plans (80% interval {Count(p.Lower ?? p.Value)} to {Count(p.Upper ?? p.Value)})"
                : $"{p.Label}: {Count(p.Value)} EHC plans";
            w.Write($"<circle cx=\"{C(X(i))}\" cy=\"{C(Y(p.Value))}\" r=\"4\" fill=\"{(p.IsForecast ? "#d4351c" : "#1d70b8")}\"><title>{E(tip)}</title></circle>");
            if ((points.Count - 1 - i) % Math.Max(1, every) == 0)
                w.Write($"<text class=\"tick\" x=\"{C(X(i))}\" y=\"{C(top + plotHeight + 16)}\" text-anchor=\"middle\">{E(p.Label)}</text>");
            w.Write('\n');
        }
        foreach (var m in markers.Where(m => m.Index >= 0 && m.Index < points.Count))
        {
            // A square on its corner: told apart from the line's dots by shape as well as colour.
            var (x, y) = (X(m.Index), Y(m.Value));
            var corners = $"{C(x)},{C(y - 7)} {C(x + 7)},{C(y)} {C(x)},{C(y + 7)} {C(x - 7)},{C(y)}";
            w.Write($"<polygon class=\"marker\" points=\"{corners}\" fill=\"{MarkerColour}\">" +
                    $"<title>{E(m.Tip)}</title></polygon>\n");
        }
        w.Write($"<line class=\"axis\" x1=\"{C(left)}\" y1=\"{C(top + plotHeight)}\" x2=\"{C(Width - right)}\" y2=\"{C(top + plotHeight)}\"/>");
        w.Write($"<text class=\"axis-label\" x=\"{C(left + plot / 2)}\" y=\"{C(height - 12)}\" text-anchor=\"middle\">{E(xLabel)}</text>");
        w.Write($"<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"{C(-(top + plotHeight / 2))}\" y=\"16\" text-anchor=\"middle\">{E(yLabel)}</text>\n");
        Close(w);
    }

    /// <summary>
    /// Each chart sits in a wrapper that scrolls sideways, and is drawn at its own size in CSS pixels, never
    /// shrunk to fit: on a phone its text stays the size the style sheet sets (11 px and up) instead of a
    /// scaled-down 5 px. The table under each chart holds the same numbers for those who would rather not scroll.
    /// </summary>
    private static void Open(TextWriter w, string id, string title, string desc, double height) =>
        w.Write("<div class=\"chart-wrap\">" +
                $"<svg class=\"chart\" id=\"{E(id)}\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" viewBox=\"0 0 {C(Width)} {C(height)}\" width=\"{C(Width)}\" height=\"{C(height)}\">\n" +
                $"<title id=\"{E(id)}-title\">{E(title)}</title>\n<desc id=\"{E(id)}-desc\">{E(desc)}</desc>\n");

    private static void Close(TextWriter w) => w.Write("</svg></div>\n");

    /// <summary>A legend of colour keys from <paramref name="left"/>, wrapping before <paramref name="right"/>; returns its height.</summary>
    private static double Legend(IReadOnlyList<ChartSeries> series, double left, double right, out string svg)
    {
        var parts = new System.Text.StringBuilder();
        var (x, y) = (left, 6.0);
        foreach (var s in series)
        {
            var width = 14 + 6 + s.Name.Length * CharWidth + 18;
            if (x + width > right && x > left) (x, y) = (left, y + LegendRow);
            parts.Append($"<rect x=\"{C(x)}\" y=\"{C(y)}\" width=\"14\" height=\"14\" fill=\"{s.Colour}\"/><text class=\"legend\" x=\"{C(x + 20)}\" y=\"{C(y + 12)}\">{E(s.Name)}</text>");
            x += width;
        }
        parts.Append('\n');
        svg = parts.ToString();
        return y + LegendRow;
    }
}
