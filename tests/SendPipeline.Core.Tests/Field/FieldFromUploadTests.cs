using System.IO.Compression;
using SendPipeline.Core.Field;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Field;

/// <summary>The field from the ehcp-history return in force, as the rebuild builds it: upload, canonical, picture.</summary>
public sealed class FieldFromUploadTests
{
    private static readonly string Folder = Path.GetDirectoryName(Repo.Shared("data/dfe-ehcp/caseload.csv"))!;

    private static LaPicture PictureOf(string name, byte[] upload)
    {
        var canonical = new MemoryStream();
        var report = ReturnValidator.ValidateInto(new MemoryStream(upload),
            new ValidationRequest($"uploads/la/ehcp-history/{name}", "ehcp-history", "la", "855"), canonical);
        Assert.Equal("accepted", report.Status);
        var picture = new LaPicture();
        picture.Add("ehcp-history", "u1", $"uploads/la/ehcp-history/{name}", "la",
            new MemoryStream(canonical.ToArray()));
        return picture;
    }

    [Fact]
    public void AZipOfTheDfeTables_GivesTheFieldItsRegionAndTwentyWeekFigures()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in new[] { "caseload.csv", "timeliness_20_week.csv" })
            {
                using var entry = archive.CreateEntry(file).Open();
                entry.Write(File.ReadAllBytes(Path.Combine(Folder, file)));
            }

        var field = LaField.Build(PictureOf("dfe-ehcp.zip", zip.ToArray()).DfeTables!, "855");

        Assert.Equal(10, field.Neighbours.Count);
        Assert.Equal((605.0, 23.0), (field.Home!.Timeliness[2022].Issued, field.Home.Timeliness[2022].Within));
        Assert.Equal(4530, field.Region!.Timeliness[2022].Issued);
        Assert.Equal(36950, field.Region.PlansIn(2022));
        Assert.Equal(2022, field.PlacementYears[^1]);
    }

    [Fact]
    public void CaseloadCsvAlone_GivesTheFieldItsPlansAndPlacements_ButNoTwentyWeekFigures()
    {
        var field = LaField.Build(
            PictureOf("caseload.csv", File.ReadAllBytes(Path.Combine(Folder, "caseload.csv"))).DfeTables!, "855");

        Assert.Equal(10, field.Neighbours.Count);
        Assert.Equal(6201, field.Home!.PlansIn(2022));
        Assert.Equal("East Midlands", field.Region!.Area.Name);
        Assert.Empty(field.TimelinessYears);
    }
}
