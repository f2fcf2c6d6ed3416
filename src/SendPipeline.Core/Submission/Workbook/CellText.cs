using System.Text;
using System.Text.RegularExpressions;

namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// Text made safe for a worksheet: valid XML 1.0, and read back by Excel as exactly what was written.
/// The OpenXml SDK writes the XML but refuses characters XML cannot carry and leaves Excel's own
/// <c>_xHHHH_</c> escapes alone, so both are handled here.
/// </summary>
internal static partial class CellText
{
    /// <summary>
    /// Drops the characters XML 1.0 cannot carry (controls other than tab, line feed and carriage
    /// return; U+FFFE and U+FFFF) and turns an unpaired surrogate into U+FFFD, which is what writing
    /// the same text to a UTF-8 CSV gives. Returns the same instance when nothing needed changing.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = FirstInvalid(text);
        if (firstBad < 0) return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    /// <summary>
    /// Excel reads <c>_xHHHH_</c> in a string as the character with that code, so text that happens to
    /// contain such a run has its underscore escaped as <c>_x005F_</c> (ECMA-376 ST_Xstring) to come back
    /// unchanged. Every such underscore is escaped, so runs that touch (<c>_x0041_x0042_</c>) survive too.
    /// A carriage return is written as <c>_x000D_</c>: the SDK's XML writer would turn CR LF into LF.
    /// </summary>
    public static string EscapeForExcel(string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal)) text = UnderscoreStartingCodeRun().Replace(text, "_x005F_");
        return text.Contains('\r') ? text.Replace("\r", "_x000D_", StringComparison.Ordinal) : text;
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || !IsAllowed(c)) return i;
        }
        return -1;
    }

    private static bool IsAllowed(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');

    [GeneratedRegex("_(?=x[0-9A-Fa-f]{4}_)")]
    private static partial Regex UnderscoreStartingCodeRun();
}
