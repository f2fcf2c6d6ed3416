using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Register;
using SendPipeline.Core.Validation;
using R = SendPipeline.Core.Returns.EhcpHistory.EhcpHistoryRules;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>
/// An <c>ehcp-history</c> upload, whole: the DfE's <c>caseload.csv</c> on its own (spec 2), or a zip of the
/// publication's CSVs with <c>caseload.csv</c> among them, so that the age bands, new plans, requests,
/// assessments, 20-week timeliness and ceased plans the DfE publishes beside the caseload reach the forecasts, the
/// register's published comparison and the neighbours' figures. The caseload is validated row by row as ever; the
/// other tables are read as the cohort model and the published comparison read them, and kept byte for byte (they
/// are public statistics, "exactly as published"). The canonical form is a zip either way: <c>caseload.csv</c>
/// canonical, the other tables as uploaded.
/// </summary>
public static class EhcpHistoryUpload
{
    /// <summary>The tables read besides the caseload, by the file names the DfE gives them.</summary>
    public static readonly IReadOnlyList<string> OtherTables =
    [
        EhcpTables.AgeFile, EhcpTables.NewPlansFile, EhcpTables.RequestsFile, PublishedEhcpFigures.Assessments + ".csv",
        EhcpTables.TimelinessFile, EhcpTables.CeasedFile,
    ];

    /// <summary>Tables <see cref="EhcpTables.Read"/> reads (the cohort model, the LA's field).</summary>
    private static readonly HashSet<string> ModelTables =
        new([EhcpTables.AgeFile, EhcpTables.NewPlansFile, EhcpTables.RequestsFile, EhcpTables.CeasedFile,
            EhcpTables.TimelinessFile], StringComparer.OrdinalIgnoreCase);

    /// <summary>Tables the register's published comparison reads (<see cref="PublishedEhcpFigures.From"/>).</summary>
    private static readonly HashSet<string> PublishedTables = new(
        new[] { PublishedEhcpFigures.Requests, PublishedEhcpFigures.Assessments, PublishedEhcpFigures.Timeliness,
            PublishedEhcpFigures.Ceased }.Select(t => t + ".csv"), StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest table read: the biggest the DfE publishes (the age table to 2022) is under 2 MB.</summary>
    private const long MaxTableBytes = 50L * 1024 * 1024;

    public static WholeFileOutcome Validate(WholeFileInput input)
    {
        var canonicalCaseload = new MemoryStream();
        if (input.Kind != FileKind.Xlsx)
        {
            var csv = ValidateCaseload(input.Content, input.Kind, input, part: null, canonicalCaseload);
            WriteCanonical(input, [(EhcpTables.CaseloadFile, canonicalCaseload.ToArray())]);
            return csv;
        }

        using var spooled = PrivateTemp.Current.Spool(input.Content, ".zip", Limits.MaxFileBytes);
        if (spooled is null)
        {
            input.Issues.Add(FileRules.TooLarge, null, null, null, ("size", "larger than 100 MB"));
            return new WholeFileOutcome(0, null, null, "zip");
        }
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(spooled, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            input.Issues.Add(FileRules.UnreadableWorkbook, null, null, null, ("detail", "The zip cannot be opened."));
            return new WholeFileOutcome(0, null, null, "zip");
        }
        using (zip)
        {
            if (zip.GetEntry("[Content_Types].xml") is not null)
            {
                input.Issues.Add(FileRules.XlsxNotAccepted, null, null, null, ("returnType", EhcpHistoryReturn.Name));
                return new WholeFileOutcome(0, null, null, "xlsx");
            }
            var tables = Tables(zip, input.Issues);
            if (tables is null) return new WholeFileOutcome(0, null, null, "zip");
            if (!tables.TryGetValue(EhcpTables.CaseloadFile, out var caseload))
            {
                input.Issues.Add(R.NoCaseload, null, null, null);
                return new WholeFileOutcome(0, null, null, "zip");
            }
            var outcome = ValidateCaseload(new MemoryStream(caseload, writable: false), FileKind.Text, input,
                part: EhcpTables.CaseloadFile, canonicalCaseload) with
            { Format = "zip" };
            if (input.Issues.Errors > 0) return outcome;
            var canonicalBytes = canonicalCaseload.ToArray();
            foreach (var (name, bytes) in tables.Where(t => t.Key != EhcpTables.CaseloadFile))
                CheckTable(name, bytes, canonicalBytes, input);
            WriteCanonical(input, [(EhcpTables.CaseloadFile, canonicalBytes),
                .. OtherTables.Where(tables.ContainsKey).Select(name => (name, tables[name]))]);
            return outcome;
        }
    }

    /// <summary>The canonical zip, written only for an accepted upload whose caller keeps it.</summary>
    private static void WriteCanonical(WholeFileInput input, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        if (input.Canonical is null || input.Issues.Errors > 0) return;
        using var zip = new ZipArchive(input.Canonical, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content) in files)
        {
            // A fixed time stamp: the same upload gives the same canonical bytes, as a retried ingest expects.
            using var entry = Submission.FixedZipEntry.Create(zip, name).Open();
            entry.Write(content);
        }
    }

