namespace SendPipeline.Core.Reading;

public enum FileKind { Text, Xlsx, Empty, Utf16, Binary }

/// <summary>
/// Decides from the first bytes what an upload really is, whatever its name says: a school that
/// renames a workbook to .csv still gets its workbook read, and a PDF gets a plain answer.
/// </summary>
public static class FileSniffer
{
    public const int PrefixLength = 8192;

    public static (FileKind Kind, string Detail) Sniff(ReadOnlySpan<byte> prefix)
    {
        if (prefix.IsEmpty) return (FileKind.Empty, "");
        if (prefix.StartsWith("PK\u0003\u0004"u8)) return (FileKind.Xlsx, "");
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (FileKind.Utf16, "UTF-16 (Excel's \"Unicode Text\")");
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return (FileKind.Binary, "it is an Excel 97–2003 (.xls) workbook.");
        if (prefix.StartsWith("%PDF"u8)) return (FileKind.Binary, "it is a PDF document.");
        var nulls = prefix.Count((byte)0);
        if (nulls > 0)
        {
            // UTF-16 without a BOM: ASCII text with a NUL beside every character.
            if (nulls * 3 >= prefix.Length) return (FileKind.Utf16, "UTF-16 without a byte order mark");
            return (FileKind.Binary, "it contains binary data, not text.");
        }
        var controls = 0;
        foreach (var b in prefix)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0C) controls++;
        if (controls * 20 > prefix.Length) return (FileKind.Binary, "it contains binary data, not text.");
        return (FileKind.Text, "");
    }
}
