using System.Text;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Tests.Picture;

/// <summary>
/// The ehcp-history return in force reads back into the picture as the cohort model reads the published
/// caseload.csv: the canonical form keeps every column the placement groups are made of.
/// </summary>
public sealed class DfeTablesReadBackTests
{
    private static readonly string Published = Repo.Shared("data/dfe-ehcp/caseload.csv");

    private static LaPicture PictureOf(string path, byte[] upload)
    {
        var canonical = new MemoryStream();
        var report = Core.Validation.ReturnValidator.ValidateInto(new MemoryStream(upload),
            new Core.Validation.ValidationRequest(path, "ehcp-history", "la", "855"), canonical);
        Assert.Equal("accepted", report.Status);
        var picture = new LaPicture();
        picture.Add("ehcp-history", "u1", path, "la", new MemoryStream(canonical.ToArray()));
        return picture;
    }

    [Fact]
    public void Canonical_ReadsBackToTheSameTotalsAndPlacementGroupsAsThePublishedFile()
    {
        var picture = PictureOf("uploads/la/ehcp-history/caseload.csv", File.ReadAllBytes(Published));
        var direct = EhcpTables.Read(name => name == EhcpTables.CaseloadFile ? File.OpenRead(Published) : null);

        var tables = Assert.IsType<EhcpTables>(picture.DfeTables);
        Assert.Equal(direct.Totals["855"], tables.Totals["855"]);
        Assert.Equal(direct.Totals[""], tables.Totals[""]);
        // Spec 4.7: 6,201 plans in January 2023; the seven groups add up to it.
        Assert.Equal(6201, tables.Totals["855"][2022]);
        foreach (var (year, groups) in direct.Placements["855"])
            Assert.Equal(groups.OrderBy(g => g.Key), tables.Placements["855"][year].OrderBy(g => g.Key));
        Assert.Equal(6201, tables.Placements["855"][2022].Values.Sum(), 6);
        Assert.Equal(direct.Placements.Count, tables.Placements.Count);
    }

    [Fact]
    public void TwoInForce_TheOneReachingTheLaterYearIsKept()
    {
        var all = File.ReadAllLines(Published);
        var earlier = all.Where((line, i) => i == 0 || !line.StartsWith("202223", StringComparison.Ordinal));
        var picture = PictureOf("uploads/la/ehcp-history/z-earlier.csv",
            Encoding.UTF8.GetBytes(string.Join('\n', earlier) + "\n"));
        var later = PictureOf("uploads/la/ehcp-history/a-later.csv", File.ReadAllBytes(Published)).DfeTables;

        picture.AddDfeTables(later, "uploads/la/ehcp-history/a-later.csv");

        Assert.True(picture.DfeTables!.Totals["855"].ContainsKey(2022));
        picture.AddDfeTables(PictureOf("uploads/la/ehcp-history/zz.csv",
            Encoding.UTF8.GetBytes(string.Join('\n', earlier) + "\n")).DfeTables, "uploads/la/ehcp-history/zz.csv");
        Assert.True(picture.DfeTables!.Totals["855"].ContainsKey(2022));
    }

    [Fact]
    public void ACanonicalFileFromBeforeTheGroupColumns_StillGivesTheTotalsButNoTables()
    {
        const string old = "time_period,geographic_level,old_la_code,new_la_code,la_name,breakdown_topic,breakdown,ehcplans,SourceRow\n" +
            "202223,Local authority,855,E10000018,Leicestershire,All EHC plans,All EHC plans,6201,2\n";
        var picture = new LaPicture();

        picture.Add("ehcp-history", "u1", "uploads/la/ehcp-history/old.csv", "la", new MemoryStream(Encoding.UTF8.GetBytes(old)));

        Assert.Equal(6201, Assert.Single(picture.EhcpHistory).Plans);
        Assert.Null(picture.DfeTables);
    }
}
