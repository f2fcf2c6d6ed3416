using System.Text;

namespace SendPipeline.SampleData.Tests;

/// <summary>A generated upload of any return type read back as text, with the encoding it was found in.</summary>
internal sealed record ReadTable(string File, string Submitter, string ReturnType, string Encoding, string[] Header, List<string[]> Rows)
{
    public int Column(string name) => Array.IndexOf(Header, name) is >= 0 and var i ? i : throw new KeyNotFoundException($"{File} has no column {name}");
}

/// <summary>
/// Reads generated files as a person's tools would: RFC 4180 CSV in UTF-8 when the bytes are
/// valid UTF-8, else Windows-1252; workbooks through the census reader.
/// </summary>
internal static class TableReader
{
    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static ReadTable Read(string root, string upload)
    {
        var parts = upload.Split('/');
        var path = Path.Combine(root, upload);
        if (upload.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            var (header, rows) = CensusFileReader.Read(path);
            return new ReadTable(upload, parts[1], parts[2], "xlsx", header, rows);
        }
        var bytes = File.ReadAllBytes(path);
        string text, encoding;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            encoding = bytes.AsSpan().StartsWith("\uFEFF"u8) ? "utf-8-bom" : "utf-8";
        }
        catch (DecoderFallbackException)
        {
            text = Windows1252.GetString(bytes);
            encoding = "windows-1252";
        }
        var records = ParseCsv(text.TrimStart('\uFEFF'));
        return new ReadTable(upload, parts[1], parts[2], encoding, records[0], records.Skip(1).ToList());
    }

    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }
}
