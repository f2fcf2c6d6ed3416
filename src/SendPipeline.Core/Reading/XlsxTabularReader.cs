using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reading;

/// <summary>
/// Reads the first worksheet of an XLSX workbook, header in row 1 (spec 1), streaming row by row.
/// Cells become the text a CSV export would hold, with one deliberate difference: a date cell
/// becomes an ISO date, so Excel's dates are dates whatever display format the school chose.
/// </summary>
/// <remarks>
/// Memory is bounded whatever the workbook holds: every part is read through
/// <see cref="XmlPartGuardStream"/> (its size capped, no single piece of XML over 4 MB), the sheet
/// is streamed, and the only part held whole, the shared-strings table, is capped at
/// <see cref="Limits.MaxSharedStringsBytes"/> and held compactly (<see cref="SharedStringTable"/>).
/// (ExcelDataReader, used before, loaded that table whole and unbounded: a 24 MB upload took 3.7 GB.)
/// </remarks>
public sealed class XlsxTabularReader : ITabularReader
{
    private const string NotAWorkbook = "The file looks like an XLSX workbook but cannot be opened: "
        + "it may be damaged, password-protected or not really XLSX.";
    private const string BeyondAnyReturn = "far beyond any real return.";
    private const int Megabyte = 1024 * 1024;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly Stream _stream;
    private readonly ZipArchive? _zip;
    private readonly XmlReader? _sheet;
    private readonly SharedStringTable _sharedStrings = new();
    private readonly bool[] _dateStyles = [];
    private readonly bool _date1904;
    private readonly StringBuilder _text = new();
    private string[] _cells = NewCells(16);
    private int _fieldCount;
    private readonly long _maxValueChars;
    private long _valueChars;
    private bool _pendingRow;
    private bool _inSheetData;

    /// <param name="seekableStream">The workbook; disposed with the reader.</param>
    /// <param name="maxValueChars">
    /// The most the sheet's values may add up to, counted as a CSV would hold them (a comma after each
    /// value, a line end after each row): a sheet may inflate to 2 GB, but may not bring more into
    /// validation than a 100 MB CSV could, so every per-row check stays as bounded as it is for CSV.
    /// </param>
    /// <param name="sheetName">
    /// The worksheet to read, by its name (case ignored), for a workbook of several tables (a sen2
    /// pre-submission workbook); null for the first. A name the workbook does not have is unreadable:
    /// <see cref="SheetNames"/> says which it has.
    /// </param>
    public XlsxTabularReader(Stream seekableStream, long maxValueChars = Limits.MaxFileBytes, string? sheetName = null)
    {
        _stream = seekableStream;
        _maxValueChars = maxValueChars;
        try
        {
            RefuseTooManyParts(seekableStream);
            _zip = new ZipArchive(seekableStream, ZipArchiveMode.Read, leaveOpen: true);
            RefuseZipBomb(_zip);
            var workbook = OfficeDocumentPath(_zip);
            var (sheets, date1904) = ReadWorkbook(workbook);
            _date1904 = date1904;
            var sheetId = sheetName is null
                ? sheets.FirstOrDefault().Id
                : sheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase)).Id;
            var relationships = ReadRelationships(workbook);
            if (sheetId is null || !relationships.TryGetValue(sheetId, out var sheet))
                throw new InvalidDataException("No worksheet.");
            if (Target(relationships, "/styles") is { } styles) _dateStyles = ReadDateStyles(styles);
            if (Target(relationships, "/sharedStrings") is { } strings) ReadSharedStrings(strings);
            _sheet = OpenPart(sheet.Target, Limits.MaxExpandedWorkbookBytes);
            _inSheetData = MoveToSheetData(_sheet);

