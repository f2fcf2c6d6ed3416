namespace SendPipeline.Workflows.Ports;

public static class BlobStoreExtensions
{
    /// <summary>
    /// Renders an output (a report, a dataset table) into a <see cref="RenderBuffer"/> and stores it whole,
    /// replacing what was there: outputs are pure functions of their inputs, so a rerun writes the same bytes.
    /// </summary>
    public static async Task WriteRenderedAsync(this IBlobStore blobs, string path, string contentType, Action<Stream> render, CancellationToken cancellationToken = default)
    {
        using var buffer = new RenderBuffer();
        render(buffer);
        await blobs.WriteAsync(path, buffer.Rewind(), overwrite: true, contentType, cancellationToken);
    }
}
