using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Submission.Workbook;

namespace SendPipeline.Core.Submission;

/// <summary>
/// Turns a snapshot and its sign-offs into the files of one package version: a CSV per table, the
/// workbook (a cover sheet, then a sheet per table read from the same CSV bytes) and the manifest.
/// Pure: the caller picks the version number and the publication time.
/// </summary>
public static class SubmissionPackager
{
    public const string Final = "final", Draft = "draft";

    public const string WorkbookName = "dfe-return.xlsx";

    /// <summary>Final only with every blocking check passed and all five sign-offs on this snapshot; otherwise draft, with why.</summary>
    public static (string Status, IReadOnlyList<string> Reasons) StatusOf(SubmissionSnapshot snapshot, SignOffState signOffs)
    {
        var reasons = new List<string>();
        foreach (var failed in snapshot.BlockingFailures) reasons.Add($"Blocking check {failed.Id} failed: {failed.Detail}");
        if (!signOffs.Complete) reasons.Add("Not signed off by: " + string.Join(", ", signOffs.Missing.Select(r => r.Title)) + ".");
        return (reasons.Count == 0 ? Final : Draft, reasons);
    }

    /// <summary>
    /// What makes two packages the same: the snapshot, the status and the sign-offs behind it. A rerun
    /// with an equal fingerprint publishes nothing; a new signature or changed data gives a new version.
    /// </summary>
    public static string Fingerprint(SubmissionSnapshot snapshot, SignOffState signOffs)
    {
        var text = new StringBuilder().Append(snapshot.Hash).Append('\n').Append(StatusOf(snapshot, signOffs).Status).Append('\n');
        foreach (var s in signOffs.Valid) text.Append(s.Role).Append('|').Append(s.Name).Append('|').Append(s.SignedUtc.UtcTicks).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static IReadOnlyList<PackageFile> Build(SubmissionSnapshot snapshot, SignOffState signOffs, int version, DateTimeOffset publishedUtc)
    {
        var (status, reasons) = StatusOf(snapshot, signOffs);
        var csvs = snapshot.Tables.Select(t => new PackageFile(t.FileName, t.Csv)).ToList();
        var cover = Cover(snapshot, signOffs, version, status, reasons, publishedUtc, csvs);
        using var workbookBytes = new MemoryStream();
        XlsxWorkbookWriter.Write([cover, .. snapshot.Tables.Select(Sheet)], workbookBytes);
        var workbook = new PackageFile(WorkbookName, workbookBytes.ToArray());

        List<PackageFile> files = [workbook, .. csvs];
        var manifest = new PackageManifest
        {
            SchemaVersion = SubmissionSnapshot.SchemaVersion,
            LaCode = snapshot.LaCode,
            Quarter = snapshot.Quarter.ToString(),
            Version = version,
            Status = status,
            StatusReasons = reasons,
            PublishedUtc = publishedUtc,
            SnapshotHash = snapshot.Hash,
            Fingerprint = Fingerprint(snapshot, signOffs),
            RuleCatalogueVersion = snapshot.RuleCatalogueVersion,
            Assumptions = snapshot.Assumptions,
            Returns = snapshot.Returns,
            SignOffs = signOffs.Valid,
            MissingSignOffs = [.. signOffs.Missing.Select(r => r.Id)],
            VoidedSignOffs = signOffs.Voided,
            Checks = [.. snapshot.Checks.Select(c => new ManifestCheck(c.Id, c.Title, c.Blocking, c.Outcome, c.Detail))],
            Counts = snapshot.Counts?.Rows().ToDictionary(c => c.Measure, c => c.Count, StringComparer.Ordinal),
            Files = [.. files.Select(f => new ManifestFile(f.Name, f.Sha256, f.Content.LongLength))],
        };
        return [.. files, new PackageFile(PackageManifest.FileName, manifest.ToJson())];
    }

    private static WorkbookSheet Cover(SubmissionSnapshot snapshot, SignOffState signOffs, int version, string status, IReadOnlyList<string> reasons,
        DateTimeOffset publishedUtc, IReadOnlyList<PackageFile> csvs)
    {
        var rows = new List<IReadOnlyList<WorkbookCell>>
        {
            new WorkbookCell[] { WorkbookCell.Of("SEND Reform Plan data return").AsBold(), "" },
            new WorkbookCell[] { "Local authority", snapshot.LaCode },
            new WorkbookCell[] { "Quarter", snapshot.Quarter.ToString() },
            new WorkbookCell[] { "Status", WorkbookCell.Of(status.ToUpperInvariant()).AsBold() },
            new WorkbookCell[] { "Package version", version },
            new WorkbookCell[] { "Published (UTC)", publishedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) },
            new WorkbookCell[] { "Snapshot SHA-256", snapshot.Hash },
            new WorkbookCell[] { "Rule catalogue version", snapshot.RuleCatalogueVersion },
            new WorkbookCell[] { "Assumptions", string.Join("; ", snapshot.Assumptions.Select(a => $"{a.Source} {a.Version}")) },
        };
        foreach (var reason in reasons) rows.Add(new WorkbookCell[] { "Why draft", reason });
        rows.Add([]);
        rows.Add(new WorkbookCell[] { WorkbookCell.Of("Sign-off").AsBold(), WorkbookCell.Of("Name").AsBold(), WorkbookCell.Of("Signed (UTC)").AsBold() });
        foreach (var role in SignOffRoles.All)
        {
            var signed = signOffs.Valid.FirstOrDefault(s => s.Role == role.Id);
            rows.Add(signed is null
                ? new WorkbookCell[] { role.Title, "not signed", "" }
                : new WorkbookCell[] { role.Title, signed.Name, signed.SignedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) });
        }
        rows.Add([]);
        rows.Add(new WorkbookCell[] { WorkbookCell.Of("Check").AsBold(), WorkbookCell.Of("Outcome").AsBold(), WorkbookCell.Of("Detail").AsBold() });
        foreach (var c in snapshot.Checks) rows.Add(new WorkbookCell[] { $"{c.Id} {c.Title}", c.Outcome, c.Detail });
        rows.Add([]);
        rows.Add(new WorkbookCell[] { WorkbookCell.Of("Count").AsBold(), WorkbookCell.Of("Number").AsBold(),
            WorkbookCell.Of("Names").AsBold() });
        foreach (var c in snapshot.Counts?.Rows() ?? []) rows.Add(new WorkbookCell[] { c.Measure, c.Count, c.Names });
        rows.Add([]);
        rows.Add(new WorkbookCell[] { WorkbookCell.Of("File").AsBold(), WorkbookCell.Of("SHA-256").AsBold() });
        foreach (var f in csvs) rows.Add(new WorkbookCell[] { f.Name, f.Sha256 });
        return new WorkbookSheet("Cover", rows, HeaderRows: 0);
    }

    /// <summary>The sheet of a table, read back from its CSV bytes so the two cannot differ.</summary>
    private static WorkbookSheet Sheet(SubmissionTable table)
    {
        using var reader = new CsvTabularReader(new StreamReader(new MemoryStream(table.Csv), new UTF8Encoding(false)));
        var header = reader.Header;
        var numeric = header.Select(h => table.NumericColumns.Contains(h)).ToArray();
        var rows = new List<IReadOnlyList<WorkbookCell>> { header.Select(WorkbookCell.Of).ToArray() };
        while (reader.Read())
        {
            var cells = new WorkbookCell[header.Count];
            for (var i = 0; i < header.Count; i++)
            {
                var text = i < reader.FieldCount ? reader[i].ToString() : "";
                cells[i] = numeric[i] && Values.TryParseDecimal(text, out var number) ? new WorkbookCell(text, number) : WorkbookCell.Of(text);
            }
            rows.Add(cells);
        }
        return new WorkbookSheet(table.Title, rows);
    }
}
