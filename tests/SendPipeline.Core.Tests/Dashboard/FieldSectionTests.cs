using System.Xml;
using System.Xml.Linq;
using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Field;
using SendPipeline.Core.Tests.Field;

namespace SendPipeline.Core.Tests.Dashboard;

/// <summary>The section "{LA} among its statistical neighbours", on the hand-made <see cref="FieldTables"/>.</summary>
public sealed class FieldSectionTests
{
    private static readonly DashboardSample Sample = DashboardSample.Build();

    private static XElement Section(LaField? field)
    {
        using var stream = new MemoryStream();
        DashboardHtml.Write(Sample.Model with { Field = field }, stream);
        stream.Position = 0;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader).Descendants().Single(e => e.Name.LocalName == "section"
            && (string?)e.Attribute("id") == DashboardSections.FieldSectionId);
    }

    private static IEnumerable<XElement> Named(XElement root, string name) =>
        root.Descendants().Where(e => e.Name.LocalName == name);

    /// <summary>A table's body rows as the text of their cells, by the table's caption.</summary>
    private static List<string[]> Rows(XElement section, string captionStart) =>
        [.. Named(Named(section, "table").Single(t => Named(t, "caption").Single().Value
                .StartsWith(captionStart, StringComparison.Ordinal)), "tbody").Single().Elements()
            .Select(r => r.Elements().Select(c => c.Value).ToArray())];

    [Fact]
    public void Section_ShowsTheLaItsNeighboursTheirAverageAndMedianRegionAndEngland_WithTheNumbersByHand()
    {
        var section = Section(FieldTables.Leicestershire());

        Assert.Equal("Leicestershire among its statistical neighbours", Named(section, "h2").Single().Value);
        Assert.Equal(["field-growth-chart", "field-placement-chart", "field-timeliness-chart"],
            Named(section, "svg").Select(s => (string)s.Attribute("id")!));
        foreach (var svg in Named(section, "svg"))
        {
            Assert.False(string.IsNullOrWhiteSpace(svg.Elements().Single(e => e.Name.LocalName == "desc").Value));
            Assert.Contains(Named(svg, "rect"), r => r.Elements().Any(e => e.Name.LocalName == "title"));
        }

        var plans = Rows(section, "EHC plans each January");
        Assert.Equal(["Leicestershire", "Gloucestershire", "Somerset", "Cumberland", "Neighbours' average",
            "Neighbours' median", "East Midlands", "England"], plans.Select(r => r[0]));
        // 1,000 to 1,100: +10%. Neighbours grew 50%, 0% and −20%: average 10%, median 0%; plans 300, 400, 80.
        Assert.Equal(["Leicestershire", "", "", "1,000", "1,100", "10.0%", "10.0%"], plans[0]);
        Assert.Equal(["Somerset", "2", "Very close", "400", "400", "0.0%", "0.0%"], plans[2]);
        Assert.Equal(["Cumberland", "3", "Close", "100", "80", "−20.0%", "−20.0%"], plans[3]);
        Assert.Equal(["Neighbours' average", "", "", "233", "260", "10.0%", "10.0%"], plans[4]);
        Assert.Equal(["Neighbours' median", "", "", "200", "300", "0.0%", "0.0%"], plans[5]);
        Assert.Equal(["England", "", "", "10,000", "12,000", "20.0%", "20.0%"], plans[7]);

        var growth = Named(section, "svg").First();
        Assert.Contains("3. Cumberland: growth −20.0%", Named(growth, "title").Select(t => t.Value));

        var mix = Rows(section, "EHC plans by placement");
        Assert.Equal(["Leicestershire", "50.0%", "0.0%", "25.0%", "0.0%", "0.0%", "0.0%", "25.0%", "1,100"], mix[0]);
        Assert.Equal("Neighbours' average", mix[4][0]);

        var rates = Rows(section, "EHC plans issued within 20 weeks");
        // 50 of 100 within 20 weeks; 50 of the 80 without exceptions. Neighbours 60%, 20%, 90%: median 60%.
        Assert.Equal(["Leicestershire", "", "50.0%", "62.5%", "100"], rates[0]);
        Assert.Equal(["Neighbours' median", "", "60.0%", "75.0%", "100"], rates[5]);
        Assert.Equal(["East Midlands", "", "25.0%", "25.0%", "400"], rates[6]);

        var notes = Named(section, "li").Select(l => l.Value).ToList();
        Assert.Contains("Somerset (E06000066) replaced Somerset (LA 933) in April 2023; its figures to January " +
            "2023 are that council's.", notes);
        Assert.Contains("Nowhere (E09000099), neighbour 5, is not in the DfE EHC plan tables: left out.", notes);
    }

    [Fact]
    public void Section_SaysWhatIsMissing_WithNoTablesInForce_AndWithNoTwentyWeekFigures()
    {
        var none = Section(null);
        var tables = FieldTables.HandMade();
        tables.Timeliness.Clear();
        tables.RegionTimeliness.Clear();
        var noTimeliness = Section(LaField.Build(tables, "855", []));

        Assert.Equal("No DfE EHC plan tables are in force: upload the DfE's caseload.csv as the ehcp-history return.",
            Named(none, "p").Single().Value);
        Assert.Empty(Named(none, "svg"));
        Assert.Contains(Named(noTimeliness, "p"), p => p.Value.StartsWith(
            "The DfE tables in force have no 20-week figures", StringComparison.Ordinal));
        Assert.Equal(2, Named(noTimeliness, "svg").Count());
        Assert.Contains("The LAIT 2025 list has no statistical neighbours for Leicestershire.",
            Named(noTimeliness, "li").Select(l => l.Value));
        Assert.Equal(["Leicestershire", "East Midlands", "England"],
            Rows(noTimeliness, "EHC plans each January").Select(r => r[0]));
        Assert.Equal(["Leicestershire", "East Midlands", "England"],
            Rows(noTimeliness, "EHC plans by placement").Select(r => r[0]));
    }
}
