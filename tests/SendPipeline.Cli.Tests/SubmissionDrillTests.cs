using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Submission;
using SendPipeline.Core.Tests;
using SendPipeline.SampleData;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The quarterly return as officers will run it: a clean sample LA for 2025-26 Q4 (the January census,
/// placements at 31 March, the services' Q4 returns) is published as a draft, signed by the five
/// roles, published as final and delivered once; a later change voids the signatures.
/// </summary>
public sealed class SubmissionDrillTests : IDisposable
{
    private const string Quarter = "2025-26 Q4";
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Exit, string Out, string Err)> Cli(params string[] args) => await CliRunner.Run([.. args, "--store", _dir]);

    private PackageManifest Manifest(int version)
    {
        using var json = File.OpenRead(Path.Combine(_dir, "submissions", "2025-26-Q4", $"v{version}", "manifest.json"));
        return PackageManifest.Read(json);
    }

    private string PackageFile(int version, string name) => Path.Combine(_dir, "submissions", "2025-26-Q4", $"v{version}", name);

    [Fact]
    public async Task Submit_DraftThenFiveSignOffsThenFinal_RerunsWriteNothingAndAChangeVoidsTheSignatures()
    {
        var noArgs = new CommandLine([], new HashSet<string>());
        SampleLaGenerator.Generate(new SampleLaOptions
        {
            Seed = 5, PlantErrors = false,
            EhcpHistoryPath = GenerateCommand.HistoryPath(noArgs), AssumptionsPath = GenerateCommand.AssumptionsPath(noArgs),
        }, _dir);
        await IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(_dir), "855");
        using var dfe = new DfeStubServer();

        // 1. Nobody has signed: a draft, every blocking check passing, all five named as missing.
        var draft = await Cli("submit", "--quarter", Quarter, "--deliver-to", dfe.Url);
        Assert.True(draft.Exit == 1, draft.Out + draft.Err);
        var v1 = Manifest(1);
        Assert.Equal(SubmissionPackager.Draft, v1.Status);
        Assert.All(v1.Checks.Where(c => c.Blocking), c => Assert.True(c.Outcome == "pass", $"{c.Id}: {c.Detail}"));
        Assert.Equal(SignOffRoles.All.Select(r => r.Id), v1.MissingSignOffs);
        Assert.Contains("Not signed off by: LA Chief Executive", v1.StatusReasons.Single());
        Assert.Empty(dfe.Requests);

        // 2. The LA issues each role's holder a signer key; one person cannot be given a second role.
        var holders = new[] { "Alex Morgan", "Sam Patel", "Jordan Reid", "Casey Okafor", "Robin Hughes" };
        var keys = new Dictionary<string, string>();
        foreach (var (role, holder) in SignOffRoles.All.Zip(holders))
        {
            var issued = await Cli("signer-key", "--role", role.Id, "--name", holder);
            Assert.True(issued.Exit == 0, issued.Out + issued.Err);
            keys[role.Id] = issued.Out.Split('\n')[1].Trim();
        }
        var twice = await Cli("signer-key", "--role", SignOffRoles.IcbChiefExecutive.Id, "--name", "alex  morgan");
        Assert.Equal(1, twice.Exit);
        Assert.Contains("Alex Morgan already holds the LA Chief Executive sign-off", twice.Out);

        // 3. A signature on some other snapshot, with a made-up key, with another role's key, or with a name typed
        //    instead of a key is refused; the five sign the one they reviewed, each with their own key.
        var ceo = SignOffRoles.LaChiefExecutive.Id;
        var stale = await Cli("signoff", "--quarter", Quarter, "--role", ceo, "--key", keys[ceo], "--snapshot", "0123456789abcdef");
        Assert.Equal(1, stale.Exit);
        Assert.Contains("is not the current data", stale.Out);
        var madeUp = await Cli("signoff", "--quarter", Quarter, "--role", ceo, "--key", SignerKeys.Prefix + new string('x', 43), "--snapshot", v1.SnapshotHash[..16]);
        Assert.Equal((1, true), (madeUp.Exit, madeUp.Out.Contains("No valid sign-off credential", StringComparison.Ordinal)));
        var wrongRole = await Cli("signoff", "--quarter", Quarter, "--role", ceo, "--key", keys[SignOffRoles.ChiefFinancialOfficer.Id], "--snapshot", v1.SnapshotHash[..16]);
        Assert.Equal((1, true), (wrongRole.Exit, wrongRole.Out.Contains("does not hold the LA Chief Executive sign-off", StringComparison.Ordinal)));
        var typedName = await Cli("signoff", "--quarter", Quarter, "--role", ceo, "--name", "Alex Morgan", "--snapshot", v1.SnapshotHash[..16]);
        Assert.Equal(2, typedName.Exit);
        foreach (var role in SignOffRoles.All)
        {
            var signed = await Cli("signoff", "--quarter", Quarter, "--role", role.Id, "--key", keys[role.Id], "--snapshot", v1.SnapshotHash[..16]);
            Assert.True(signed.Exit == 0, signed.Out + signed.Err);
        }

        // 4. Final, delivered once with the package's fingerprint as the idempotency key.
        var final = await Cli("submit", "--quarter", Quarter, "--deliver-to", dfe.Url);
        Assert.True(final.Exit == 0, final.Out + final.Err);
        var v2 = Manifest(2);
        Assert.Equal((SubmissionPackager.Final, v1.SnapshotHash), (v2.Status, v2.SnapshotHash));
        Assert.Empty(v2.MissingSignOffs);
        Assert.Equal(holders, v2.SignOffs.Select(s => s.Name));
        Assert.All(v2.SignOffs, s => Assert.StartsWith("signer-key:", s.CredentialId));
        Assert.Equal(5, v2.SignOffs.Select(s => s.SignerId).Distinct().Count());
        using (var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(PackageFile(2, "manifest.json"))))
            Assert.Equal("signer-key:" + SignerKeys.IdOfPresented(keys[ceo]),
                manifest.RootElement.GetProperty("signOffs")[0].GetProperty("credentialId").GetString());
        var delivered = Assert.Single(dfe.Requests);
        Assert.Equal((v2.Fingerprint, Quarter, "final"), (delivered.IdempotencyKey, delivered.Quarter, delivered.Status));
        AssertZipHoldsThePackage(delivered.Body, 2);
        AssertManifestChecksums(v2, 2);
        AssertWorkbookEqualsTheCsvs(2);
        await AssertAnIndependentReaderAgrees(2);

        // 5. A rerun on the same data writes nothing and sends nothing.
        var before = Directory.GetFiles(Path.Combine(_dir, "submissions"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        var rerun = await Cli("submit", "--quarter", Quarter, "--deliver-to", dfe.Url);
        Assert.Equal(0, rerun.Exit);
        Assert.Contains("Nothing new to publish: version 2", rerun.Out);
        var after = Directory.GetFiles(Path.Combine(_dir, "submissions"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, b => Assert.Equal(b.Value, after[b.Key]));
        Assert.Single(dfe.Requests);

        // 6. The LA re-sends its finance statement with one amount changed: a new snapshot, the signatures void.
        var finance = Path.Combine(_dir, "uploads", "la", "hnb-finance", "hnb-2025-26.csv");
        var revised = File.ReadAllText(finance, Encoding.Latin1).Replace(",Budget,", ",Budget,1", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, "uploads", "la", "hnb-finance", "hnb-2025-26-revised.csv"), revised, Encoding.Latin1);
        await IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(_dir), "855");
        var changed = await Cli("submit", "--quarter", Quarter, "--deliver-to", dfe.Url);
        Assert.Equal(1, changed.Exit);
        var v3 = Manifest(3);
        Assert.NotEqual(v2.SnapshotHash, v3.SnapshotHash);
        Assert.Equal(SubmissionPackager.Draft, v3.Status);
        Assert.Equal(5, v3.MissingSignOffs.Count);
        Assert.Equal(5, v3.VoidedSignOffs.Count);
        Assert.Single(dfe.Requests);
        Assert.Equal(before[PackageFile(2, "manifest.json")], File.ReadAllBytes(PackageFile(2, "manifest.json")));
    }

    private void AssertManifestChecksums(PackageManifest manifest, int version)
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(PackageFile(version, "manifest.json"))!).Select(Path.GetFileName).Where(f => f != "manifest.json").Order(StringComparer.Ordinal);
        Assert.Equal(files, manifest.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        foreach (var file in manifest.Files)
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(PackageFile(version, file.Name)))));
    }

    private void AssertZipHoldsThePackage(byte[] zip, int version)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        foreach (var entry in archive.Entries)
        {
            using var copy = new MemoryStream();
            entry.Open().CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(PackageFile(version, entry.FullName)), copy.ToArray());
        }
        Assert.Equal(Directory.GetFiles(Path.GetDirectoryName(PackageFile(version, "manifest.json"))!).Length, archive.Entries.Count);
    }

    /// <summary>
    /// The workbook as SheetJS reads it (tests/submission/workbook-check.mjs): money totals equal the CSVs',
    /// no number or date is text, every sheet has column widths and a frozen header, the DfE's tidy columns.
    /// </summary>
    private async Task AssertAnIndependentReaderAgrees(int version)
    {
        var repo = Repo.File(".");
        var sheetjs = Path.Combine(repo, ".tools", "sheetjs", "node_modules", "xlsx", "package.json");
        Assert.True(File.Exists(sheetjs), $"SheetJS is not installed at {sheetjs}: run scripts/test.sh (or scripts/sheetjs.sh).");
        var script = Path.Combine(repo, "tests", "submission", "workbook-check.mjs");
        var package = Path.GetDirectoryName(PackageFile(version, "manifest.json"))!;
        var (exit, output, error) = await ExternalProcess.RunAsync("node", [script, package],
            "install Node.js and run scripts/test.sh, which installs SheetJS for this test.", TimeSpan.FromMinutes(2),
            workingDirectory: repo);
        Assert.True(exit == 0, output + error);
        Assert.Contains("\"failures\":[]", output);
        // The HNB sheets hold the place-funding deductions: the check saw them as negative numbers.
        Assert.Matches("\"negativeAmounts\":[1-9]", output);
    }

    /// <summary>Read with the OpenXml SDK: each table sheet equals its CSV, cell by cell (a date by its serial).</summary>
    private void AssertWorkbookEqualsTheCsvs(int version)
    {
        using var document = SpreadsheetDocument.Open(PackageFile(version, SubmissionPackager.WorkbookName), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Cover", "Notes"], sheets.Take(2).Select(s => s.Name!.Value));
        var manifest = Manifest(version);
        var csvs = manifest.Files.Where(f => f.Name.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(csvs.Count, sheets.Count - 2);
        for (var i = 0; i < csvs.Count; i++)
        {
            var part = (WorksheetPart)workbook.GetPartById(sheets[i + 2].Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>().Select(Cells).ToList();
            using var reader = new CsvTabularReader(new StreamReader(PackageFile(version, csvs[i].Name)));
            var expected = new List<List<string>> { reader.Header.ToList() };
            while (reader.Read()) expected.Add([.. Enumerable.Range(0, reader.FieldCount).Select(f => reader[f].ToString())]);
            Assert.Equal(expected.Count, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var sheetRow = rows[r].Concat(Enumerable.Repeat("", Math.Max(0, expected[r].Count - rows[r].Count))).ToList();
                Assert.True(expected[r].Count == sheetRow.Count && expected[r].Zip(sheetRow).All(c => Same(c.First, c.Second)),
                    $"{csvs[i].Name} row {r + 1}: [{string.Join("|", expected[r])}] vs [{string.Join("|", sheetRow)}]");
            }
        }
    }

    /// <summary>A row's cell texts placed by their column letters, so a cell the writer left out reads as empty.</summary>
    private static List<string> Cells(Row row)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = 0;
            foreach (var ch in cell.CellReference!.Value!.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (ch - 'A' + 1);
            while (cells.Count < column - 1) cells.Add("");
            cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                : cell.DataType?.Value == CellValues.SharedString ? throw new InvalidOperationException("shared strings not expected")
                : cell.CellValue?.Text ?? "");
        }
        return cells;
    }

    /// <summary>
    /// Numbers compare by value (0.10 in the CSV is 0.1 in the sheet), an ISO date with its date serial, text
    /// with Excel's _xHHHH_ escapes undone; everything else exactly.
    /// </summary>
    private static bool Same(string csv, string sheet) =>
        csv == sheet || csv == ExcelUnescape(sheet)
        || (decimal.TryParse(csv, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(sheet, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var b) && a == b)
        || (DateOnly.TryParseExact(csv, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && int.TryParse(sheet, NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            && DateOnly.FromDateTime(DateTime.FromOADate(serial)) == date);

    private static string ExcelUnescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_",
        m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
}
