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

    /// <summary>
    /// An XLSX part may expand to at most this many times its compressed size once it is over
    /// <see cref="MaxExpandedPartBytes"/>: real sheets compress 5 to 30 times, a zip bomb thousands.
    /// </summary>
    public const int MaxPartCompressionRatio = 100;

    /// <summary>Parts smaller than this are never refused for their ratio (a sheet of one repeated value can compress well).</summary>
    public const long MaxExpandedPartBytes = 50L * 1024 * 1024;

    /// <summary>What a whole workbook may declare it expands to.</summary>
    public const long MaxExpandedWorkbookBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// The most a workbook's shared-strings part (its table of text, held in memory while the sheet is
    /// read) may expand to. A generated census of 1,000,000 pupils saved with every value as text has
    /// 58 MB of it, so a 100 MB workbook of the same (1.9 million rows) about 110 MB; held as a
    /// <see cref="SharedStringTable"/>, 128 MB of it costs at most about 130 MB of memory.
    /// </summary>
    public const long MaxSharedStringsBytes = 128L * 1024 * 1024;

    /// <summary>
    /// The most any other part read whole (the workbook, its relationships, its styles) may expand to:
    /// real ones are kilobytes, a heavily formatted workbook's styles a few megabytes.
    /// </summary>
    public const long MaxSmallPartBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The longest run of an XLSX part without markup (one value, one tag, one comment): an XML reader
    /// holds each whole, and a cell holds at most 32,767 characters.
    /// </summary>
    public const int MaxXmlTokenBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The most parts (zip entries) a workbook may have: a real one has a dozen, or a few hundred with
    /// many sheets and pictures; opening a zip costs a few hundred bytes of memory for each.
    /// </summary>
    public const int MaxWorkbookParts = 10_000;
}
