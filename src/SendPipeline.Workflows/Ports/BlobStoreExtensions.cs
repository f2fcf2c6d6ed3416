namespace SendPipeline.Workflows.Ports;

public static class BlobStoreExtensions
{
    /// <summary>
    /// Renders a small output (a report, a dataset table) in memory and stores it whole, replacing
    /// what was there: outputs are pure functions of their inputs, so a rerun writes the same bytes.
    /// </summary>
    public static async Task WriteRenderedAsync(this IBlobStore blobs, string path, string contentType, Action<Stream> render, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        render(buffer);
        buffer.Position = 0;
        await blobs.WriteAsync(path, buffer, overwrite: true, contentType, cancellationToken);
    }
}
