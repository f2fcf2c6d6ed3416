using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline bench bounds</c> (issue 15): runs <c>sendpipeline validate</c>, with all three
/// reports, in a child process on uploads made to exhaust memory or reports, and reads each child's
/// peak resident set: a hostile XLSX (a 33 MB zip whose shared strings inflate to 1.9 GB; one whose
/// shared strings are just under the cap), a 96 MB census CSV of long bad values, and a real
/// 1,000,000-row census saved as XLSX. The target is a peak
/// under 500 MB for any upload up to 100 MB. A benchmark, not a test: the figures go in docs/performance.md.
/// </summary>
public static class BoundsBenchCommand
{
    public const long TargetPeakBytes = 500L * 1024 * 1024;

    public static int Run(CommandLine args, TextWriter output)
    {
        var keep = args.Option("keep");
        var rows = args.Int("rows", 1_000_000);
        args.EnsureAllRead();
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "sendpipeline-bounds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var cases = new (string Name, string Path, Action<string> Make)[]
            {
                ("hostile XLSX: shared strings inflate to 1.9 GB", Path.Combine(dir, "shared-strings-bomb.xlsx"),
                    p => WriteSharedStrings(p, 1900L * 1024 * 1024)),
                ("hostile XLSX: shared strings 1 MB under the cap", Path.Combine(dir, "shared-strings-at-cap.xlsx"),
                    p => WriteSharedStrings(p, Limits.MaxSharedStringsBytes - 1024 * 1024)),
                ("census CSV of long bad values", Path.Combine(dir, "long-bad-values.csv"), WriteLongBadValues),
                ($"census XLSX, {rows:N0} real rows", Path.Combine(dir, $"census-{rows}.xlsx"),
                    p => WriteCensusXlsx(p, rows)),
            };
            output.WriteLine("| upload | size | exit | rule | peak resident set | seconds | report JSON | CSV | HTML |");
            output.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|");
            var worst = 0L;
            foreach (var (name, path, make) in cases)
            {
                if (!File.Exists(path)) make(path);
                var result = RunValidate(path, dir);
                worst = Math.Max(worst, result.PeakBytes);
                var peak = Mb(result.PeakBytes) + result.How;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Mb(new FileInfo(path).Length)} | {result.ExitCode} | {result.FirstRule} | {peak} | ") +
                    string.Create(CultureInfo.InvariantCulture,
                        $"{result.Seconds:N1} | {Size(result.Json)} | {Size(result.Csv)} | {Size(result.Html)} |"));
            }
            output.WriteLine(worst < TargetPeakBytes
                ? $"Every peak is under the {Mb(TargetPeakBytes)} target (worst {Mb(worst)})."
                : $"MISSED: a peak of {Mb(worst)} is over the {Mb(TargetPeakBytes)} target.");
            return worst < TargetPeakBytes ? 0 : 1;
        }
        finally
        {
            if (keep is null) Directory.Delete(dir, recursive: true);
        }
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";

    private static string Size(string path)
    {
        if (!File.Exists(path)) return "none";
        var bytes = new FileInfo(path).Length;
        return bytes < 1048576 ? (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB" : Mb(bytes);
    }

    private sealed record ChildResult(
        int ExitCode, long PeakBytes, string How, double Seconds, string FirstRule, string Json, string Csv, string Html);

    /// <summary>
    /// The command exactly as a user runs it, in its own process. Its peak resident set comes from
    /// GNU time (the kernel's figure for the whole life of the process) when installed; otherwise from
    /// polling the kernel's high-water mark (VmHWM), which can miss a rise in the last few milliseconds.
    /// </summary>
    private static ChildResult RunValidate(string path, string dir)
    {
        var stem = Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + "-report");
        var (json, csv, html) = (stem + ".json", stem + ".csv", stem + ".html");
        var gnuTime = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(gnuTime ? "/usr/bin/time" : Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (gnuTime)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add(Environment.ProcessPath!);
        }
        // Running under `dotnet sendpipeline.dll` the process path is dotnet itself: pass the dll first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        string[] command =
        [
            "validate", path, "--type", "school-census", "--submitter", "8552001", "--la", "855",
            "--json", json, "--csv", csv, "--html", html,
        ];
        foreach (var a in command) start.ArgumentList.Add(a);
        start.Environment["DOTNET_gcServer"] = "0";
        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        long polled = 0;
        while (!child.WaitForExit(5))
            if (!gnuTime) polled = Math.Max(polled, HighWaterMark(child.Id));
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = gnuTime ? GnuTimePeak(stderr.Result) : polled;
        // The summary's first rule line (the most frequent rule), e.g. "  FILE-018 error x1 ...".
        var firstRule = stdout.Result.Split('\n').Skip(2).Select(l => l.Trim().Split(' ')[0])
            .FirstOrDefault(id => Core.Validation.RuleCatalogue.Find(id) is not null) ?? "none";
        return new ChildResult(child.ExitCode, peak, gnuTime ? "" : " (polled)", seconds, firstRule, json, csv, html);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status")
                .FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is null) return 0;
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long GnuTimePeak(string report)
    {
        var line = report.Split('\n')
            .FirstOrDefault(l => l.Contains("Maximum resident set size", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("GNU time printed no peak resident set size.");
        return long.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// The testers' hostile workbook: a valid first sheet pointing at a shared-strings part of
    /// <paramref name="bytes"/> that compresses 60 to 80 times (each string a number and 1,000 repeated
    /// characters), so it passes a ratio check of 100 and the 2 GB check of the whole workbook.
    /// </summary>
    public static void WriteSharedStrings(string path, long bytes)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            s.Write(Encoding.UTF8.GetBytes(xml));
        }
        Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        Part("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part("xl/workbook.xml", $"<workbook xmlns=\"{main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>");
        using var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
        strings.Write(Encoding.UTF8.GetBytes($"<sst xmlns=\"{main}\">"));
        var filler = new string('Q', 1000);
        var written = 0L;
        for (long i = 0; written < bytes; i++)
        {
            var item = Encoding.UTF8.GetBytes($"<si><t>{i * 7919 % 1_000_000_007:D12}{filler}</t></si>");
            strings.Write(item);
            written += item.Length;
        }
        strings.Write("</sst>"u8);
    }

    /// <summary>A census of about 96 MB where every row's Sex and DOB are 1,000-character bad values.</summary>
    public static void WriteLongBadValues(string path)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        file.Write("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator,"
            + "ResourcedProvisionIndicator,TopUpFunding,EntryDate\r\n");
        var (sex, dob) = (new string('Q', 1000), new string('D', 1000));
        for (var row = 0; file.BaseStream.Length < 96L * 1024 * 1024; row++)
        {
            var upn = Core.Reference.Upn.Create($"855200{row % 1_000_000:D6}");
            file.Write($"8552001,2026-01-15,{upn},{dob}{row},{sex}{row},4,K,SLCN,,N,N,N,2021-09-01\r\n");
        }
    }

    /// <summary>A valid generated census saved as XLSX, every value as text: the UPNs fill the shared strings.</summary>
    public static void WriteCensusXlsx(string path, int rows)
    {
        var csv = path + ".csv";
        using (var stream = File.Create(csv)) CensusFileWriter.WriteLarge(stream, rows, seed: 1);
        try
        {
            var text = new DetectingTextReader(File.OpenRead(csv));
            using var reader = new CsvTabularReader(text, () => text.EncodingName);
            var header = reader.Header.ToList();
            IEnumerable<object?[]> Rows()
            {
                while (reader.Read())
                {
                    var cells = new object?[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = reader[i].ToString();
                    yield return cells;
                }
            }
            using var output = File.Create(path);
            SimpleXlsxWriter.Write(output, header, Rows());
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
