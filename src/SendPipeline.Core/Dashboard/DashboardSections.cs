using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using static SendPipeline.Core.Dashboard.DashboardFormat;

namespace SendPipeline.Core.Dashboard;

/// <summary>
/// The dashboard's sections, each a heading, a caption in plain English, a chart and the chart's
/// numbers as a table (the accessible alternative, and what officers copy from).
/// </summary>
internal static partial class DashboardSections
{
    private static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static void Ehcp(TextWriter w, EhcpPanel panel, string laName) => Section(w, "ehcp-section", "EHC plans: history and forecast", () => EhcpBody(w, panel, laName));

    public static void Hnb(TextWriter w, HnbPanel panel) => Section(w, "hnb-section", "High Needs Block spend by placement category", () => HnbBody(w, panel));

    public static void Workforce(TextWriter w, WorkforcePanel panel) => Section(w, "workforce-section", "Experts at Hand workforce by discipline", () => WorkforceBody(w, panel));

    public static void Settings(TextWriter w, SettingDaysPanel panel) => Section(w, "settings-section", "Days delivered to settings against target", () => SettingsBody(w, panel));

    public static void DataQuality(TextWriter w, DataQualityPanel panel) => Section(w, "quality-section", "Data quality by submitter", () => DataQualityBody(w, panel));

    private static void EhcpBody(TextWriter w, EhcpPanel panel, string laName)
    {
        if (panel.Missing is not null || panel.Points.Count == 0) { Missing(w, panel.Missing ?? "no EHC plan history"); return; }
        var known = panel.Points.Where(p => !p.IsForecast).ToList();
        var forecast = panel.Points.Where(p => p.IsForecast).ToList();
        var caption = $"EHC plans maintained by {laName} each January, as the DfE published them from {known[0].Label} to {known[^1].Label} ({Count(known[^1].Plans)} plans)";
        caption += forecast.Count == 0 ? "." :
            $", then forecast to {forecast[^1].Label} by the {panel.Method} method: {Count(forecast[^1].Plans)} plans, with an 80% chance of between {Count(forecast[^1].Lower ?? 0)} and {Count(forecast[^1].Upper ?? 0)}. The shaded band widens with each year ahead because the method's past forecasts were wrong by more the further ahead they looked. The HNB forecast below grows placements along this line.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        var own = panel.OwnCensus;
        var ownIndex = own is null ? -1 : panel.Points.ToList().FindIndex(p => p.Year == own.AcademicYear);
        if (own is not null)
        {
            var sentence = OwnCensusSentence(own, ownIndex >= 0 ? panel.Points[ownIndex] : null);
            w.Write($"<p class=\"caption own-census\">{E(sentence)}</p>\n");
        }
        LineMarker[] markers = own is not null && ownIndex >= 0
            ? [new(ownIndex, own.EhcPlans,
                $"January {own.CensusDate.Year} school census: " +
                $"{Count(own.EhcPlans)} pupils with EHC plans in our schools")]
            : [];
        SvgCharts.LineWithBand(w, "ehcp-chart", "EHC plans each January, published and forecast", caption,
            [.. panel.Points.Select(p => new LinePoint(p.Label, p.Plans, p.Lower, p.Upper, p.IsForecast))],
            "January of academic year", "EHC plans", "Published", "Forecast", "80% interval",
            "Our January census (our schools)", markers);
        OpenTable(w, "EHC plans each January",
            ["Academic year", "EHC plans", "80% interval from", "80% interval to", "Source", "Our January census"],
            numeric: [1, 2, 3, 5]);
        foreach (var p in panel.Points)
        {
            var source = p.IsForecast ? "forecast" : "published";
            var census = own is not null && own.AcademicYear == p.Year
                ? Num(Count(own.EhcPlans), own.EhcPlans) : "<td class=\"n\"></td>";
            var plans = Num(Count(p.Plans), Math.Round((decimal)p.Plans));
            w.Write($"<tr><td>{E(p.Label)}</td>{plans}{Opt(p.Lower)}{Opt(p.Upper)}" +
                    $"<td>{source}</td>{census}</tr>\n");
        }
        CloseTable(w);
    }

