using System.Collections;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parquet.Serialization;

namespace SendPipeline.Cli.Tests.Privacy;

/// <summary>
/// The text of a published file as a reader would see it, for the privacy scan. Parquet is compressed, so
/// it is read back with Parquet.Net's untyped deserialiser: every row group, every column of every type
/// (text, whole numbers, decimals, dates, flags), fields nested in lists and structs, dictionary-encoded or
/// not. A workbook or zip is read entry by entry; anything else as UTF-8.
/// </summary>
internal static class PublishedFileReader
{
    /// <summary>Each column's (or entry's) values, one per line, as the scanner's haystacks.</summary>
    public static async Task<List<(string Part, string Text)>> TextsAsync(string file)
    {
        var texts = new List<(string, string)>();
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".parquet":
                var columns = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
                foreach (var row in await RowsAsync(file))
                    foreach (var (column, value) in row)
                    {
                        if (!columns.TryGetValue(column, out var values))
                            columns[column] = values = new StringBuilder();
                        values.Append(value).Append('\n');
                    }
                texts.AddRange(columns.Select(c => ($" column {c.Key}", c.Value.ToString())));
                break;
            case ".xlsx" or ".zip":
                using (var zip = ZipFile.OpenRead(file))
                    foreach (var entry in zip.Entries)
                    {
                        using var reader = new StreamReader(entry.Open());
                        texts.Add(($" entry {entry.FullName}", await reader.ReadToEndAsync()));
                    }
                break;
            default:
                texts.Add(("", await File.ReadAllTextAsync(file)));
                break;
        }
        return texts;
    }

    /// <summary>
    /// Every row of a file as (column, value as text) pairs: for Parquet the deserialised row with nested
    /// fields flattened to dotted paths, for text files each line as one value. Dates are written yyyy-MM-dd.
    /// </summary>
    public static async Task<List<List<(string Column, string Value)>>> RowsAsync(string file)
    {
        if (!file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            return Path.GetExtension(file).ToLowerInvariant() is ".xlsx" or ".zip"
                ? []
                : (await File.ReadAllLinesAsync(file))
                    .Select(line => new List<(string, string)> { ("line", line) }).ToList();
        await using var stream = File.OpenRead(file);
        var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
        return result.Data.Select(row =>
        {
            var cells = new List<(string, string)>();
            Flatten("", row, cells);
            return cells;
        }).ToList();
    }

    private static void Flatten(string path, object? value, List<(string, string)> cells)
    {
        switch (value)
        {
            case null:
                cells.Add((path, ""));
                break;
            case IDictionary<string, object?> fields:
                foreach (var (name, field) in fields) Flatten(path.Length == 0 ? name : $"{path}.{name}", field, cells);
                break;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    Flatten(path + ".key", entry.Key, cells);
                    Flatten(path + ".value", entry.Value, cells);
                }
                break;
            case string or byte[]:
                cells.Add((path, Format(value)));
                break;
            case IEnumerable items:
                foreach (var item in items) Flatten(path, item, cells);
                break;
            default:
                cells.Add((path, Format(value)));
                break;
        }
    }

    private static string Format(object value) => value switch
    {
        string text => text,
        ReadOnlyMemory<char> chars => chars.ToString(),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
