using System.Globalization;
using ExcelDataReader;

namespace SendPipeline.Core.Reading;

/// <summary>
/// Reads the first worksheet of an XLSX workbook, header in row 1 (spec 1), streaming row by row.
/// Cells become the text a CSV export would hold, with one deliberate difference: a date cell
/// becomes an ISO date, so Excel's dates are dates whatever display format the school chose.
/// </summary>
public sealed class XlsxTabularReader : ITabularReader
{
    private readonly IExcelDataReader _reader;
    private readonly Stream _stream;
    private string[] _cells = [];
    private int _fieldCount;

    // ExcelDataReader asks for code page 1252 even when reading XLSX; .NET only has it once registered.
    static XlsxTabularReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public XlsxTabularReader(Stream seekableStream)
    {
        _stream = seekableStream;
        try
        {
            RefuseZipBomb(seekableStream);
            _reader = ExcelReaderFactory.CreateOpenXmlReader(seekableStream);
            var header = new List<string>();
            if (_reader.Read())
            {
                LoadRow();
                for (var i = 0; i < _fieldCount; i++) header.Add(_cells[i]);
                // Trailing empty header cells are formatting, not columns.
                while (header.Count > 0 && header[^1].Length == 0) header.RemoveAt(header.Count - 1);
            }
            Header = header;
        }
        catch (TabularFormatException)
        {
            seekableStream.Dispose();
            throw;
        }
        catch (Exception)
        {
            seekableStream.Dispose();
            throw new TabularFormatException(TabularProblem.UnreadableWorkbook, null,
                "The file looks like an XLSX workbook but cannot be opened: it may be damaged, password-protected or not really XLSX.");
        }
    }

    /// <summary>
    /// Reads the zip directory before any part is inflated: a workbook that would expand beyond
    /// <see cref="Limits"/> is refused without decompressing a byte of it.
    /// </summary>
    private static void RefuseZipBomb(Stream seekable)
    {
        long total = 0;
        using (var zip = new System.IO.Compression.ZipArchive(seekable, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                if (total > Limits.MaxExpandedWorkbookBytes || (entry.Length > Limits.MaxExpandedPartBytes && ratio > Limits.MaxPartCompressionRatio))
                    throw new TabularFormatException(TabularProblem.UnreadableWorkbook, null,
                        $"The workbook would expand to more than {Math.Max(total, entry.Length) / (1024 * 1024):N0} MB when opened ({entry.FullName} is {ratio:N0} times its stored size), " +
                        "far beyond any real return. Save the sheet again from Excel, or export it as CSV.");
            }
        }
        seekable.Position = 0;
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; } = 1;

    public int FieldCount => _fieldCount;

    public string Encoding => "XLSX";

    public ReadOnlySpan<char> this[int index] => index < _fieldCount ? _cells[index] : ReadOnlySpan<char>.Empty;

    public bool Read()
    {
        try
        {
            if (!_reader.Read()) return false;
        }
        catch (Exception e) when (e is not TabularFormatException)
        {
            throw new TabularFormatException(TabularProblem.UnreadableWorkbook, RowNumber + 1,
                "The workbook is damaged after this row and cannot be read further.");
        }
        LoadRow();
        RowNumber = _reader.Depth + 1;
        return true;
    }

    private void LoadRow()
    {
        var count = _reader.FieldCount;
        if (count > Limits.MaxColumns)
            throw new TabularFormatException(TabularProblem.TooManyColumns, _reader.Depth + 1,
                $"The worksheet has more than {Limits.MaxColumns:N0} columns; no return has that many.");
        if (_cells.Length < count) _cells = new string[count];
        for (var i = 0; i < count; i++) _cells[i] = CellText(_reader.GetValue(i));
        _fieldCount = count;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        _reader?.Dispose();
        _stream.Dispose();
    }
}