    /// <summary>Reads the canonical zip back: the canonical caseload, and every other table by its file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> ReadCanonical(Stream canonical)
    {
        using var zip = new ZipArchive(canonical, ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries) files[entry.FullName] = ReadAll(entry);
        return files;
    }

    private static WholeFileOutcome ValidateCaseload(Stream content, FileKind kind, WholeFileInput input, string? part,
        MemoryStream canonical)
    {
        using var text = new StreamWriter(canonical, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        input.Issues.CurrentPart = part;
        try
        {
            // Written even when the caller keeps no canonical form: the other tables are checked against it.
            var table = ReturnValidator.ValidateTable(EhcpHistorySchema.Instance, content, kind, input.Context, input.Issues, text);
            text.Flush();
            return new WholeFileOutcome(table.RowsRead, table.Period, input.Context.SubmitterId, table.Format, table.Encoding);
        }
        finally
        {
            input.Issues.CurrentPart = null;
        }
    }

    /// <summary>
    /// The zip's tables by the DfE's file name, wherever they sit in it; null when one is in it twice or too large. The
    /// publication's own guidance and readme are expected beside the CSVs and pass without a word; anything else is a
    /// query, so an officer who zipped the wrong folder hears of it.
    /// </summary>
    private static Dictionary<string, byte[]>? Tables(ZipArchive zip, IssueCollector issues)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var usable = true;
        var known = string.Join(", ", OtherTables.Prepend(EhcpTables.CaseloadFile));
        foreach (var entry in zip.Entries)
        {
            var name = Path.GetFileName(entry.FullName);
            if (name.Length == 0 || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)) continue;
            var table = OtherTables.Prepend(EhcpTables.CaseloadFile)
                .FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (table is null)
            {
                var publicationNote = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
                if (!publicationNote) issues.Add(R.EntryNotRead, null, null, IssueText.Shorten(entry.FullName),
                    ("value", entry.FullName), ("known", known));
                continue;
            }
            if (tables.ContainsKey(table))
            {
                issues.AddIn(table, R.DuplicateTable, null, null, table, ("value", table));
                usable = false;
                continue;
            }
            if (entry.Length > MaxTableBytes)
            {
                issues.AddIn(table, R.TableTooLarge, null, null, table, ("value", table),
                    ("detail", $"{entry.Length / (1024 * 1024):N0} MB"));
                usable = false;
                continue;
            }
            tables[table] = ReadAll(entry);
        }
        return usable ? tables : null;
    }

    /// <summary>The directory's size can lie: the bytes are counted as they inflate.</summary>
    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            if (copy.Length + read > MaxTableBytes) throw new TabularFormatException(TabularProblem.TooLarge, null,
                $"The file {IssueText.Shorten(entry.FullName)} expands to more than its zip directory says.");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>Reads one table as its users will, so a file that would break the forecast or the comparison is refused now.</summary>
    private static void CheckTable(string name, byte[] bytes, byte[] canonicalCaseload, WholeFileInput input)
    {
        try
        {
            // A table both read must satisfy both: one that failed either would later drop the tables silently.
            if (ModelTables.Contains(name))
                EhcpTables.Read(file => file == EhcpTables.CaseloadFile ? new MemoryStream(canonicalCaseload, writable: false)
                    : file.Equals(name, StringComparison.OrdinalIgnoreCase) ? new MemoryStream(bytes, writable: false) : null);
            if (PublishedTables.Contains(name))
                PublishedEhcpFigures.Read(new MemoryStream(bytes, writable: false), Path.GetFileNameWithoutExtension(name),
                    input.Context.LaCode);
        }
        catch (Exception e) when (e is InvalidDataException or TabularFormatException)
        {
            input.Issues.AddIn(name, R.TableUnreadable, null, null, name, ("value", name), ("detail", e.Message));
        }
    }
}
