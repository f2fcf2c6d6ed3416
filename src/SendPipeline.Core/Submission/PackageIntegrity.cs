namespace SendPipeline.Core.Submission;

/// <summary>
/// Whether the files of a published version are still exactly what was published: the manifest is
/// the one recorded when the version was claimed, every file it lists is present with its SHA-256
/// and length, and nothing else is in the folder. Delivery sends only a package with no problem, so
/// what the DfE receives is what the five signed off.
/// </summary>
public static class PackageIntegrity
{
    /// <summary>
    /// The problems, one sentence each naming the file and what is wrong; empty when the package is intact.
    /// </summary>
    /// <param name="files">Every file found in the version's folder, the manifest included.</param>
    /// <param name="manifestSha256">The manifest's SHA-256 as recorded at publication (hex, lower case).</param>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PackageFile> files, string manifestSha256)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var manifestFile = files.FirstOrDefault(f => f.Name == PackageManifest.FileName);
        if (manifestFile is null) return [$"{PackageManifest.FileName} is missing."];
        if (!string.Equals(manifestFile.Sha256, manifestSha256, StringComparison.OrdinalIgnoreCase))
            problems.Add($"{PackageManifest.FileName} has changed since publication (its SHA-256 is {Short(manifestFile.Sha256)}, " +
                         $"{Short(manifestSha256)} was recorded).");

        PackageManifest manifest;
        try
        {
            manifest = PackageManifest.Read(new MemoryStream(manifestFile.Content));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            problems.Add($"{PackageManifest.FileName} is not a readable manifest, so no file can be checked against it.");
            return problems;
        }

        var found = files.Where(f => f.Name != PackageManifest.FileName).ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var listed in manifest.Files ?? [])
        {
            if (!found.Remove(listed.Name, out var file))
                problems.Add($"{listed.Name} is missing: the manifest lists it.");
            else if (!string.Equals(file.Sha256, listed.Sha256, StringComparison.OrdinalIgnoreCase) || file.Content.LongLength != listed.Bytes)
                problems.Add($"{listed.Name} has changed since publication (its SHA-256 is {Short(file.Sha256)}, the manifest says {Short(listed.Sha256)}).");
        }
        foreach (var extra in found.Keys.Order(StringComparer.Ordinal))
            problems.Add($"{extra} is not in the manifest: it was added after publication.");
        return problems;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
