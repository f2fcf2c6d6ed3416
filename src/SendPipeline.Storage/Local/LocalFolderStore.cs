using System.Runtime.CompilerServices;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Local;

/// <summary>
/// Blobs and tables in a plain folder: the embedded default, so the pipeline runs with no server.
/// Blob <c>{container}/{name}</c> is the file <c>{root}/{container}/{name}</c>; tables live under
/// <c>{root}/.tables</c>, which no valid container name can reach.
/// </summary>
/// <remarks>
/// Unlike Azure, a folder cannot hold both a blob <c>a/b</c> and a blob <c>a/b/c</c>; the second
/// write fails with an <see cref="IOException"/>. The pipeline's layout never needs both.
/// </remarks>
public sealed partial class LocalFolderStore : IBlobStore, ITableStore
{
    // Temp files share the target's directory so the final File.Move is a same-volume rename, which
    // is what makes it atomic. Names with this prefix are hidden from listings and refused as blobs.
    // The rest of the name says which process wrote it (TempFileOwner), so a killed writer's can be removed.
    private const string TempPrefix = ".sendpipeline-tmp-";

    private readonly string _root;
    private readonly bool _flushToDisk;

    /// <param name="flushToDisk">
    /// False only for bulk preparation (the benchmarks' stores), where a crash just means preparing
    /// again: every write is then still atomic, but not forced to disk before it returns.
    /// </param>
    public LocalFolderStore(string root, bool flushToDisk = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _flushToDisk = flushToDisk;
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = BlobFile(path);
        try
        {
            // FileShare.Delete lets a concurrent overwrite rename over the file while we read the old one.
            // Unbuffered (bufferSize 0): every reader of blobs reads in large chunks of its own, and an
            // 80 KB buffer per stream was most of what a rebuild of 20,000 canonical returns allocated.
            Stream stream = new FileStream(file, FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
                                  && !File.Exists(file))
        {
            throw new BlobNotFoundException(path);
        }
    }

    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(BlobFile(path));
        return Task.FromResult(info.Exists ? ToBlobInfo(path, info) : null);
    }

    public async Task<bool> WriteAsync(string path, Stream content, bool overwrite, string? contentType = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = BlobFile(path);
        // Cheap early out; the move below is what actually guarantees write-once.
        if (!overwrite && File.Exists(file)) return false;

        var directory = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, TempPrefix + TempFileOwner.NewTempSuffix());
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                             81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(output, cancellationToken);
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: _flushToDisk);
            }

            return MoveIntoPlace(temp, file, overwrite);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorageRules.CheckPrefix(prefix);
        var matches = new List<(string Path, FileInfo File)>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var start in ListStartDirectories(prefix))
        {
            foreach (var file in start.EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (file.Name.StartsWith(TempPrefix, StringComparison.Ordinal)) continue;
                var relative = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                // Stray files (a README inside a container folder, say) are not blobs unless they are valid paths.
                if (!relative.StartsWith(prefix, StringComparison.Ordinal) || !StorageRules.IsValidPath(relative)) continue;
                matches.Add((relative, file));
            }
        }

        matches.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var (relative, file) in matches)
        {
            yield return ToBlobInfo(relative, file);
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// Only the folder named by the prefix's whole segments needs walking; a prefix that stops inside
    /// the container name walks just the matching container folders, never the row files in .tables.
    /// </summary>
    private IEnumerable<DirectoryInfo> ListStartDirectories(string prefix)
    {
        var lastSlash = prefix.LastIndexOf('/');
        if (lastSlash >= 0)
        {
            var start = new DirectoryInfo(Path.Combine(_root, prefix[..lastSlash]));
            return start.Exists ? [start] : [];
        }

        return new DirectoryInfo(_root).EnumerateDirectories()
            .Where(d => d.Name.StartsWith(prefix, StringComparison.Ordinal) && StorageRules.IsValidContainer(d.Name));
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = BlobFile(path);
        // File.Delete is silent when the file is already gone, so two racing deleters would both
        // report true. Renaming first is atomic: exactly one of them gets the file.
        var doomed = Path.Combine(Path.GetDirectoryName(file)!, TempPrefix + TempFileOwner.NewTempSuffix());
        try
        {
            File.Move(file, doomed);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        File.Delete(doomed);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Removes temp files left by processes that are no longer running (killed mid-write; such a file may
    /// hold pupil data copied from an upload). A live process's temp files, and temp files whose name does
    /// not say who wrote them, are kept. Returns how many were removed.
    /// </summary>
    /// <remarks>
    /// Cost: one walk of every folder in the store (blobs and .tables), a directory listing per folder and
    /// one /proc read per distinct writer; fine for an LA's store at command start. Skipped for stores made
    /// with flushToDisk false (the benchmarks', tens of thousands of files, prepared again after a crash).
    /// </remarks>
    public int RemoveOrphanedTempFiles()
    {
        if (!_flushToDisk) return 0;
        var removed = 0;
        var startMarks = new Dictionary<int, string?>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true,
        };
        foreach (var file in Directory.EnumerateFiles(_root, TempPrefix + "*", options))
        {
            if (!TempFileOwner.IsOrphaned(Path.GetFileName(file)[TempPrefix.Length..], startMarks)) continue;
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process's cleanup may race us to it; what is left is tried again next start.
            }
        }

        return removed;
    }

    private static bool MoveIntoPlace(string temp, string file, bool overwrite)
    {
        if (overwrite)
        {
            File.Move(temp, file, overwrite: true);
            return true;
        }

        return NoReplaceMove.TryMove(temp, file);
    }

    private string BlobFile(string path)
    {
        var (_, name) = StorageRules.SplitPath(path);
        var leaf = name[(name.LastIndexOf('/') + 1)..];
        if (leaf.StartsWith(TempPrefix, StringComparison.Ordinal))
            throw new ArgumentException($"Blob names starting '{TempPrefix}' are reserved.", nameof(path));
        var full = Path.GetFullPath(Path.Combine(_root, path));
        // SplitPath already refused '..' and rooted paths; this is the backstop against anything it missed.
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Path '{path}' escapes the store root.", nameof(path));
        return full;
    }

    private static BlobInfo ToBlobInfo(string path, FileInfo file) =>
        new(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
}
