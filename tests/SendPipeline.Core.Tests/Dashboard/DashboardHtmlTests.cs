using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Dashboard;

public class DashboardHtmlTests
{
    private readonly DashboardSample _sample = DashboardSample.Build();

    /// <summary>The page is written as well-formed XHTML-compatible markup, so an XML parser is a strict check of it.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> All(XDocument page, string name) => page.Descendants().Where(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Named(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static XElement Section(XDocument page, string id) => All(page, "section").Single(s => (string?)s.Attribute("id") == id);

    [Fact]
    public void Write_IsWellFormedWithEveryChartTitledDescribedAndTabulated()
    {
        var page = Parse(_sample.Html());

        var charts = All(page, "svg").ToDictionary(s => (string)s.Attribute("id")!);
        Assert.Equal(["ehcp-chart", "need-chart", "phase-chart", "hnb-chart", "workforce-chart", "settings-chart", "quality-chart"], charts.Keys);
        foreach (var (id, svg) in charts)
        {
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Equal($"{id}-title {id}-desc", (string?)svg.Attribute("aria-labelledby"));
            Assert.False(string.IsNullOrWhiteSpace(svg.Elements().Single(e => e.Name.LocalName == "title").Value), id);
            Assert.False(string.IsNullOrWhiteSpace(svg.Elements().Single(e => e.Name.LocalName == "desc").Value), id);
            Assert.Contains(svg.Descendants(), e => e.Name.LocalName is "rect" or "polyline");
            var section = svg.Ancestors().First(a => a.Name.LocalName == "section");
            Assert.Contains(section.Descendants(), e => e.Name.LocalName == "table");
            Assert.Contains(section.Elements(), e => (string?)e.Attribute("class") == "caption");
        }
    }

    [Fact]
    public void Write_TablesShowTheDatasetsNumbers()
    {
        var page = Parse(_sample.Html());
        static decimal Value(XElement cell) => decimal.Parse((string)cell.Attribute("data-value")!, CultureInfo.InvariantCulture);

        // HNB: the total row holds every year's baseline and reform total of the forecast, in order.
        var forecast = _sample.Hnb.Forecast!;
        var total = Named(Section(page, "hnb-section"), "tr").Last();
        var expected = forecast.Years.SelectMany(y => HnbAssumptions.Scenarios.Select(s => forecast.Total(y, s)));
        Assert.Equal(expected, total.Elements().Skip(1).Select(Value));
        Assert.Contains(DashboardFormatForTest.Millions(forecast.Total("2027-28", "baseline")), total.Value);

        // EHC plans: a row per January, the plans rounded to whole plans.
        var ehcpRows = Named(Section(page, "ehcp-section"), "tbody").Single().Elements().ToList();
        Assert.Equal(_sample.Model.Ehcp.Points.Select(p => Math.Round((decimal)p.Plans)), ehcpRows.Select(r => Value(r.Elements().ElementAt(1))));

        // Workforce: filled FTE of the one discipline.
        var workforce = Named(Section(page, "workforce-section"), "tbody").Single().Elements().Single();
        Assert.Equal(1.5m, Value(workforce.Elements().ElementAt(1)));

        // Settings with no days: listed by LAEstab.
        var settings = Section(page, "settings-section").Value;
        Assert.Contains("8552003", settings);
        Assert.Contains("Birch Primary School", settings);
    }

    [Fact]
    public void Write_SaysWhatDateTheDataDescribesAndSetsTheOwnCensusBesideTheForecast()
    {
        var page = Parse(_sample.Html());
        var text = page.Root!.Value;

        Assert.Contains(_sample.Model.AsAt.Sentence(), text);
        Assert.StartsWith("Data as at the school census of 2026-01-15 and quarter 2025-26 Q3", _sample.Model.AsAt.Sentence());
        // The census count sits in the forecast's row for January 2026 (2025/26), and on the chart as a marker.
        var row = Named(Section(page, "ehcp-section"), "tr").Single(r => r.Elements().First().Value == "2025/26");
        Assert.Equal("2", row.Elements().Last().Value);
        Assert.Contains("Our own school census of 2026-01-15 counts 2 pupils with EHC plans", text);
        Assert.Single(Named(Section(page, "ehcp-section"), "polygon"), p => (string?)p.Attribute("class") == "marker");
        // By need and by phase, from the census in force.
        var census = Section(page, "census-section").Value;
        Assert.Contains("ASD Autistic spectrum disorder", census);
        Assert.Contains("Not applicable", census);
        // Targets pro rata for the one quarter returned, and the quarters not returned named.
        Assert.Contains("pro rata for the one quarter returned (Q3)", text);
        Assert.Contains("No activity return is in force for Q1, Q2 of this financial year", text);
        // Every post status has a column.
        Assert.Contains("Secondment FTE", Section(page, "workforce-section").Value);
    }

