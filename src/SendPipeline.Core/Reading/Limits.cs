namespace SendPipeline.Core.Reading;

/// <summary>Bounds that keep one hostile or mistaken file from exhausting memory.</summary>
public static class Limits
{
    /// <summary>Spec 1: files over 100 MB are refused.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    /// <summary>No return has more than a few dozen columns; thousands means the file is not a return.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>A row longer than this is runaway quoting or not a table at all.</summary>
    public const int MaxRowChars = 1 << 20;
}
