using System.IO.Compression;

namespace SendPipeline.Core.Submission;

/// <summary>
/// The submission package as one zip: entries in ordinal name order with fixed timestamps, so equal
/// files always give equal bytes, and the package's checksum changes only when a file does.
/// </summary>
public static class PackageZip
{
    /// <summary>Writes the files, whatever order they come in, sorted by name (ordinal).</summary>
    public static void Write(IEnumerable<(string Name, byte[] Content)> files, Stream output) =>
        Write(files.Select(f => (f.Name, (Action<Stream>)(s => s.Write(f.Content)))), output);

    /// <summary>
    /// Streams each file into the zip through its writer, so a large workbook or CSV never has to be
    /// held in memory. Each writer must write the same bytes whenever it is called with the same content.
    /// </summary>
    public static void Write(IEnumerable<(string Name, Action<Stream> WriteContent)> files, Stream output)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        var sorted = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            CheckName(sorted[i].Name);
            if (i > 0 && sorted[i].Name == sorted[i - 1].Name)
                throw new ArgumentException($"The package lists '{sorted[i].Name}' twice; each file needs its own name.", nameof(files));
        }

        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, writeContent) in sorted)
        {
            using var entry = FixedZipEntry.Create(archive, name).Open();
            writeContent(entry);
        }
    }

    /// <summary>A relative path with forward slashes: anything else unpacks differently, or outside the target folder.</summary>
    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.StartsWith('/') || name.Contains('\\') || name.EndsWith('/')
            || name.Split('/').Any(part => part is "" or "." or ".."))
            throw new ArgumentException($"'{name}' is not a valid package file name: use a relative path with '/' between folders, without '.', '..' or empty parts.", nameof(name));
    }
}
