using System.IO.Compression;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// The modules of one sen2 upload, in either accepted form: the Blade export's CSV files in a zip, or the
/// pre-submission workbook's sheets. Opening it checks the container (names, duplicates, missing modules,
/// sizes) and reports what is wrong as file-level issues; each module is then read as a table, one at a time.
/// </summary>
internal abstract class Sen2Extract : IDisposable
{
    /// <summary>The most one module file may expand to: a national extract's largest is about 150 MB.</summary>
    public const long MaxModuleBytes = 1L << 30;

    /// <summary>The most all module files together may expand to.</summary>
    public const long MaxExtractBytes = 2L << 30;

    private const int Megabyte = 1024 * 1024;

    public abstract string Format { get; }

    /// <summary>Whether the upload has the module (the workbook need not have the sen2 header sheet).</summary>
    public abstract bool Has(Sen2Module module);

    /// <summary>The module as a table; throws <see cref="TabularFormatException"/> when it cannot be read.</summary>
    public abstract ITabularReader Open(Sen2Module module);

    /// <summary>A date in the upload's file name (the Blade export's dd-mm-yyyy, or yyyy-mm-dd), if any.</summary>
    public DateOnly? NamedDate { get; protected init; }

    public abstract void Dispose();

    /// <summary>
    /// The extract in <paramref name="seekable"/>, or null after reporting why it is none. A zip with a
    /// workbook's parts is the workbook; any other zip is the Blade export.
    /// </summary>
    public static Sen2Extract? Open(Stream seekable, string fileName, IssueCollector issues)
    {
        var prefix = new byte[FileSniffer.PrefixLength];
        var length = seekable.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        seekable.Position = 0;
        var (kind, detail) = FileSniffer.Sniff(prefix.AsSpan(0, length));
        if (kind == FileKind.Empty)
        {
            issues.Add(FileRules.Empty, null, null, null);
            return null;
        }
        if (kind != FileKind.Xlsx)
        {
            issues.Add(Sen2Rules.NotAnExtract, null, null, null, ("detail", kind == FileKind.Text
                ? "it is a single text file; the CSV export has one file per module, zipped together."
                : detail.Length > 0 ? detail : "it is not a zip file."));
            return null;
        }
        ZipArchive zip;
        try
        {
            // Opening a zip builds an object per entry: one of a million empty entries is refused from its directory.
            XlsxTabularReader.RefuseTooManyParts(seekable);
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (TabularFormatException)
        {
            issues.Add(Sen2Rules.TooLarge, null, null, null, ("detail",
                $"The zip has more than {Limits.MaxWorkbookParts:N0} files, far beyond any real extract (it has nine)."));
            return null;
        }
        catch (InvalidDataException)
        {
            issues.Add(Sen2Rules.NotAnExtract, null, null, null, ("detail", "it looks like a zip but cannot be opened."));
            return null;
        }
        var isWorkbook = zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)
            || e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase));
        var named = DateIn(fileName);
        if (!isWorkbook) return BladeZip.Open(zip, named, issues);
        zip.Dispose();
        seekable.Position = 0;
        return Workbook.Open(seekable, named, issues);
    }

    /// <summary>The first dd-mm-yyyy or yyyy-mm-dd in a file name.</summary>
    internal static DateOnly? DateIn(string fileName)
    {
        for (var i = 0; i + 10 <= fileName.Length; i++)
        {
            var s = fileName.AsSpan(i, 10);
            if (s[2] == '-' && s[5] == '-' && Values.IsDigits(s[..2]) && Values.IsDigits(s.Slice(3, 2))
                && Values.IsDigits(s[6..]) && Values.TryParseDate($"{s[..2]}/{s.Slice(3, 2)}/{s[6..]}", out var uk))
                return uk;
            if (s[4] == '-' && s[7] == '-' && Values.TryParseDate(s, out var iso)) return iso;
        }
        return null;
    }

    private static string Mb(long bytes) => $"{bytes / Megabyte:N0} MB";

    /// <summary>The Blade export: one CSV per module, at the top of the zip.</summary>
    private sealed class BladeZip(ZipArchive zip) : Sen2Extract
    {
        private readonly ZipArchiveEntry?[] _entries = new ZipArchiveEntry?[Sen2Modules.All.Count];

        public override string Format => "zip";

        public static BladeZip? Open(ZipArchive zip, DateOnly? named, IssueCollector issues)
        {
            var extract = new BladeZip(zip) { NamedDate = named };
            long total = 0;
            var usable = true;
            foreach (var entry in zip.Entries)
            {
                var name = IssueText.Shorten(entry.FullName);
                if (entry.FullName.EndsWith('/')) continue; // a folder entry: the files in it are reported
                // What a Mac's "Compress" adds beside the files (resource forks, folder settings) is not content.
                if (entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) || entry.Name == ".DS_Store") continue;
                if (entry.FullName.AsSpan().IndexOfAny('/', '\\') >= 0)
                {
                    issues.Add(Sen2Rules.NestedEntry, null, null, name, ("value", name));
                    usable = false;
                    continue;
                }
                var module = ModuleOf(entry.Name);
                if (module is null)
                {
                    issues.Add(Sen2Rules.UnknownEntry, null, null, name, ("value", name));
                    usable = false;
                    continue;
                }
                if (extract._entries[module.Index] is not null)
                {
                    issues.AddIn(module.Part, Sen2Rules.DuplicateModule, null, null, name, ("part", module.Part),
                        ("value", name));
                    usable = false;
                    continue;
                }
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                if (entry.Length > MaxModuleBytes || total > MaxExtractBytes
                    || (entry.Length > Limits.MaxExpandedPartBytes && ratio > Limits.MaxPartCompressionRatio))
                {
                    issues.AddIn(module.Part, Sen2Rules.TooLarge, null, null, name, ("detail",
                        $"The file {name} expands to {Mb(entry.Length)} ({ratio:N0} times its stored size; the extract to " +
                        $"{Mb(total)} so far), far beyond any real extract."));
                    usable = false;
                    continue;
                }
                extract._entries[module.Index] = entry;
            }
            foreach (var module in Sen2Modules.All)
                if (extract._entries[module.Index] is null && usable)
                {
                    issues.AddIn(module.Part, Sen2Rules.MissingModule, null, null, null, ("part", module.Part),
                        ("where", $"file named Blade-Export_{{dd-mm-yyyy}}_{module.Part}.csv in the zip"));
                    usable = false;
                }
            if (usable) return extract;
            extract.Dispose();
            return null;
        }

        /// <summary>The module a file is, by the part of its name after the last underscore (case ignored).</summary>
        private static Sen2Module? ModuleOf(string name)
        {
            if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return null;
            var stem = name[..^4];
            var suffix = stem[(stem.LastIndexOf('_') + 1)..].ToLowerInvariant();
            return Sen2Modules.All.FirstOrDefault(m => m.Part == suffix);
        }

        public override bool Has(Sen2Module module) => _entries[module.Index] is not null;

        public override ITabularReader Open(Sen2Module module)
        {
            var entry = _entries[module.Index]!;
            var name = IssueText.Shorten(entry.FullName);
            // The directory's sizes were checked, but it can lie: the bytes are counted as they inflate.
            var capped = new CappedStream(entry.Open(), entry.Length, () => new TabularFormatException(
                TabularProblem.TooLarge, null, $"The file {name} expands to more than its zip directory says " +
                $"({Mb(entry.Length)}); the zip is damaged or built to mislead."));
            var text = new DetectingTextReader(capped);
            return new CsvTabularReader(text, () => text.EncodingName);
        }

        public override void Dispose() => zip.Dispose();
    }

    /// <summary>The pre-submission workbook: one sheet per module, named as the spec names them.</summary>
    private sealed class Workbook(Stream seekable) : Sen2Extract
    {
        private readonly string?[] _sheets = new string?[Sen2Modules.All.Count];

        public override string Format => "xlsx";

        public static Workbook? Open(Stream seekable, DateOnly? named, IssueCollector issues)
        {
            IReadOnlyList<string> sheets;
            try
            {
                sheets = XlsxTabularReader.SheetNames(seekable);
            }
            catch (TabularFormatException e)
            {
                issues.Add(e.Problem == TabularProblem.WorkbookTooLarge ? Sen2Rules.TooLarge : FileRules.UnreadableWorkbook,
                    null, null, null, ("detail", e.Message));
                return null;
            }
            var workbook = new Workbook(seekable) { NamedDate = named };
            var usable = true;
            foreach (var sheet in sheets)
            {
                var module = Sen2Modules.Find(sheet);
                if (module is null)
                {
                    issues.Add(Sen2Rules.UnknownSheet, null, null, IssueText.Shorten(sheet), ("value", sheet));
                }
                else if (workbook._sheets[module.Index] is not null)
                {
                    issues.AddIn(module.Part, Sen2Rules.DuplicateModule, null, null, IssueText.Shorten(sheet),
                        ("part", module.Part), ("value", IssueText.Shorten(sheet)));
                    usable = false;
                }
                else
                {
                    workbook._sheets[module.Index] = sheet;
                }
            }
            // The header module is the export's; the pre-submission workbook the spec describes has no sheet for it.
            foreach (var module in Sen2Modules.All.Skip(1))
                if (workbook._sheets[module.Index] is null)
                {
                    issues.AddIn(module.Part, Sen2Rules.MissingModule, null, null, null, ("part", module.Part),
                        ("where", $"sheet named '{module.SheetName}' in the workbook"));
                    usable = false;
                }
            return usable ? workbook : null;
        }

        public override bool Has(Sen2Module module) => _sheets[module.Index] is not null;

        public override ITabularReader Open(Sen2Module module)
        {
            seekable.Position = 0;
            return new XlsxTabularReader(new KeepOpenStream(seekable), Limits.MaxFileBytes * 4, _sheets[module.Index]);
        }

        public override void Dispose()
        {
        }
    }

    /// <summary>Reads at most <c>limit</c> bytes of an inflating entry, then refuses with the given error.</summary>
    private sealed class CappedStream(Stream inner, long limit, Func<Exception> tooLarge) : ForwardReadStream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            if (_read > limit) throw tooLarge();
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The workbook file, shared by its sheets' readers, each of which disposes what it is given.</summary>
    private sealed class KeepOpenStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
