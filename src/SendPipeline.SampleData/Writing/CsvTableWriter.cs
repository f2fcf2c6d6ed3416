using System.Globalization;
using System.Text;

namespace SendPipeline.SampleData.Writing;

/// <summary>RFC 4180 CSV with CRLF line ends, as Excel saves it; cells are already formatted text.</summary>
public static class CsvTableWriter
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuoting = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <param name="utf8Bom">Excel's "CSV UTF-8" writes a byte-order mark and other tools do not; both are valid.</param>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<object?[]> rows, bool utf8Bom = false) =>
        Write(output, header, rows, new UTF8Encoding(utf8Bom));

    /// <param name="encoding">UTF-8, or Windows-1252 for files as GIAS and Excel's plain "CSV" save write them.</param>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<object?[]> rows, Encoding encoding)
    {
        using var writer = new StreamWriter(output, encoding, bufferSize: 1 << 14, leaveOpen: true);
        writer.NewLine = "\r\n";
        WriteRow(writer, header.ToArray<object?>());
        foreach (var row in rows) WriteRow(writer, row);
    }

    private static void WriteRow(StreamWriter writer, object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) writer.Write(',');
            var text = cells[i] switch
            {
                null => "",
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
            if (text.AsSpan().ContainsAny(NeedsQuoting))
            {
                writer.Write('"');
                writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(text);
            }
        }
        writer.WriteLine();
    }
}
