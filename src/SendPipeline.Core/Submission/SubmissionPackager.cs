using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Submission.Workbook;
using SendPipeline.Core.Uploads;

namespace SendPipeline.Core.Submission;

/// <summary>
/// Turns a snapshot and its sign-offs into the files of one package version: a CSV per table, the
/// workbook (a cover sheet, the notes, then a sheet per table read from the same CSV bytes through the
/// same column definitions) and the manifest.
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
        XlsxWorkbookWriter.Write([cover, Notes(snapshot), .. snapshot.Tables.Select(Sheet)], workbookBytes);
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
            new WorkbookCell[] { "Local authority", LaLabel(snapshot.LaCode) },
            new WorkbookCell[] { "Quarter", snapshot.Quarter.ToString() },
            new WorkbookCell[] { "Status", WorkbookCell.Of(status.ToUpperInvariant()).AsBold() },
            new WorkbookCell[] { "Package version", version },
            new WorkbookCell[] { "Published (UTC)", WorkbookCell.DateTime(publishedUtc.UtcDateTime) },
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
                : new WorkbookCell[] { role.Title, signed.Name, WorkbookCell.DateTime(signed.SignedUtc.UtcDateTime) });
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
        // The title row is frozen like every sheet's header; a cover has nothing to filter.
        return new WorkbookSheet("Cover", rows, HeaderRows: 1, Filter: false);
    }

    /// <summary>
    /// The notes sheet, one tidy table (section, item, note): what the workbook is, its conventions, what is
    /// suppressed, its sources, and every table and column with its definition.
    /// </summary>
    private static WorkbookSheet Notes(SubmissionSnapshot snapshot)
    {
        var la = LaIdentity.Of(snapshot.LaCode);
        var rows = new List<IReadOnlyList<WorkbookCell>> { new WorkbookCell[] { "section", "item", "note" } };
        void Add(string section, string item, string note) => rows.Add(new WorkbookCell[] { section, item, note });

        Add("About", "This workbook",
            $"The SEND Reform Plan data return of {la.Name} (old_la_code {la.OldCode}, new_la_code {la.NewCode}) "
            + $"for {snapshot.Quarter}. Each sheet after this one is a table of the package, also sent as the CSV "
            + "named on the cover, with the same columns and values.");
        Add("Layout", "Tidy columns",
            "Every table starts with time_period, geographic_level, new_la_code, old_la_code and la_name, as the "
            + "DfE's published statistics do; time_period is a year written 202526 for 2025-26 (each table below "
            + "says whether financial or academic).");
        Add("Layout", "Units",
            "A unit is in the column header: (£) pounds, shown £#,##0 here and to the penny in the CSV; (%) "
            + "percentage points, so 82.5 is 82.5%; (FTE) full-time equivalents; (days) working days. Dates are "
            + "dates. Codes (time_period, LA codes, LAEstab, ids) are text, so they are never summed.");
        Add("Layout", "Negative amounts",
            "Deductions, such as S251 line 1.0.2 (place funding deducted for academies and other providers), are "
            + "negative numbers, so the total of an amount column is the net spend.");
        Add("Suppression", "None",
            "Nothing is suppressed: this is a return to the DfE, not a publication, so counts are exact, small ones "
            + "included. Apply the DfE's suppression rules before publishing any of it. No pupil is identified: the "
            + "tables hold counts and amounts, never UPNs, ULNs, names or dates of birth.");
        foreach (var source in snapshot.Returns.GroupBy(r => r.ReturnType))
            Add("Source", source.Key, $"{SourceOf(source.Key)}: {source.Count()} upload(s) in force when the "
                + "snapshot was frozen; the manifest lists each with its SHA-256.");
        foreach (var a in snapshot.Assumptions)
            Add("Source", "assumptions in use", $"{a.Source} {a.Version} (SHA-256 {Short(a.Sha256)}…).");
        Add("Source", "rules", $"Rule catalogue {snapshot.RuleCatalogueVersion}: the rules each upload was "
            + "validated against (`sendpipeline rules` lists them).");
        foreach (var table in snapshot.Tables)
        {
            Add("Table", $"{table.Title} ({table.FileName})", table.Definition.Description);
            foreach (var column in table.Definition.Columns)
                Add("Column", $"{table.Title}: {column.Header}", column.Definition);
        }
        return new WorkbookSheet("Notes", rows);
    }

    private static string LaLabel(string laCode) => $"{LaIdentity.Of(laCode).Name} ({laCode})".Trim();

    private static string Short(string sha256) => sha256[..Math.Min(12, sha256.Length)];

    private static string SourceOf(string returnType) => Returns.ReturnRegistry.Find(returnType)?.Description ?? "Returns";

    /// <summary>
    /// The sheet of a table, read back from its CSV bytes through its column definitions, so the two cannot differ.
    /// </summary>
    private static WorkbookSheet Sheet(SubmissionTable table)
    {
        var columns = table.Definition.Columns;
        var rows = new List<IReadOnlyList<WorkbookCell>> { columns.Select(c => WorkbookCell.Of(c.Header)).ToArray() };
        foreach (var values in table.Rows())
            rows.Add(values.Select((value, i) => Cell(columns[i].Kind, value)).ToArray());
        return new WorkbookSheet(table.Title, rows);
    }

    private static WorkbookCell Cell(ColumnKind kind, object? value) => (kind, value) switch
    {
        (_, null) => WorkbookCell.Of(""),
        (ColumnKind.Money, decimal pounds) => WorkbookCell.Money(pounds),
        (ColumnKind.Percent, decimal points) => WorkbookCell.Percent(points),
        (_, decimal number) => WorkbookCell.Of(number),
        (_, DateOnly date) => WorkbookCell.Date(date),
        _ => WorkbookCell.Of(value.ToString() ?? ""),
    };
}
