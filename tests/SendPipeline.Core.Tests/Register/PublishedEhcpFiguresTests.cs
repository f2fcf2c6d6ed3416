using System.Text;
using SendPipeline.Core.Register;

namespace SendPipeline.Core.Tests.Register;

public sealed class PublishedEhcpFiguresTests
{
    private static IReadOnlyList<PublishedFigureRow> Read(string table, string laCode)
    {
        using var stream = File.OpenRead(Repo.Shared($"data/dfe-ehcp/{table}.csv"));
        return PublishedEhcpFigures.Read(stream, table, laCode);
    }

    [Fact]
    public void Read_Leicestershire_ByOldOrNewCode_SuppressedCellsAreNull()
    {
        var byOld = Read(PublishedEhcpFigures.Timeliness, "855");
        var byNew = Read(PublishedEhcpFigures.Timeliness, "E10000018");

        Assert.Equal(["2019", "2020", "2021", "2022"], byOld.Select(r => r.TimePeriod));
        Assert.Equal(byOld.Select(r => r.Values["plans_issued_den"]), byNew.Select(r => r.Values["plans_issued_den"]));
        var y2022 = byOld.Single(r => r.TimePeriod == "2022");
        Assert.Equal("Leicestershire", y2022.LaName);
        Assert.True(y2022.IsTotal);
        Assert.Equal((605m, 604m, 23m, 3.8m), (y2022.Values["plans_issued_den"], y2022.Values["plans_issued_den_ex"],
            y2022.Values["plans_issued_within_20_weeks"], y2022.Values["pc_plans_issued_within_20_weeks"]));
        Assert.Null(y2022.Values["plans_issued_gt_1_year"]);
        Assert.Equal(446m, Assert.Single(Read(PublishedEhcpFigures.Ceased, "855")).Values["total_ceased"]);
    }

    /// <summary>
    /// The register's figures carry the DfE's column names: every figure column of the four published files is one
    /// of ours.
    /// </summary>
    [Theory]
    [InlineData(PublishedEhcpFigures.Requests)]
    [InlineData(PublishedEhcpFigures.Assessments)]
    [InlineData(PublishedEhcpFigures.Timeliness)]
    [InlineData(PublishedEhcpFigures.Ceased)]
    public void TheDfeFigureColumns_AreTheRegistersColumns(string table)
    {
        var published = Read(table, "855")[0].Values.Keys;
        var ours = (table switch
        {
            PublishedEhcpFigures.Requests => Sen2FigureColumns.Requests("855").Select(c => c.Name),
            PublishedEhcpFigures.Assessments => Sen2FigureColumns.Assessments("855").Select(c => c.Name),
            PublishedEhcpFigures.Timeliness => Sen2FigureColumns.Timeliness("855").Select(c => c.Name),
            _ => Sen2FigureColumns.Ceased("855").Select(c => c.Name),
        }).ToHashSet(StringComparer.Ordinal);

        // The register holds no "other" mediation or tribunal items yet: those three assessment columns are left out.
        string[] notHeld = ["number_other_mediation", "number_other_tribunal", "number_other_mediation_tribunal"];
        var missing = published.Except(notHeld).Where(c => !ours.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"Not among the register's columns: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Beside_PutsEachPublishedYearNextToTheRegistersYear()
    {
        const string csv = "\uFEFFtime_period,time_identifier,geographic_level,new_la_code,old_la_code,la_name," +
                           "breakdown_topic,breakdown," +
                           "plans_issued_den,plans_issued_within_20_weeks,pc_plans_issued_within_20_weeks\r\n" +
                           "2023,Calendar year,Local authority,E10000018,855,Leicestershire," +
                           "All EHC plans issued,All EHC plans issued,3,1,33.3\r\n" +
                           "2023,Calendar year,Local authority,E10000018,855,Leicestershire,Age,Under 5,1,0,0\r\n" +
                           "2022,Calendar year,Local authority,E06000016,856,Leicester," +
                           "All EHC plans issued,All EHC plans issued,9,9,100\r\n";
        var bytes = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var published = PublishedEhcpFigures.Read(bytes, PublishedEhcpFigures.Timeliness, "855");
        Assert.Equal(2, published.Count);

        var figures = Sen2FiguresBuilder.Build(Sen2FiguresTests.HandBuilt());
        var beside = PublishedEhcpFigures.Beside(figures, published);

        // Hand-built register, 2023: two plans issued, one within 20 weeks (Sen2FiguresTests); the file says 3 and 1.
        var den = beside.Single(b => b.TimePeriod == "2023" && b.Column == "plans_issued_den");
        Assert.Equal((2m, 3m, -1m), (den.Register, den.Published, den.Difference));
        var pc = beside.Single(b => b.TimePeriod == "2023" && b.Column == "pc_plans_issued_within_20_weeks");
        Assert.Equal((50.0m, 33.3m), (pc.Register, pc.Published));
        // A year only the register has is listed with nothing published; columns the file lacks are not compared.
        var y2021 = beside.Single(b => b.TimePeriod == "2021" && b.Column == "plans_issued_den");
        Assert.Equal((1m, (decimal?)null), (y2021.Register, y2021.Published));
        Assert.DoesNotContain(beside, b => b.Column == "plans_issued_den_ex");
        Assert.All(beside, b => Assert.Equal(PublishedEhcpFigures.Timeliness, b.Table));
    }

    [Fact]
    public void From_ThePictureOfAZippedUpload_ReadsTheLasFlowTables_AndTheComparisonWritesNumbersAsNumbers()
    {
        var folder = Path.GetDirectoryName(Repo.Shared("data/dfe-ehcp/caseload.csv"))!;
        var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, true))
            foreach (var name in new[] { "caseload.csv", "timeliness_20_week.csv", "ceased_plans.csv" })
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(File.ReadAllBytes(Path.Combine(folder, name)));
            }
        var canonical = new MemoryStream();
        Core.Validation.ReturnValidator.ValidateInto(new MemoryStream(zip.ToArray()),
            new Core.Validation.ValidationRequest("uploads/la/ehcp-history/t.zip", "ehcp-history", "la", "855"), canonical);
        var picture = new Core.Picture.LaPicture();
        picture.Add("ehcp-history", "u", "uploads/la/ehcp-history/t.zip", "la", new MemoryStream(canonical.ToArray()));

        var published = PublishedEhcpFigures.From(picture, "855");

        Assert.Equal(["ceased_plans", "timeliness_20_week"], published.Select(p => p.Table).Distinct().Order());
        Assert.Equal(Read(PublishedEhcpFigures.Timeliness, "855").Count, published.Count(p => p.Table == "timeliness_20_week"));
        var beside = PublishedEhcpFigures.Beside(Sen2FiguresBuilder.Build(Sen2FiguresTests.HandBuilt()), published);
        var output = new MemoryStream();
        Sen2FigureCsv.Write(output, Sen2FigureColumns.Comparison, beside);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal("dfe_table,time_period,figure,register,published,difference", lines[0]);
        // Ceased in 2022: none in the hand-built register against Leicestershire's 446; a count stays a number.
        Assert.Contains("ceased_plans,2022,total_ceased,0,446,-446", lines);
        Assert.Contains(lines, l => l.StartsWith("timeliness_20_week,2022,pc_plans_issued_within_20_weeks,", StringComparison.Ordinal)
            && l.EndsWith(",3.8,", StringComparison.Ordinal));
    }
}