    /// <summary>The LA's own January count beside the forecast for that January, and why the two differ.</summary>
    private static string OwnCensusSentence(OwnCensusCount own, EhcpPoint? point)
    {
        var counted = $"Our own school census of {own.CensusDate:yyyy-MM-dd} counts {Count(own.EhcPlans)} " +
                      "pupils with EHC plans in our schools";
        if (point is null) return counted + "; the chart has no January to set it beside.";
        var january = $"January {own.CensusDate.Year}";
        var against = point.IsForecast
            ? $"the forecast for {january} is {Count(point.Plans)} " +
              $"(80% interval {Count(point.Lower ?? point.Plans)} to {Count(point.Upper ?? point.Plans)})"
            : $"the DfE published {Count(point.Plans)} for {january}";
        return $"{counted} (the black diamond); {against}. The census counts only pupils on our schools' rolls, " +
               "so it is lower than the caseload, which also counts children placed in independent schools, " +
               "colleges and elsewhere.";
    }

    public static void Census(TextWriter w, CensusPanel? panel) =>
        Section(w, "census-section", "EHC plans and SEN support by need and by phase", () => CensusBody(w, panel));

    private static void CensusBody(TextWriter w, CensusPanel? panel)
    {
        if (panel is null) { Missing(w, "No school census is in force."); return; }
        var census = panel.CensusDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var caption = $"Pupils with an EHC plan and on SEN support in the school census of {census} " +
            $"({panel.Schools:N0} schools returned it): {Count(panel.EhcPlanPupils)} with EHC plans and " +
            $"{Count(panel.SenSupport)} on SEN support, by primary need and by the school's phase in the register.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        ChartSeries[] series = [new("EHC plan", "#1d70b8"), new("SEN support", "#76b7b2")];
        static BarRow Bar(SenGroup g) => new(g.Group, [g.EhcPlans, g.SenSupport]);
        SvgCharts.HorizontalStacked(w, "need-chart", $"EHC plans and SEN support by primary need, census {census}",
            caption, series, [.. panel.ByNeed.Select(Bar)], "Pupils", v => Count(v), labelChars: 34,
            wholeNumbers: true);
        GroupTable(w, "EHC plans and SEN support by primary need", "Primary need", panel.ByNeed);
        SvgCharts.HorizontalStacked(w, "phase-chart", $"EHC plans and SEN support by phase, census {census}", caption,
            series, [.. panel.ByPhase.Select(Bar)], "Pupils", v => Count(v), wholeNumbers: true);
        GroupTable(w, "EHC plans and SEN support by phase", "Phase", panel.ByPhase);
    }

    /// <summary>How many overdue requests the table lists; the count above it covers them all.</summary>
    private const int OverdueListed = 25;

    public static void Timeliness(TextWriter w, TimelinessPanel? panel) =>
        Section(w, "timeliness-section", "EHC plans issued within 20 weeks, and requests waiting",
            () => TimelinessBody(w, panel));

