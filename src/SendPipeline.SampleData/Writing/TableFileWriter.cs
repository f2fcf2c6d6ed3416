using System.Globalization;
using System.Text;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Writing;

/// <summary>Writes a <see cref="TableFile"/> in its encoding: CSV as text, or a workbook with real date and number cells.</summary>
internal static class TableFileWriter
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Code page 1252 is not available.");

    public static void Write(TableFile file, string outputRoot)
    {
        var path = Path.Combine(outputRoot, file.UploadPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        switch (file.Encoding)
        {
            case TableEncoding.Xlsx:
                SimpleXlsxWriter.Write(stream, file.Header, file.Rows.Select(Typed), "Sheet1");
                break;
            case TableEncoding.Windows1252:
                CsvTableWriter.Write(stream, file.Header, file.Rows.Select(r => r.ToArray<object?>()), Windows1252);
                break;
            default:
                CsvTableWriter.Write(stream, file.Header, file.Rows.Select(r => r.ToArray<object?>()), file.Encoding == TableEncoding.Utf8Bom);
                break;
        }
    }

    /// <summary>
    /// A hand-kept sheet holds dates as dates and amounts as numbers; text that is neither (a
    /// planted bad value among them) stays text, as Excel would leave it.
    /// </summary>
    private static object?[] Typed(string[] row) => row.Select(Typed).ToArray();

    private static object? Typed(string cell)
    {
        if (cell.Length == 10 && DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        // Identifiers (URN, UPN, ULN, LAEstab) stay text: Excel users format those columns as text to keep leading zeros.
        if (cell.Length is > 0 and < 10 && cell.Contains('.') && decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return number;
        return cell;
    }
}
