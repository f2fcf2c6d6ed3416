using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Submission;

namespace SendPipeline.Core.Tests.Submission;

public class PackageZipTests
{
    private static readonly (string Name, byte[] Content)[] Files =
    [
        ("manifest.json", Encoding.UTF8.GetBytes("{\"quarter\":\"2026-Q1\"}")),
        ("tables/placements.csv", Encoding.UTF8.GetBytes("la,count\r\n855,3\r\n")),
        ("Submission.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x00]),
        ("tables/finance.csv", Encoding.UTF8.GetBytes("la,amount\r\n855,131200000.00\r\n")),
    ];

    private static byte[] Write(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        PackageZip.Write(files, output);
        return output.ToArray();
    }

    [Fact]
    public void Write_SameFilesInAnyOrder_GiveIdenticalBytes()
    {
        var forwards = Write(Files);
        var backwards = Write(Files.Reverse());
        var changed = Write(Files.Select(f => f.Name == "manifest.json" ? (f.Name, Encoding.UTF8.GetBytes("{}")) : f));

        Assert.Equal(forwards, backwards);
        Assert.NotEqual(forwards, changed);
    }

    [Fact]
    public void Write_Entries_AreInOrdinalNameOrderWithTheFixedTimestampAndTheirContent()
    {
        using var zip = new ZipArchive(new MemoryStream(Write(Files)), ZipArchiveMode.Read);

        // Ordinal: upper case before lower case, whatever the culture.
        Assert.Equal(["Submission.xlsx", "manifest.json", "tables/finance.csv", "tables/placements.csv"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2000, 1, 1), e.LastWriteTime.DateTime));
        foreach (var (name, content) in Files)
        {
            using var entry = new MemoryStream();
            using (var stream = zip.GetEntry(name)!.Open()) stream.CopyTo(entry);
            Assert.Equal(content, entry.ToArray());
        }
    }

    [Fact]
    public void Write_StreamedContent_GivesTheSameBytesAsByteArrays()
    {
        using var streamed = new MemoryStream();
        PackageZip.Write(Files.Select(f => (f.Name, (Action<Stream>)(s => s.Write(f.Content)))), streamed);

        Assert.Equal(Write(Files), streamed.ToArray());
    }

    [Fact]
    public void Write_SameNameTwice_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Write([("a.csv", [1]), ("a.csv", [2])]));

        Assert.Contains("'a.csv' twice", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs.csv")]
    [InlineData("tables\\a.csv")]
    [InlineData("../up.csv")]
    [InlineData("tables//a.csv")]
    [InlineData("tables/")]
    public void Write_NameThatWouldUnpackElsewhere_IsRefused(string name)
    {
        var output = new MemoryStream();

        Assert.Throws<ArgumentException>(() => PackageZip.Write([(name, new byte[] { 1 })], output));
        Assert.Equal(0, output.Length);
    }
}
