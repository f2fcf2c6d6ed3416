using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Returns;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

/// <summary>
/// A return that is not one table fits by its definition alone: a test-only "modules" return, uploaded
/// as a zip of module CSVs by services, validated whole by its own entry (each issue names its module),
/// written canonically as a zip and read back by its own reader. The shape a sen2 return takes.
/// </summary>
public class WholeFileReturnTests
{
    private static readonly Rule BlankValue = new("MOD-001", Severity.Error, "modules",
        "{column} has a blank value.", "Fill in {column}.");

    private static readonly Rule NoModules = new("MOD-002", Severity.Error, "modules",
        "The upload is not a zip of module CSVs.", "Upload a .zip holding one CSV per module.");

    /// <summary>What the fake reader found in the picture's place for it: module name and rows.</summary>
    private static readonly List<(string Module, int Rows, string UploadId)> ReadBack = [];

    private static readonly ReturnDefinition Modules = new()
    {
        Name = "modules",
        Description = "A test return of several modules",
        SentBy = [SubmitterKind.Service],
        Accepts = FileForms.Zip,
        Rules = [BlankValue, NoModules],
        WholeFile = Validate,
        CanonicalExtension = "zip",
        CanonicalContentType = "application/zip",
        ReadBack = (_, canonical) =>
        {
            using var zip = new ZipArchive(canonical.Content, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                ReadBack.Add((Path.GetFileNameWithoutExtension(entry.Name), reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1,
                    canonical.UploadId));
            }
        },
    };

    private static WholeFileOutcome Validate(WholeFileInput input)
    {
        if (input.Kind != FileKind.Xlsx)
        {
            input.Issues.Add(NoModules, null, null, null);
            return new WholeFileOutcome(0, null, null, "csv");
        }
        var rows = 0;
        using var upload = new ZipArchive(input.Content, ZipArchiveMode.Read);
        using var canonical = input.Canonical is null ? null : new ZipArchive(input.Canonical, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in upload.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var module = Path.GetFileNameWithoutExtension(entry.Name);
            var lines = new StreamReader(entry.Open()).ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < lines.Length; i++)
            {
                rows++;
                var cells = lines[i].Split(',');
                for (var c = 0; c < cells.Length; c++)
                    if (cells[c].Length == 0)
                    {
                        var column = $"{module}: {lines[0].Split(',')[c]}";
                        input.Issues.Add(BlankValue, i + 1, column, "", ("column", column));
                    }
            }
            if (canonical is null) continue;
            using var writer = new StreamWriter(canonical.CreateEntry(module + ".csv").Open(), new UTF8Encoding(false));
            writer.Write(string.Join("\n", lines) + "\n");
        }
        return new WholeFileOutcome(rows, "2026-01-15", input.Context.SubmitterId, "zip");
    }

    private static byte[] Zip(params (string Name, string Csv)[] files)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, csv) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(csv);
            }
        return bytes.ToArray();
    }

    private static (ValidationReport Report, byte[] Canonical) Run(byte[] upload, string submitter = "svc-ep")
    {
        using var canonical = new MemoryStream();
        var report = ReturnValidator.ValidateAs(Modules, new MemoryStream(upload),
            new ValidationRequest("svc-ep/modules/upload.zip", "modules", submitter, "855") { Length = upload.Length }, canonical);
        return (report, canonical.ToArray());
    }

    [Fact]
    public void AGoodZip_IsAccepted_WrittenAsAZip_AndReadBackByItsOwnReader()
    {
        var (report, canonical) = Run(Zip(("person.csv", "id,name\r\n1,a\r\n2,b\r\n"), ("plans.csv", "id,plan\r\n1,p1\r\n")));

        Assert.Equal(UploadStatus.Accepted, report.Status);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal("2026-01-15", report.Period);
        Assert.Equal("svc-ep", report.Subject);
        Assert.Equal("zip", report.Format);

        ReadBack.RemoveAll(r => r.UploadId == "u1");
        Modules.ReadBack(new LaPicture(), new CanonicalReturn("modules", "u1", "svc-ep/modules/upload.zip", "svc-ep", new MemoryStream(canonical)));
        Assert.Equal([("person", 2, "u1"), ("plans", 1, "u1")], ReadBack.Where(r => r.UploadId == "u1"));
    }

    [Fact]
    public void AnIssue_NamesItsModuleAndRow()
    {
        var (report, _) = Run(Zip(("person.csv", "id,name\r\n1,\r\n")));

        Assert.Equal(UploadStatus.Rejected, report.Status);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("MOD-001", 2, "person: name"), (issue.RuleId, issue.Row, issue.Column));
    }

    [Fact]
    public void ThePermissionAndFileChecks_StillComeFirst()
    {
        var (notPermitted, _) = Run(Zip(("person.csv", "id\r\n1\r\n")), submitter: "8552001");
        Assert.Equal("FILE-010", Assert.Single(notPermitted.Issues).RuleId);

        var (csv, _) = Run(Encoding.UTF8.GetBytes("id,name\r\n1,a\r\n"));
        Assert.Equal("MOD-002", Assert.Single(csv.Issues).RuleId);

        var (empty, _) = Run([]);
        Assert.Equal("FILE-001", Assert.Single(empty.Issues).RuleId);
    }

    [Fact]
    public void ADefinition_MustSayHowItIsValidated()
    {
        var neither = new ReturnDefinition
        {
            Name = "neither", Description = "", SentBy = [], Rules = [], ReadBack = (_, _) => { },
        };
        Assert.Throws<InvalidOperationException>(neither.Check);
        var zipAsTable = new ReturnDefinition
        {
            Name = "school-census", Description = "", SentBy = [], Rules = [], ReadBack = (_, _) => { },
            Table = SendPipeline.Core.Returns.SchoolCensus.SchoolCensusSchema.Instance, Accepts = FileForms.Csv | FileForms.Zip,
        };
        Assert.Throws<InvalidOperationException>(zipAsTable.Check);
    }
}
