using System.Runtime.CompilerServices;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Drill;

/// <summary>
/// A blob store that fails when <see cref="FaultSchedule"/> says, before the call reaches the store:
/// the request is lost, nothing is half done.
/// </summary>
public sealed class FaultyBlobStore(IBlobStore inner, FaultSchedule faults) : IBlobStore
{
    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        faults.BeforeRead("blob");
        return inner.OpenReadAsync(path, cancellationToken);
    }

    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        faults.BeforeRead("blob");
        return inner.GetInfoAsync(path, cancellationToken);
    }

    public async Task<bool> WriteAsync(string path, Stream content, bool overwrite, string? contentType = null, CancellationToken cancellationToken = default)
    {
        var write = faults.BeforeWrite("blob");
        var result = await inner.WriteAsync(path, content, overwrite, contentType, cancellationToken);
        faults.AfterWrite(write, "blob");
        return result;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        faults.BeforeRead("blob");
        await foreach (var blob in inner.ListAsync(prefix, cancellationToken)) yield return blob;
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var write = faults.BeforeWrite("blob");
        var result = await inner.DeleteAsync(path, cancellationToken);
        faults.AfterWrite(write, "blob");
        return result;
    }
}
