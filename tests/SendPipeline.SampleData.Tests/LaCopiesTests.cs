using System.IO.Compression;

namespace SendPipeline.SampleData.Tests;

/// <summary>The DfE's folder of EHC plan tables goes up as one zip of the publication's tables, each byte for byte.</summary>
public sealed class LaCopiesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sp-lacopies-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void AFolderOfTables_IsUploadedAsOneZipOfThePublicationsTables()
    {
        if (SharedFiles.History is null) return;
        var folder = Path.Combine(Path.GetDirectoryName(SharedFiles.History)!, "dfe-ehcp");
        var notes = new List<string>();

        var upload = Assert.Single(LaCopies.Write(new SampleLaOptions { EhcpHistoryPath = folder }, _root, notes));

        Assert.Equal(("uploads/la/ehcp-history/dfe-ehcp.zip", 808), (upload.File, upload.Rows));
        using var zip = ZipFile.OpenRead(Path.Combine(_root, upload.File));
        Assert.Equal(
            ["assessments.csv", "caseload.csv", "ceased_plans.csv", "newplans.csv", "requests.csv", "sen2_age_caseload.csv",
                "timeliness_20_week.csv"],
            zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, entry.FullName)), copy.ToArray());
        }
    }
}