            var header = new List<string>();
            if (NextRow())
            {
                if (RowNumber == 1)
                    for (var i = 0; i < _fieldCount; i++) header.Add(_cells[i]);
                else
                    _pendingRow = true;
            }
            // Trailing empty header cells are formatting, not columns.
            while (header.Count > 0 && header[^1].Length == 0) header.RemoveAt(header.Count - 1);
            Header = header;
        }
        catch (TabularFormatException)
        {
            Dispose();
            throw;
        }
        catch (Exception)
        {
            Dispose();
            throw new TabularFormatException(TabularProblem.UnreadableWorkbook, null, NotAWorkbook);
        }
    }

    public IReadOnlyList<string> Header { get; } = [];

    public int RowNumber { get; private set; }

    public int FieldCount => _fieldCount;

    public string Encoding => "XLSX";

    public ReadOnlySpan<char> this[int index] => index < _fieldCount ? _cells[index] : ReadOnlySpan<char>.Empty;

    public bool Read()
    {
        if (_pendingRow)
        {
            _pendingRow = false;
            return true;
        }
        try
        {
            return NextRow();
        }
        catch (Exception e) when (e is not TabularFormatException)
        {
            throw new TabularFormatException(TabularProblem.UnreadableWorkbook, RowNumber + 1,
                "The workbook is damaged after this row and cannot be read further.");
        }
    }

    /// <summary>
    /// Reads the zip directory before any part is inflated: a workbook that declares it would expand
    /// beyond <see cref="Limits"/> is refused without decompressing a byte of it. What a part really
    /// expands to is checked again as it is read (<see cref="OpenPart"/>), since the directory can lie.
    /// </summary>
    private static void RefuseZipBomb(ZipArchive zip)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
            var bomb = entry.Length > Limits.MaxExpandedPartBytes && ratio > Limits.MaxPartCompressionRatio;
            if (total > Limits.MaxExpandedWorkbookBytes || bomb)
            {
                var size = Math.Max(total, entry.Length) / Megabyte;
                var name = IssueText.Shorten(entry.FullName);
                throw TooLarge($"The workbook would expand to more than {size:N0} MB when opened " +
                    $"({name} is {ratio:N0} times its stored size), {BeyondAnyReturn}");
            }
        }
    }

    /// <summary>
    /// Opening a zip builds an object for every entry in its central directory, a few hundred bytes
    /// each: a 100 MB zip of a million empty entries would take half a gigabyte before any check.
    /// So the directory's span is read from its end record first (the zip64 one when the 32-bit
    /// fields are full); each entry takes at least 46 bytes of it, whatever count the record claims.
    /// </summary>
    internal static void RefuseTooManyParts(Stream zip)
    {
        const int endRecordLength = 22;
        var tailLength = (int)Math.Min(zip.Length, endRecordLength + ushort.MaxValue + 20);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        zip.ReadExactly(tail);
        zip.Position = 0;
        var end = tail.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (end < 0 || end + endRecordLength > tail.Length) return; // not a zip: opening it says so
        long directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        var locator = end - 20;
        if (directoryStart == uint.MaxValue && locator >= 0 && tail.AsSpan(locator).StartsWith("PK\u0006\u0007"u8))
        {
            var record = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8));
            if (record < 0 || record + 56 > zip.Length) return;
            var zip64 = new byte[56];
            zip.Position = record;
            zip.ReadExactly(zip64);
            zip.Position = 0;
            directoryStart = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48));
        }
        var directoryEnd = zip.Length - tailLength + end;
        if ((directoryEnd - directoryStart) / 46 > Limits.MaxWorkbookParts)
            throw TooLarge($"The workbook has more than {Limits.MaxWorkbookParts:N0} parts, {BeyondAnyReturn}");
    }

    private static TabularFormatException TooLarge(string detail) => new(TabularProblem.WorkbookTooLarge, null, detail);

    private static ZipArchiveEntry? Find(ZipArchive zip, string path) =>
        zip.GetEntry(path)
        ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>A part as XML, through the guard: at most <paramref name="limit"/> bytes, no piece over 4 MB.</summary>
    private XmlReader OpenPart(string path, long limit, Func<Exception>? tooLarge = null)
    {
        var entry = Find(_zip!, path) ?? throw new InvalidDataException("A part is missing.");
        var name = IssueText.Shorten(entry.FullName);
        tooLarge ??= () => TooLarge(
            $"The part {name} of the workbook expands to more than {limit / Megabyte:N0} MB, {BeyondAnyReturn}");
        if (entry.Length > limit) throw tooLarge();
        var guarded = new XmlPartGuardStream(entry.Open(), limit, tooLarge,
            () => TooLarge($"The part {name} of the workbook holds a single value or tag longer than " +
                $"{Limits.MaxXmlTokenBytes / Megabyte} MB, {BeyondAnyReturn}"));
        return XmlReader.Create(guarded, XmlSettings);
    }

    private static string OfficeDocumentPath(ZipArchive zip)
    {
        const string fallback = "xl/workbook.xml";
        var rels = Find(zip, "_rels/.rels");
        if (rels is null) return fallback;
        using var xml = XmlReader.Create(new XmlPartGuardStream(rels.Open(), Limits.MaxSmallPartBytes,
            () => TooLarge("The workbook's list of parts is far larger than any real return's."),
            () => TooLarge("The workbook's list of parts holds a piece longer than any real return's.")), XmlSettings);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) == true)
                return Resolve("", xml.GetAttribute("Target") ?? fallback);
        return fallback;
    }

    /// <summary>
    /// The names of a workbook's sheets in Excel's order (hidden ones too), read from its directory and
    /// workbook part alone, with the same guards as reading a sheet; an unreadable workbook throws
    /// <see cref="TabularFormatException"/>. The stream is left open.
    /// </summary>
    public static IReadOnlyList<string> SheetNames(Stream seekableStream)
    {
        try
        {
            RefuseTooManyParts(seekableStream);
            using var zip = new ZipArchive(seekableStream, ZipArchiveMode.Read, leaveOpen: true);
            RefuseZipBomb(zip);
            using var reader = new XlsxTabularReader(zip);
            return reader.ReadWorkbook(OfficeDocumentPath(zip)).Sheets.Select(s => s.Name).ToList();
        }
        catch (TabularFormatException)
        {
            throw;
        }
        catch (Exception)
        {
            throw new TabularFormatException(TabularProblem.UnreadableWorkbook, null, NotAWorkbook);
        }
        finally
        {
            seekableStream.Position = 0;
        }
    }

    /// <summary>Only for reading parts of an open zip (<see cref="SheetNames"/>): nothing is read at construction.</summary>
    private XlsxTabularReader(ZipArchive zip)
    {
        _stream = Stream.Null;
        _zip = zip;
    }

    private readonly record struct Sheet(string Name, string? Id);

    /// <summary>Every sheet (hidden or not, in Excel's order) with its relationship id, and the date system.</summary>
    private (List<Sheet> Sheets, bool Date1904) ReadWorkbook(string path)
    {
        var sheets = new List<Sheet>();
        var date1904 = false;
        using var xml = OpenPart(path, Limits.MaxSmallPartBytes);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "workbookPr") date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet")
                sheets.Add(new Sheet(xml.GetAttribute("name") ?? "",
                    xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                    ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships")));
        }
        return (sheets, date1904);
    }

    private readonly record struct Relationship(string Type, string Target);

    private Dictionary<string, Relationship> ReadRelationships(string workbook)
    {
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var path = folder + "_rels/" + workbook[folder.Length..] + ".rels";
        var result = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        using var xml = OpenPart(path, Limits.MaxSmallPartBytes);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target
                && xml.GetAttribute("TargetMode") is null or "Internal")
                result[id] = new Relationship(xml.GetAttribute("Type") ?? "", Resolve(folder, target));
        return result;
    }

    /// <summary>A relationship target as a zip entry name: relative to the part's folder, or from the root.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    /// <summary>Which cell styles (by index) show a number as a date or time: how Excel marks a date cell.</summary>
    private bool[] ReadDateStyles(string path)
    {
        var dateFormats = new HashSet<int> { 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47 };
        var styleFormats = new List<int>();
        using var xml = OpenPart(path, Limits.MaxSmallPartBytes);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when Int(xml.GetAttribute("numFmtId")) is { } id:
                    if (IsDateFormat(xml.GetAttribute("formatCode") ?? "")) dateFormats.Add(id);
                    else dateFormats.Remove(id);
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    styleFormats.Add(Int(xml.GetAttribute("numFmtId")) ?? 0);
                    break;
            }
        }
        return styleFormats.Select(dateFormats.Contains).ToArray();
    }

    /// <summary>
    /// A number format shows a date or time when its first section has a d, m, y, h or s outside
    /// quoted text, escapes, fills, paddings and bracketed colours or locales ([h] elapsed hours count).
    /// </summary>
    internal static bool IsDateFormat(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case ';':
                    return false;
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return false;
                    var inside = code[(i + 1)..end].Trim().ToLowerInvariant();
                    if (inside.Length > 0 && inside.Trim('h', 'm', 's').Length == 0) return true;
                    i = end;
                    break;
                default:
                    if ("dmyhsDMYHS".Contains(c)) return true;
                    break;
            }
        }
        return false;
    }

    /// <summary>
    /// The text of every shared string, held in memory for the sheet's cells to point at: the one part
    /// read whole, so the one capped hard. A part over the cap is a file-level error, never a crash.
    /// </summary>
    private void ReadSharedStrings(string path)
    {
        static Exception TooBig() => TooLarge(
            $"The workbook's text table expands to more than {Limits.MaxSharedStringsBytes / Megabyte} MB, " +
            BeyondAnyReturn);
        using var xml = OpenPart(path, Limits.MaxSharedStringsBytes, TooBig);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                _sharedStrings.Add(RichText(xml, row: null));
    }

    /// <summary>
    /// The text of a shared string (si) or an inline string (is): its t elements, in runs or not,
    /// leaving out phonetic guides (rPh). At most a row's worth of characters.
    /// </summary>
    private string RichText(XmlReader xml, int? row)
    {
        _text.Clear();
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var inText = false;
        var phonetic = -1;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.EndElement when xml.Depth == depth:
                    return _text.ToString();
                case XmlNodeType.EndElement when xml.LocalName == "t":
                    inText = false;
                    break;
                case XmlNodeType.EndElement when xml.Depth == phonetic:
                    phonetic = -1;
                    break;
                case XmlNodeType.Element when xml.LocalName == "rPh" && !xml.IsEmptyElement && phonetic < 0:
                    phonetic = xml.Depth;
                    break;
                case XmlNodeType.Element when xml.LocalName == "t" && !xml.IsEmptyElement:
                    inText = phonetic < 0;
                    break;
                case var _ when inText && IsText(xml.NodeType):
                    Append(xml.Value, row);
                    break;
            }
        }
        throw new InvalidDataException("A text element is not closed.");
    }

    /// <summary>The text of a v element (a number, an index, a formula's cached result).</summary>
    private string ValueText(XmlReader xml, int row)
    {
        _text.Clear();
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) return _text.ToString();
            if (IsText(xml.NodeType)) Append(xml.Value, row);
        }
        throw new InvalidDataException("A value element is not closed.");
    }

    private void Append(string text, int? row)
    {
        if (_text.Length + text.Length > Limits.MaxRowChars)
            throw row is null
                ? TooLarge($"A single text in the workbook's text table is longer than {Limits.MaxRowChars:N0} " +
                    "characters, " +
                    BeyondAnyReturn)
                : RowTooLong(row.Value);
        _text.Append(text);
    }

    private static TabularFormatException RowTooLong(int row) => new(TabularProblem.RowTooLong, row,
        $"A single row is longer than {Limits.MaxRowChars:N0} characters, far beyond any real return.");

    private static bool MoveToSheetData(XmlReader xml)
    {
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData") return !xml.IsEmptyElement;
        return false;
    }

    /// <summary>Moves to the next row element of the sheet and reads its cells; false after the last.</summary>
    private bool NextRow()
    {
        if (!_inSheetData || _sheet is null) return false;
        while (_sheet.Read())
        {
            if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "row")
            {
                ReadRow(_sheet);
                return true;
            }
            if (_sheet.NodeType == XmlNodeType.EndElement && _sheet.LocalName == "sheetData") break;
        }
        _inSheetData = false;
        return false;
    }

    private void ReadRow(XmlReader xml)
    {
        // A row without its number, or numbered out of order, is the next row.
        RowNumber = Int(xml.GetAttribute("r")) is { } r && r > RowNumber ? r : RowNumber + 1;
        Array.Fill(_cells, "", 0, _fieldCount);
        _fieldCount = 0;
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        var next = 0;
        var chars = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
            {
                _valueChars += chars + 2;
                if (_valueChars > _maxValueChars) throw TooLarge(
                    $"The worksheet holds more than {_maxValueChars / Megabyte:N0} MB of values (as they would be saved " +
                    "as CSV), the most a return may hold.");
                return;
            }
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            var column = ColumnIndex(xml.GetAttribute("r")) ?? next;
            next = column + 1;
            var text = ReadCell(xml);
            if (text.Length == 0) continue;
            if (column >= Limits.MaxColumns)
                throw new TabularFormatException(TabularProblem.TooManyColumns, RowNumber,
                    $"The worksheet has more than {Limits.MaxColumns:N0} columns; no return has that many.");
            chars += text.Length + 1;
            if (chars > Limits.MaxRowChars) throw RowTooLong(RowNumber);
            if (column >= _cells.Length) Array.Resize(ref _cells, Math.Max(column + 1, _cells.Length * 2));
            for (var i = _fieldCount; i < column; i++) _cells[i] ??= "";
            _cells[column] = text;
            _fieldCount = Math.Max(_fieldCount, column + 1);
        }
        throw new InvalidDataException("A row is not closed.");
    }

    private static string[] NewCells(int count)
    {
        var cells = new string[count];
        Array.Fill(cells, "");
        return cells;
    }

    /// <summary>The zero-based column of a reference such as "B7"; null when there is none or it is not one.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            if (++letters > 3) return null;
        }
        return letters == 0 ? null : column - 1;
    }

    /// <summary>One cell (c element) as text: shared or inline string, number, date, boolean or error.</summary>
    private string ReadCell(XmlReader xml)
    {
        var type = xml.GetAttribute("t");
        var style = Int(xml.GetAttribute("s")) ?? 0;
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        string? value = null, inline = null;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "v") value = ValueText(xml, RowNumber);
            else if (xml.LocalName == "is") inline = RichText(xml, RowNumber);
        }
        switch (type)
        {
            case "inlineStr":
                return inline ?? value ?? "";
            case "s":
                if (Int(value) is not { } index || index < 0 || index >= _sharedStrings.Count)
                    throw new InvalidDataException("A cell points at text the workbook does not have.");
                return _sharedStrings[index];
            case "str" or "e":
                return value ?? "";
            case "b":
                return value is null or "" ? "" : value.Trim() is "1" or "true" ? "true" : "false";
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? DateText(iso)
                    : value ?? "";
        }
        if (string.IsNullOrEmpty(value)) return inline ?? "";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
        if (style < _dateStyles.Length && _dateStyles[style])
        {
            var serial = _date1904 ? number + 1462 : number;
            if (serial is >= -657435.0 and < 2958466.0) return DateText(DateTime.FromOADate(serial));
        }
        return NumberText(number);
    }

    private static int? Int(string? text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    private static string? Target(Dictionary<string, Relationship> relationships, string typeEnding) =>
        relationships.Values.FirstOrDefault(r => r.Type.EndsWith(typeEnding, StringComparison.Ordinal)).Target;

    private static string DateText(DateTime d) => d.TimeOfDay == TimeSpan.Zero
        ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string NumberText(double n) => n == Math.Floor(n) && Math.Abs(n) < 1e15
        ? ((long)n).ToString(CultureInfo.InvariantCulture)
        : n.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _sheet?.Dispose();
        _zip?.Dispose();
        _stream.Dispose();
    }
}
