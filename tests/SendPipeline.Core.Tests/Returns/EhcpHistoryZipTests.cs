using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

/// <summary>
/// ehcp-history as a zip of the DfE's EHC plan tables: the caseload validated as ever, the other tables read as their
/// users read them and kept as published, so the picture has the age bands, new plans and flows as well.
/// </summary>
public sealed class EhcpHistoryZipTests
{
    private static readonly string Folder = Path.GetDirectoryName(Repo.Shared("data/dfe-ehcp/caseload.csv"))!;

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        return bytes.ToArray();
    }

    private static (string, byte[])[] TheFolder(string prefix = "dfe-ehcp/") =>
        [.. Directory.GetFiles(Folder).Order(StringComparer.Ordinal).Select(f => (prefix + Path.GetFileName(f), File.ReadAllBytes(f)))];

    /// <summary>The folder's tables with one of them, by its file name, replaced by these lines.</summary>
    private static (string, byte[])[] TheFolderWith(string table, IEnumerable<string> lines) =>
        [.. TheFolder().Select(f => f.Item1.EndsWith("/" + table, StringComparison.Ordinal)
            ? (f.Item1, Encoding.UTF8.GetBytes(string.Join('\n', lines))) : f)];

    private static (ValidationReport Report, byte[] Canonical) Validate(byte[] upload)
    {
        var canonical = new MemoryStream();
        var report = ReturnValidator.ValidateInto(new MemoryStream(upload),
            new ValidationRequest("uploads/la/ehcp-history/dfe-ehcp.zip", "ehcp-history", "la", "855"), canonical);
        return (report, canonical.ToArray());
    }

    [Fact]
    public void TheDfeFolderZipped_IsAcceptedAndReadsBackEveryTable()
    {
        var (report, canonical) = Validate(Zip(TheFolder()));

        Assert.Equal("accepted", report.Status);
        // The LAIT neighbours list is not a table of the EHC plan publication: the officer hears it was not kept.
        var query = Assert.Single(report.Issues);
        Assert.Equal(("EH1520", "dfe-ehcp/statistical-neighbours.csv"), (query.RuleId, query.Value));
        Assert.Equal(808, report.RowsRead);
        var picture = new LaPicture();
        picture.Add("ehcp-history", "u1", "uploads/la/ehcp-history/dfe-ehcp.zip", "la", new MemoryStream(canonical));

        var tables = picture.DfeTables!;
        Assert.Equal(6201, tables.Totals["855"][2022]);
        Assert.NotEmpty(tables.AgeBands["855"]);
        Assert.NotEmpty(tables.NewPlans["855"]);
        Assert.NotEmpty(tables.Requests["855"]);
        using var timeliness = picture.OpenDfeFile("timeliness_20_week.csv");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "timeliness_20_week.csv")), ReadAll(timeliness!));
        Assert.Null(picture.OpenDfeFile("statistical-neighbours.csv"));
    }

    [Fact]
    public void TheSameUpload_GivesTheSameCanonicalBytes()
    {
        var upload = Zip(TheFolder());

        Assert.Equal(Validate(upload).Canonical, Validate(upload).Canonical);
    }

    [Fact]
    public void AZipWithoutTheCaseload_IsRejectedSayingSo()
    {
        var (report, _) = Validate(Zip(TheFolder().Where(f => !f.Item1.EndsWith("caseload.csv", StringComparison.Ordinal)
            || f.Item1.EndsWith("sen2_age_caseload.csv", StringComparison.Ordinal)).ToArray()));

        Assert.Equal("rejected", report.Status);
        Assert.Contains(report.Issues, i => i.RuleId == "EH1500");
    }

    [Fact]
    public void ABrokenTable_IsRejectedNamingItsFileRowAndColumn()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "newplans.csv"));
        var header = lines[0].Split(',');
        var cells = lines[5].Split(',');
        cells[Array.IndexOf(header, "new_ehc_plans")] = "many";
        lines[5] = string.Join(',', cells);
        var files = TheFolderWith("newplans.csv", lines);

        var (report, canonical) = Validate(Zip(files));

        var issue = Assert.Single(report.Issues, i => i.RuleId == "EH1510");
        Assert.Equal("newplans.csv", issue.Part);
        Assert.Contains("row 6", issue.Message);
        Assert.Contains("new_ehc_plans", issue.Message);
        Assert.Empty(canonical);
    }

    [Fact]
    public void ATimelinessTableTheFieldCannotRead_IsRejectedRatherThanDroppingTheTablesLater()
    {
        // The register comparison needs only the key columns; the field (EhcpTables) also needs region_name.
        var lines = File.ReadAllLines(Path.Combine(Folder, "timeliness_20_week.csv"));
        var header = lines[0].Split(',');
        var drop = Array.IndexOf(header, "region_name");
        var cut = lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != drop)));
        var files = TheFolderWith("timeliness_20_week.csv", cut);

        var (report, _) = Validate(Zip(files));

        var issue = Assert.Single(report.Issues, i => i.RuleId == "EH1510");
        Assert.Equal("timeliness_20_week.csv", issue.Part);
        Assert.Contains("region_name", issue.Message);
    }

    [Fact]
    public void ACaseloadRowError_NamesTheCaseloadAsItsPart()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "caseload.csv"));
        var index = Array.FindIndex(lines, l => l.Contains(",Local authority,", StringComparison.Ordinal));
        lines[index] = lines[index].Replace(",Local authority,", ",Ward,", StringComparison.Ordinal);
        var (report, _) = Validate(Zip(("caseload.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)))));

        var issue = Assert.Single(report.Issues, i => i.RuleId == "EH1100");
        Assert.Equal(("caseload.csv", index + 1), (issue.Part, issue.Row));
    }

    [Fact]
    public void TheCaseloadTwice_IsRejected()
    {
        var caseload = File.ReadAllBytes(Path.Combine(Folder, "caseload.csv"));

        var (report, _) = Validate(Zip(("2024/caseload.csv", caseload), ("2025/caseload.csv", caseload)));

        Assert.Contains(report.Issues, i => i.RuleId == "EH1530");
    }

    [Fact]
    public void ATableThatExpandsFarBeyondAnyDfeTable_IsRefusedWithoutReadingIt()
    {
        var caseload = File.ReadAllBytes(Path.Combine(Folder, "caseload.csv"));

        var (report, canonical) = Validate(Zip(("caseload.csv", caseload), ("newplans.csv", new byte[60 * 1024 * 1024])));

        var issue = Assert.Single(report.Issues, i => i.RuleId == "EH1540");
        Assert.Equal("newplans.csv", issue.Part);
        Assert.Empty(canonical);
    }

    [Fact]
    public void AWorkbook_IsRefusedAsXlsx()
    {
        var (report, _) = Validate(Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.xml", "<w/>"u8.ToArray())));

        Assert.Equal("FILE-013", Assert.Single(report.Issues).RuleId);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