    [Fact]
    public void Write_ChartsAreDrawnAtTheirOwnSizeInAScrollingWrapperWithANarrowLayout()
    {
        var html = _sample.Html();
        var page = Parse(html);

        // Never shrunk to the window (which drew 11 px text at 5 px on a phone): each chart scrolls in its wrapper.
        Assert.All(All(page, "svg"), svg => Assert.Equal("chart-wrap", (string?)svg.Parent!.Attribute("class")));
        Assert.Contains("svg.chart{display:block;max-width:none}", html);
        Assert.DoesNotContain("max-width:100%", html);
        Assert.Contains("@media (max-width: 48rem)", html);
    }

    [Fact]
    public void Write_EscapesAHostileSettingName()
    {
        var html = _sample.Html();
        var page = Parse(html);

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert", html);
        // Only the page's own two scripts, and the name is text in the settings tables, not markup.
        Assert.Equal(2, All(page, "script").Count());
        Assert.Contains(All(page, "td"), td => td.Value == DashboardSample.HostileName);
    }

    [Fact]
    public void Write_LoadsNothingFromElsewhere()
    {
        var html = _sample.Html();
        var page = Parse(html);

        Assert.DoesNotContain(page.Descendants(), e => e.Attribute("src") is not null);
        Assert.All(page.Descendants().Select(e => e.Attribute("href")).OfType<XAttribute>(), href => Assert.StartsWith("#", href.Value));
        Assert.All(All(page, "style"), style => Assert.DoesNotContain("url(", style.Value));
        Assert.All(All(page, "style"), style => Assert.DoesNotContain("@import", style.Value));
        Assert.Empty(All(page, "link"));
        // The hostile name holds an https link: escaped, it is text, never an href.
        Assert.DoesNotContain("href=\"https", html);
    }

    [Fact]
    public void Write_HoldsNoPupilIdentifier()
    {
        var html = _sample.Html();

        Assert.DoesNotContain(PictureBuilder.UpnA, html);
        Assert.DoesNotContain(PictureBuilder.UpnB, html);
        Assert.DoesNotContain(PictureBuilder.UpnC, html);
        Assert.DoesNotContain("2016-10-01", html);
        Assert.DoesNotMatch(new Regex("[A-Z][0-9]{11}[0-9A-Z]"), html);
    }

    [Fact]
    public void Write_SameModel_SameBytes()
    {
        Assert.Equal(_sample.Html(), DashboardSample.Build().Html());
        Assert.Contains($"{DashboardHtml.ScriptRanAttribute}', 'yes'", _sample.Html());
    }

    [Fact]
    public void Write_NoForecastOrWorkforce_SaysWhyInsteadOfDrawing()
    {
        var model = _sample.Model with
        {
            Hnb = new HnbPanel([], [], [], "no Actual hnb-finance lines for the base year 2024-25"),
            Workforce = new WorkforcePanel(null, []),
        };
        using var stream = new MemoryStream();
        DashboardHtml.Write(model, stream);
        var page = Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        Assert.DoesNotContain(All(page, "svg"), s => (string?)s.Attribute("id") is "hnb-chart" or "workforce-chart");
        Assert.Contains("no Actual hnb-finance lines for the base year 2024-25", Section(page, "hnb-section").Value);
    }
}

/// <summary>The dashboard's money format, stated again so a change to it is a change the test sees.</summary>
internal static class DashboardFormatForTest
{
    public static string Millions(decimal pounds) => "£" + (pounds / 1_000_000m).ToString("#,0.0", CultureInfo.InvariantCulture) + "m";
}
