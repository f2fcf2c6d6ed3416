using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace SendPipeline.SampleData.Tests.Sen2;

/// <summary>
/// A generated SEN2 .zip read back with CsvHelper's own reader, independently of the generator's writing code:
/// each module's header and its rows as column → value.
/// </summary>
internal sealed class Sen2Extract
{
    public Dictionary<string, string[]> Headers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<Dictionary<string, string>>> Modules { get; } = new(StringComparer.Ordinal);
    public List<string> EntryNames { get; } = [];

    public List<Dictionary<string, string>> this[string module] => Modules[module];

    public static Sen2Extract Read(string zipPath)
    {
        var extract = new Sen2Extract();
        using var zip = ZipFile.OpenRead(zipPath);
        foreach (var entry in zip.Entries)
        {
            extract.EntryNames.Add(entry.FullName);
            var module = Path.GetFileNameWithoutExtension(entry.FullName).Split('_')[^1];
            using var text = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var options = new CsvReaderOptions { HasHeader = false, Separator = ',', Mode = CsvMode.Rfc4180 };
            using var csv = CsvReader.Create(text, options);
            Assert.True(csv.Read(), $"{entry.FullName} is empty");
            var header = Fields(csv);
            var rows = new List<Dictionary<string, string>>();
            while (csv.Read())
            {
                var cells = Fields(csv);
                Assert.Equal(header.Length, cells.Length);
                rows.Add(header.Select((h, i) => (Column: h, Value: cells[i]))
                    .ToDictionary(x => x.Column, x => x.Value, StringComparer.Ordinal));
            }
            extract.Headers[module] = header;
            extract.Modules[module] = rows;
        }
        return extract;
    }

    private static string[] Fields(CsvReader csv) =>
        Enumerable.Range(0, csv.FieldCount).Select(i => Encoding.UTF8.GetString(csv.GetSpan(i))).ToArray();

    /// <summary>A date in any form the spec allows in a SEN2 extract: the Blade form, ISO, or UK.</summary>
    public static DateOnly? Date(string text)
    {
        if (text.Length == 0) return null;
        string[] forms = ["yyyy-MMM-dd' 00:00:00'", "yyyy-MM-dd", "dd/MM/yyyy"];
        return DateOnly.ParseExact(text, forms, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
