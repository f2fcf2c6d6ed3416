using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Local;

/// <summary>How one table row is laid out as a JSON file, and how its keys become file names.</summary>
internal static class LocalRowFile
{
    // Comfortably inside the 255-byte name limit of every common file system, leaving room for ".json.lock".
    private const int MaxEncodedName = 120;

    /// <summary>
    /// The start every file name of a key beginning with <paramref name="prefix"/> has, unless the key was too long
    /// to escape and was hashed (<see cref="IsHashed"/>): the escaping works byte by byte, so it keeps prefixes.
    /// </summary>
    public static string EncodePrefix(string prefix) => Escape(prefix).ToString();

    /// <summary>A file name of a key too long to escape: its rows must be read to learn their keys.</summary>
    public static bool IsHashed(string fileName) => fileName.StartsWith('h');

    /// <summary>
    /// Keys may hold anything Azure allows, so they are escaped: a-z, 0-9, '-', '_' and '.' stay,
    /// every other UTF-8 byte (capitals included) becomes %XX. Escaping capitals keeps distinct keys
    /// distinct on case-insensitive file systems; the leading 'k' keeps empty keys, dot-names and
    /// Windows device names (CON, NUL) out of the way. Over-long names fall back to a hash; the real
    /// keys are always read from inside the file, never decoded from its name.
    /// </summary>
    public static string EncodeKey(string key)
    {
        var builder = Escape(key);
        if (builder.Length <= MaxEncodedName) return builder.ToString();
        return "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static StringBuilder Escape(string key)
    {
        var builder = new StringBuilder("k", key.Length + 1);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder;
    }

    public static byte[] Serialize(TableRow row, string etag)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("partitionKey", row.PartitionKey);
            json.WriteString("rowKey", row.RowKey);
            json.WriteString("etag", etag);
            json.WriteStartObject("properties");
            foreach (var (name, value) in row.Properties)
            {
                if (value is null) continue;
                json.WriteStartObject(name);
                WriteValue(json, value);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Each value carries its type because JSON alone cannot tell int from long, or a date from a
    // string. long, double and dates are written as invariant strings so nothing is rounded by a
    // JSON number reader (doubles use "R", dates "O" which keeps the offset).
    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        var (type, text) = value switch
        {
            string s => ("String", s),
            int i => ("Int32", i.ToString(CultureInfo.InvariantCulture)),
            long l => ("Int64", l.ToString(CultureInfo.InvariantCulture)),
            double d => ("Double", d.ToString("R", CultureInfo.InvariantCulture)),
            bool b => ("Boolean", b ? "true" : "false"),
            DateTimeOffset t => ("DateTimeOffset", t.ToString("O", CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Unsupported property type {value.GetType().Name}."),
        };
        json.WriteString("type", type);
        json.WriteString("value", text);
    }

    public static TableRow Deserialize(byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("properties").EnumerateObject())
        {
            var text = property.Value.GetProperty("value").GetString()!;
            properties[property.Name] = property.Value.GetProperty("type").GetString() switch
            {
                "String" => text,
                "Int32" => int.Parse(text, CultureInfo.InvariantCulture),
                "Int64" => long.Parse(text, CultureInfo.InvariantCulture),
                "Double" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                "Boolean" => text == "true",
                "DateTimeOffset" => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None),
                var other => throw new InvalidDataException($"Unknown property type '{other}' in a table row file."),
            };
        }

        return new TableRow(
            root.GetProperty("partitionKey").GetString()!,
            root.GetProperty("rowKey").GetString()!,
            properties,
            root.GetProperty("etag").GetString());
    }
}