    private static void TimelinessBody(TextWriter w, TimelinessPanel? panel)
    {
        if (panel is null) { Missing(w, "No SEN2 extract (the LA's EHC plan register) is in force."); return; }
        var reference = panel.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var year = panel.YearToDate is { } y && Register.Sen2FigureColumns.Pc(y.WithinTwentyWeeks, y.Issued) is { } rate
            ? $"So far in {panel.ReferenceDate.Year}, {Count(y.WithinTwentyWeeks)} of {Count(y.Issued)} plans were issued " +
              $"within 20 weeks of the request ({Decimal1(rate)}%). "
            : "";
        var caption = $"From the LA's register (SEN2 extract of {reference}). {year}Each bar is a month's plans issued, " +
            "split by whether the plan came within 20 weeks (140 days) of the request, the DfE's measure with exceptions " +
            $"included. {Count(panel.Overdue.Count)} requests have waited more than 20 weeks with no plan and no decision " +
            "not to assess or issue.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        SvgCharts.HorizontalStacked(w, "timeliness-chart", "EHC plans issued each month, within and after 20 weeks",
            caption, [new("Within 20 weeks", "#00703c"), new("After 20 weeks", "#d4351c")],
            [.. panel.Months.Select(m => new BarRow(Label(m.Period), [m.WithinTwentyWeeks, m.Issued - m.WithinTwentyWeeks]))],
            "Plans issued", v => Count(v), wholeNumbers: true);
        OpenTable(w, "Plans issued and requests received each month",
            ["Month", "Plans issued", "Within 20 weeks", "20-week rate %", "Rate without exceptions %", "Requests received",
                "Decided within 6 weeks", "Awaiting decision"], numeric: [1, 2, 3, 4, 5, 6, 7]);
        foreach (var m in panel.Months)
            w.Write($"<tr><td>{E(Label(m.Period))}</td>{Num(Count(m.Issued), m.Issued)}" +
                $"{Num(Count(m.WithinTwentyWeeks), m.WithinTwentyWeeks)}{Opt(m.Rate)}{Opt(m.RateExcludingExceptions)}" +
                $"{Num(Count(m.RequestsReceived), m.RequestsReceived)}{Num(Count(m.DecidedWithinSixWeeks), m.DecidedWithinSixWeeks)}" +
                $"{Num(Count(m.DecisionNotMade), m.DecisionNotMade)}</tr>\n");
        CloseTable(w);
        if (panel.Overdue.Count == 0) { w.Write("<p>No request has waited more than 20 weeks.</p>\n"); return; }
        OpenTable(w, $"Requests waiting more than 20 weeks, longest first (the first {OverdueListed} of " +
            $"{Count(panel.Overdue.Count)}; by the register's request id)",
            ["Request id", "Received", "Weeks waiting", "Stage", "Exception applies"], numeric: [2]);
        foreach (var o in panel.Overdue.Take(OverdueListed))
            w.Write($"<tr><td>{E(o.RequestId)}</td>" +
                $"<td>{E(o.ReceivedDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}</td>" +
                $"{Num(Count(o.WeeksWaiting), o.WeeksWaiting)}<td>{E(o.Stage)}</td><td>{(o.Week20Exception ? "yes" : "no")}</td></tr>\n");
        CloseTable(w);
    }

    private static string Label(Register.Sen2Period period) =>
        period.Month is { } month ? new DateOnly(period.Year, month, 1).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : period.TimePeriod;

    private static void GroupTable(TextWriter w, string caption, string groupHeader, IReadOnlyList<SenGroup> groups)
    {
        OpenTable(w, caption, [groupHeader, "EHC plans", "SEN support", "All"], numeric: [1, 2, 3]);
        foreach (var g in groups)
            w.Write($"<tr><td>{E(g.Group)}</td>{Num(Count(g.EhcPlans), g.EhcPlans)}" +
                    $"{Num(Count(g.SenSupport), g.SenSupport)}{Num(Count(g.Total), g.Total)}</tr>\n");
        CloseTable(w);
    }

    private static void HnbBody(TextWriter w, HnbPanel panel)
    {
        if (panel.Missing is not null || panel.Years.Count == 0) { Missing(w, $"The HNB forecast was not built: {panel.Missing}."); return; }
        var (first, last) = (panel.Years[0], panel.Years[^1]);
        var (baseline, reform) = (panel.Total(last, HnbAssumptions.Baseline), panel.Total(last, HnbAssumptions.Reform));
        var caption = $"High Needs Block spend, from the actual outturn in {first} ({Millions(panel.Total(first, HnbAssumptions.Baseline))}) to {last}: " +
            $"{Millions(baseline)} without reform (baseline) and {Millions(reform)} with it, {Millions(baseline - reform)} less. " +
            "Each column is stacked by placement category; spend on S251 lines that placements do not drive is shown as other lines.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        var series = panel.Categories.Select((c, i) => new ChartSeries(c, Palette[i % Palette.Length])).ToList();
        var groups = panel.Years.Select(y => new ColumnGroup(y, [.. HnbAssumptions.Scenarios.Select(s =>
            new Column(s == HnbAssumptions.Baseline ? "Baseline" : "Reform", [.. panel.Categories.Select(c => (double)panel.Amount(y, s, c))]))])).ToList();
        SvgCharts.GroupedStackedColumns(w, "hnb-chart", "High Needs Block spend by placement category, baseline and reform", caption,
            series, groups, "Spend, £ million", v => Millions((decimal)v));
        var columns = panel.Years.SelectMany(y => HnbAssumptions.Scenarios.Select(s => $"{y} {s}")).ToList();
        OpenTable(w, "High Needs Block spend, £ million", ["Placement category", .. columns], numeric: [.. Enumerable.Range(1, columns.Count)]);
        foreach (var category in panel.Categories)
        {
            w.Write($"<tr><td>{E(category)}</td>");
            foreach (var y in panel.Years)
                foreach (var s in HnbAssumptions.Scenarios) w.Write(Num(Millions(panel.Amount(y, s, category)), panel.Amount(y, s, category)));
            w.Write("</tr>\n");
        }
        w.Write("<tr><td><strong>Total</strong></td>");
        foreach (var y in panel.Years)
            foreach (var s in HnbAssumptions.Scenarios) w.Write(Num(Millions(panel.Total(y, s)), panel.Total(y, s)));
        w.Write("</tr>\n");
        CloseTable(w);
    }

    private static void WorkforceBody(TextWriter w, WorkforcePanel panel)
    {
        if (panel.Quarter is null || panel.Disciplines.Count == 0) { Missing(w, "No workforce return is in force."); return; }
        var d = panel.Disciplines;
        var (filled, vacant, agency, secondment) =
            (d.Sum(x => x.Filled), d.Sum(x => x.Vacant), d.Sum(x => x.Agency), d.Sum(x => x.Secondment));
        var most = d.OrderByDescending(x => x.Vacant).ThenBy(x => x.Discipline, StringComparer.Ordinal).First();
        var all = filled + agency + secondment + vacant;
        var caption = $"Full-time equivalent (FTE) posts in {panel.Quarter}, {Decimal1(all)} in all: " +
            $"{Decimal1(filled)} filled by staff, {Decimal1(secondment)} by staff on secondment, " +
            $"{Decimal1(agency)} by agency staff and {Decimal1(vacant)} vacant." +
            (most.Vacant > 0 ? $" {most.Discipline} has the most vacant FTE ({Decimal1(most.Vacant)})." : "");
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        if (panel.MissingServices.Count > 0)
        {
            var gap = $"No {panel.Quarter} workforce return is in force from " +
                      $"{string.Join(", ", panel.MissingServices)}: " +
                      "their posts are not counted here, so the totals are short by a whole service.";
            w.Write($"<p class=\"caption missing-returns\">{E(gap)}</p>\n");
        }
        SvgCharts.HorizontalStacked(w, "workforce-chart", $"Experts at Hand FTE by discipline, {panel.Quarter}", caption,
            [new("Filled", "#1d70b8"), new("Secondment", "#4c2c92"), new("Agency", "#f47738"),
                new("Vacant", "#d4351c")],
            [.. d.Select(x => new BarRow(x.Discipline,
                [(double)x.Filled, (double)x.Secondment, (double)x.Agency, (double)x.Vacant]))],
            "FTE", v => Decimal1((decimal)v));
        OpenTable(w, $"FTE by discipline, {panel.Quarter}",
            ["Discipline", "Filled FTE", "Secondment FTE", "Agency FTE", "Vacant FTE", "All FTE", "Vacant share"],
            numeric: [1, 2, 3, 4, 5, 6]);
        foreach (var x in d)
        {
            var share = x.Total == 0 ? 0 : Math.Round(x.Vacant / x.Total * 100, 1);
            string Cell(decimal fte) => Num(Decimal1(fte), fte);
            w.Write($"<tr><td>{E(x.Discipline)}</td>{Cell(x.Filled)}{Cell(x.Secondment)}{Cell(x.Agency)}" +
                    $"{Cell(x.Vacant)}" +
                    $"{Cell(x.Total)}{Num(Decimal1(share) + "%", share)}</tr>\n");
        }
        CloseTable(w);
    }

    private static void SettingsBody(TextWriter w, SettingDaysPanel panel)
    {
        if (panel.Quarter is null || panel.Settings.Count == 0) { Missing(w, "No open settings or no Experts at Hand activity return is in force."); return; }
        var none = panel.Settings.Where(s => s.Band == SettingDaysPanel.None).ToList();
        var met = panel.Settings.Count(s => s.Band == SettingDaysPanel.Met);
        var withTarget = panel.Settings.Count(s => s.Target > 0);
        var caption = $"Experts at Hand days each open setting has had this financial year to {panel.Quarter}, " +
            "against its phase's target (40 days a year for a primary, 160 for a secondary or all-through school) " +
            $"pro rata for {QuartersText(panel)}. {met:N0} of {withTarget:N0} settings with a target have met it; " +
            $"{none.Count:N0} of {panel.Settings.Count:N0} open settings have had no days at all (red), listed below.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        var gaps = new List<string>();
        if (panel.QuartersMissing.Count > 0)
            gaps.Add($"No activity return is in force for {Quarters(panel.QuartersMissing)} of this financial year, " +
                     "so those quarters are left out of both the days and the targets.");
        if (panel.MissingServices.Count > 0)
            gaps.Add($"No {panel.Quarter} activity return is in force from " +
                     $"{string.Join(", ", panel.MissingServices)}: " +
                     "their days are missing, so settings they support may show fewer days than they had.");
        if (gaps.Count > 0) w.Write($"<p class=\"caption missing-returns\">{E(string.Join(" ", gaps))}</p>\n");
        var colours = new Dictionary<string, string>
        {
            [SettingDaysPanel.None] = "#d4351c", [SettingDaysPanel.UnderHalf] = "#f47738", [SettingDaysPanel.Half] = "#ffdd00",
            [SettingDaysPanel.Met] = "#00703c", [SettingDaysPanel.NoTarget] = "#b1b4b6",
        };
        SvgCharts.HorizontalStacked(w, "settings-chart", $"Open settings by days delivered against target, financial year to {panel.Quarter}", caption,
            [.. SettingDaysPanel.Bands.Select(b => new ChartSeries(b, colours[b]))],
            [.. panel.Phases.Select(p => new BarRow(p, [.. SettingDaysPanel.Bands.Select(b => (double)panel.Count(p, b))]))],
            "Number of open settings", v => Count(v), wholeNumbers: true);
        OpenTable(w, "Settings by phase and days against target", ["Phase", .. SettingDaysPanel.Bands, "All"], numeric: [1, 2, 3, 4, 5, 6]);
        foreach (var phase in panel.Phases)
        {
            w.Write($"<tr><td>{E(phase)}</td>");
            foreach (var band in SettingDaysPanel.Bands) w.Write(Num(Count(panel.Count(phase, band)), panel.Count(phase, band)));
            var all = panel.Settings.Count(s => SettingDaysPanel.PhaseOf(s) == phase);
            w.Write($"{Num(Count(all), all)}</tr>\n");
        }
        CloseTable(w);
        w.Write($"<h3>Settings with no days this financial year ({none.Count:N0})</h3>\n");
        if (none.Count == 0) w.Write("<p>None: every open setting has had some days.</p>\n");
        else
        {
            OpenTable(w, "Settings with no days this financial year", ["LAEstab", "Setting", "Phase", "Target to date"], numeric: [3]);
            foreach (var s in none)
                w.Write($"<tr class=\"none\"><td>{E(s.LaEstab)}</td><td>{E(s.Name)}</td><td>{E(s.Phase)}</td>{Opt(s.Target)}</tr>\n");
            CloseTable(w);
        }
        w.Write($"<details><summary>Every open setting ({panel.Settings.Count:N0})</summary>\n");
        OpenTable(w, "Days delivered to each open setting, financial year to date", ["LAEstab", "Setting", "Phase", "Days", "Target to date", "Share of target"], numeric: [3, 4, 5]);
        foreach (var s in panel.Settings)
        {
            var share = s.Target is > 0 ? Math.Round(s.Days / s.Target.Value * 100) : (decimal?)null;
            w.Write($"<tr{(s.Band == SettingDaysPanel.None ? " class=\"none\"" : "")}><td>{E(s.LaEstab)}</td><td>{E(s.Name)}</td><td>{E(s.Phase)}</td>{Num(Decimal1(s.Days), s.Days)}{Opt(s.Target)}" +
                    $"{(share is { } p ? Num(Count(p) + "%", p) : "<td class=\"n\"></td>")}</tr>\n");
        }
        CloseTable(w);
        w.Write("</details>\n");
    }

    private static string QuartersText(SettingDaysPanel panel) => panel.QuartersReturned.Count switch
    {
        0 => "the quarter",
        1 => $"the one quarter returned ({Quarters(panel.QuartersReturned)}), a quarter of the year's target",
        var n => $"the {n} quarters returned ({Quarters(panel.QuartersReturned)}), {n} quarters of the year's target",
    };

    /// <summary>"Q1, Q2, Q3".</summary>
    private static string Quarters(IEnumerable<int> quarters) => string.Join(", ", quarters.Select(q => $"Q{q}"));

    private static void DataQualityBody(TextWriter w, DataQualityPanel panel)
    {
        var top = panel.Submitters.Where(s => s.Issues > 0).Take(DashboardHtml.TopSubmitters).ToList();
        var rejectedUploads = panel.Submitters.Sum(s => s.Rejected);
        var rejectedFrom = panel.Submitters.Count(s => s.Rejected > 0);
        var caption = $"{panel.Issues:N0} issues found by the checks across returns, from {panel.Submitters.Count(s => s.Issues > 0):N0} submitters; " +
            $"{ReturnCounts.RejectedSentence(rejectedUploads, rejectedFrom)}. " +
            $"The chart shows the {top.Count} submitters with the most issues " +
            "(errors must be fixed, queries checked); the table lists every submitter to chase. Details are in the data-quality report.";
        w.Write($"<p class=\"caption\">{E(caption)}</p>\n");
        if (panel.Counts is { } counts)
        {
            w.Write("<ul class=\"counts\">\n");
            foreach (var sentence in counts.Sentences()) w.Write($"<li>{E(sentence)}</li>\n");
            w.Write("</ul>\n");
        }
        if (top.Count > 0)
            SvgCharts.HorizontalStacked(w, "quality-chart", $"Issues across returns, top {top.Count} submitters", caption,
                [new("Errors", "#d4351c"), new("Queries", "#f47738")],
                [.. top.Select(s => new BarRow(s.Submitter, [s.Errors, s.Queries]))], "Issues", v => Count(v), labelChars: 20, wholeNumbers: true);
        if (panel.Submitters.Count == 0) { w.Write("<p>No issues and no rejected uploads.</p>\n"); return; }
        OpenTable(w, "Issues and rejected uploads by submitter", ["Submitter", "Errors", "Queries", "Rules", "Latest uploads", "Rejected"], numeric: [1, 2, 4, 5]);
        foreach (var s in panel.Submitters)
            w.Write($"<tr><td>{E(s.Submitter)}</td>{Num(Count(s.Errors), s.Errors)}{Num(Count(s.Queries), s.Queries)}<td>{E(string.Join(", ", s.ByRule.Select(r => $"{r.RuleId} ×{r.Count}")))}</td>" +
                    $"{Num(Count(s.LatestUploads), s.LatestUploads)}{Num(Count(s.Rejected), s.Rejected)}</tr>\n");
        CloseTable(w);
    }

    private static void Section(TextWriter w, string id, string heading, Action body)
    {
        w.Write($"<section id=\"{id}\">\n<h2>{E(heading)}</h2>\n");
        body();
        w.Write("</section>\n");
    }

    private static void Missing(TextWriter w, string why) => w.Write($"<p class=\"missing\">{E(why)}</p>\n");

    private static void OpenTable(TextWriter w, string caption, IReadOnlyList<string> headers, IReadOnlyList<int> numeric)
    {
        w.Write($"<div class=\"table-wrap\"><table class=\"sortable\"><caption>{E(caption)}</caption><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
            w.Write($"<th scope=\"col\"{(numeric.Contains(i) ? " class=\"n\"" : "")}>{E(headers[i])}</th>");
        w.Write("</tr></thead><tbody>\n");
    }

    private static void CloseTable(TextWriter w) => w.Write("</tbody></table></div>\n");

    /// <summary>A number cell: the text as shown, the raw value for sorting.</summary>
    private static string Num(string shown, decimal raw) => $"<td class=\"n\" data-value=\"{Raw(raw)}\">{E(shown)}</td>";

    private static string Opt(double? value) => value is { } v ? Num(Count(v), Math.Round((decimal)v)) : "<td class=\"n\"></td>";

    private static string Opt(decimal? value) => value is { } v ? Num(Decimal1(v), v) : "<td class=\"n\"></td>";
}
