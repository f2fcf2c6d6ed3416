using System.Globalization;
using System.Text;
using CsvHelper;

namespace SendPipeline.SampleData.Writing;

/// <summary>
/// RFC 4180 CSV with CRLF line ends, as Excel saves it; cells are already formatted text. Values are
/// written as they are (no formula guard): these are uploads as a school's software would make them.
/// </summary>
public static class CsvTableWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        Mode = CsvMode.Rfc4180,
        Quoting = CsvQuoting.WhenNeeded,
        NewLine = "\r\n",
        // Planted defects include rows with a value too many or too few.
        ValidateFieldCount = false,
    };

    /// <param name="utf8Bom">Excel's "CSV UTF-8" writes a byte-order mark and other tools do not; both are valid.</param>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<object?[]> rows, bool utf8Bom = false) =>
        Write(output, header, rows, new UTF8Encoding(utf8Bom));

    /// <param name="encoding">UTF-8, or Windows-1252 for files as GIAS and Excel's plain "CSV" save write them.</param>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<object?[]> rows, Encoding encoding)
    {
        // Through a text writer, because CsvHelper writes streams only as UTF-8.
        using var text = new StreamWriter(output, encoding, bufferSize: 1 << 14, leaveOpen: true);
        using var csv = CsvWriter.Create(text, Options, leaveOpen: true);
        csv.WriteRecord([.. header]);
        foreach (var row in rows)
        {
            foreach (var cell in row) csv.WriteField(Text(cell));
            csv.EndRecord();
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}
