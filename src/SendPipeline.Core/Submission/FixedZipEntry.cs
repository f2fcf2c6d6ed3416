using System.IO.Compression;

namespace SendPipeline.Core.Submission;

/// <summary>
/// Zip entries stamped with one fixed time, so a package or workbook depends only on its content:
/// the same tables give the same bytes and the same checksum, run after run.
/// </summary>
internal static class FixedZipEntry
{
    /// <summary>Any fixed instant would do; zip (DOS) time cannot go before 1980.</summary>
    public static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ZipArchiveEntry Create(ZipArchive archive, string name, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = Timestamp;
        return entry;
    }
}
