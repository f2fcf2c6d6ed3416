namespace SendPipeline.Workflows.Ports;

/// <summary>What the pipeline needs to know about a stored blob.</summary>
public sealed record BlobInfo(string Path, long Length, DateTimeOffset LastModified, string? ContentType = null);

/// <summary>Thrown by <see cref="IBlobStore.OpenReadAsync"/> when nothing is stored at the path.</summary>
public sealed class BlobNotFoundException(string path)
    : Exception($"No blob at '{path}'.")
{
    public string Path { get; } = path;
}

/// <summary>
/// The pipeline's blobs. A path is <c>{container}/{name}</c> with forward slashes, e.g.
/// <c>uploads/8552001/school-census/autumn.csv</c>; containers are the storage layout of
/// docs/architecture.md (uploads, reports, accepted, datasets, powerbi, submissions).
/// Adapters: a local folder (the embedded default) and Azure Blob Storage.
/// </summary>
public interface IBlobStore
{
    /// <summary>Opens a forward-only stream; callers must not assume it can seek.</summary>
    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The blob's size and time, or null when there is none.</summary>
    Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole content as one blob, atomically: a reader sees the old blob or the new one,
    /// never a part. With <paramref name="overwrite"/> false an existing blob is left alone and
    /// the call returns false; that is how "written once" outputs stay written once.
    /// </summary>
    Task<bool> WriteAsync(string path, Stream content, bool overwrite, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>Every blob whose path starts with <paramref name="prefix"/>, in ordinal path order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the blob if it exists; returns whether it did.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);
}
