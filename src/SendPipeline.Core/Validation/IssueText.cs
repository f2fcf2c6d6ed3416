using System.Globalization;

namespace SendPipeline.Core.Validation;

/// <summary>
/// The one place that decides how much of an uploaded value a report repeats. A value of a megabyte
/// repeated in three reports for every bad row would make reports larger than the upload; the
/// uploader needs only enough to find the cell, and the length says how much was there.
/// </summary>
public static class IssueText
{
    /// <summary>A value, a column heading or a message's argument is shown in at most this many characters.</summary>
    public const int MaxChars = 100;

    /// <summary>
    /// The text itself when it fits, otherwise its start, an ellipsis and its original length, in at
    /// most <see cref="MaxChars"/> characters (so shortening twice changes nothing).
    /// </summary>
    public static string Shorten(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxChars) return text.ToString();
        var suffix = string.Create(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
        var keep = MaxChars - suffix.Length;
        // Never cut a character in two: a lone half of a surrogate pair is not valid text.
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return string.Concat(text[..keep], suffix);
    }

    public static string? Shorten(string? text) =>
        text is null || text.Length <= MaxChars ? text : Shorten(text.AsSpan());
}
