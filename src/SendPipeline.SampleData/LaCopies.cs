using System.IO.Compression;
using SendPipeline.Core.Returns.EhcpHistory;
using SendPipeline.Core.Uploads;

namespace SendPipeline.SampleData;

/// <summary>
/// Files the LA uploads as they came: the DfE's caseload history (spec 2 says exactly as
/// published) and the forecast assumptions. Copied byte for byte; without a source, skipped and noted.
/// A folder (the DfE's EHC plan tables, caseload.csv among them) is uploaded as a zip of its files, each byte for
/// byte, as an officer would zip the publication's download.
/// </summary>
internal static class LaCopies
{
    public static IEnumerable<GeneratedUpload> Write(SampleLaOptions options, string outputRoot, List<string> notes)
    {
        var copies = new List<GeneratedUpload>();
        Copy(options.EhcpHistoryPath, ReturnTypes.EhcpHistory, nameof(SampleLaOptions.EhcpHistoryPath), outputRoot, copies, notes);
        Copy(options.AssumptionsPath, ReturnTypes.Assumptions, nameof(SampleLaOptions.AssumptionsPath), outputRoot, copies, notes);
        return copies;
    }

    private static void Copy(string? source, string returnType, string option, string outputRoot, List<GeneratedUpload> copies, List<string> notes)
    {
        if (source is null)
        {
            notes.Add($"{returnType}: not uploaded, since no {option} was given.");
            return;
        }
        var folder = Directory.Exists(source);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(source)) + (folder ? ".zip" : "");
        var upload = $"{UploadPath.Container}/{Submitter.LocalAuthorityId}/{returnType}/{name}";
        var target = Path.Combine(outputRoot, upload);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!folder)
        {
            File.Copy(source, target, overwrite: false);
            copies.Add(new GeneratedUpload(upload, Submitter.LocalAuthorityId, returnType, Math.Max(0, CountLines(target) - 1), "accepted"));
            return;
        }
        // The publication's tables only: the folder may hold other things (the LAIT neighbours list, notes).
        var tables = EhcpHistoryUpload.OtherTables.Prepend("caseload.csv").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var files = Directory.GetFiles(source, "*.csv").Where(f => tables.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal).ToList();
        using (var zip = new ZipArchive(new FileStream(target, FileMode.CreateNew), ZipArchiveMode.Create))
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(Path.GetFileName(file));
                // A fixed time: the same folder gives the same upload, run after run.
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var to = entry.Open();
                using var from = File.OpenRead(file);
                from.CopyTo(to);
            }
        // The rows the pipeline reads are the caseload's (spec 2): the other tables are kept beside it.
        var caseload = files.FirstOrDefault(f => Path.GetFileName(f) == "caseload.csv");
        copies.Add(new GeneratedUpload(upload, Submitter.LocalAuthorityId, returnType,
            caseload is null ? 0 : Math.Max(0, CountLines(caseload) - 1), "accepted"));
    }

    private static int CountLines(string path)
    {
        var lines = 0;
        var last = (byte)'\n';
        foreach (var b in File.ReadAllBytes(path))
        {
            if (b == '\n') lines++;
            last = b;
        }
        return last == '\n' ? lines : lines + 1;
    }
}
