using System.Globalization;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// Published packages: <c>submissions/{quarter}/v{n}/</c>, each file written once and never
/// overwritten. <c>manifest.json</c> goes last, so a version without one is incomplete (a run that
/// died part-way): it is never read as a package and its number is never reused, though the run that
/// claimed it in <see cref="PackageRegister"/> may be finished with the same bytes.
/// </summary>
public sealed class PackageStore(IBlobStore blobs)
{
    /// <summary>The highest complete version's manifest, or null when none has been published.</summary>
    public async Task<PackageManifest?> LatestAsync(string quarter, CancellationToken cancellationToken = default)
    {
        foreach (var version in (await VersionsAsync(quarter, cancellationToken)).OrderDescending())
        {
            var path = $"{QuarterPaths.Version(quarter, version)}/{PackageManifest.FileName}";
            if (await blobs.GetInfoAsync(path, cancellationToken) is null) continue;
            await using var json = await blobs.OpenReadAsync(path, cancellationToken);
            return PackageManifest.Read(json);
        }
        return null;
    }

    /// <summary>One more than any version folder that exists, complete or not.</summary>
    public Task<int> NextVersionAsync(string quarter, CancellationToken cancellationToken = default) =>
        NextVersionAsync(quarter, [], cancellationToken);

    /// <summary>One more than any version folder that exists or any version number <paramref name="claimed"/>.</summary>
    public async Task<int> NextVersionAsync(string quarter, IEnumerable<int> claimed, CancellationToken cancellationToken = default)
    {
        var versions = (await VersionsAsync(quarter, cancellationToken)).Concat(claimed).ToList();
        return versions.Count == 0 ? 1 : versions.Max() + 1;
    }

    /// <summary>True when the version's manifest, written last, is there.</summary>
    public async Task<bool> IsCompleteAsync(string quarter, int version, CancellationToken cancellationToken = default) =>
        await blobs.GetInfoAsync($"{QuarterPaths.Version(quarter, version)}/{PackageManifest.FileName}", cancellationToken) is not null;

    /// <summary>
    /// Finishes a version a run claimed and stopped writing: the files not yet there are written, the
    /// manifest last. A version whose manifest is there is complete and left exactly as it is (delivery
    /// checks it). Returns how many files were written, or null when a file already there holds other
    /// bytes than <paramref name="files"/>, so the version cannot be the one they describe.
    /// </summary>
    public async Task<int?> CompleteAsync(string quarter, int version, IReadOnlyList<PackageFile> files, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Version(quarter, version);
        if (await blobs.GetInfoAsync($"{folder}/{PackageManifest.FileName}", cancellationToken) is not null) return 0;
        var written = 0;
        foreach (var file in files.OrderBy(f => f.Name == PackageManifest.FileName ? 1 : 0))
        {
            var path = $"{folder}/{file.Name}";
            if (await blobs.WriteAsync(path, new MemoryStream(file.Content), overwrite: false, ContentType(file.Name), cancellationToken)) written++;
            else if (!(await ReadBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(file.Content)) return null;
        }
        return written;
    }

    /// <summary>Writes a version's files, the manifest last; fails rather than overwrite anything.</summary>
    public async Task<string> WriteAsync(string quarter, int version, IReadOnlyList<PackageFile> files, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Version(quarter, version);
        foreach (var file in files.OrderBy(f => f.Name == PackageManifest.FileName ? 1 : 0))
        {
            if (!await blobs.WriteAsync($"{folder}/{file.Name}", new MemoryStream(file.Content), overwrite: false, ContentType(file.Name), cancellationToken))
                throw new InvalidOperationException($"{folder}/{file.Name} already exists: package versions are written once. Another run published this version; run the submission again.");
        }
        return folder;
    }

    public async Task<IReadOnlyList<PackageFile>> ReadAsync(string quarter, int version, CancellationToken cancellationToken = default)
    {
        var folder = QuarterPaths.Version(quarter, version);
        var files = new List<PackageFile>();
        await foreach (var blob in blobs.ListAsync(folder + "/", cancellationToken))
            files.Add(new PackageFile(blob.Path[(folder.Length + 1)..], await ReadBytesAsync(blob.Path, cancellationToken)));
        return files;
    }

    private async Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(path, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private async Task<List<int>> VersionsAsync(string quarter, CancellationToken cancellationToken)
    {
        var prefix = QuarterPaths.Root(quarter) + "/v";
        var versions = new HashSet<int>();
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken))
        {
            var rest = blob.Path.AsSpan(prefix.Length);
            var slash = rest.IndexOf('/');
            if (slash > 0 && int.TryParse(rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) versions.Add(version);
        }
        return [.. versions];
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
