using Microsoft.AspNetCore.Http;
using SendPipeline.Core.Reading;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Portal;

/// <summary>
/// <c>PUT /local-upload/{ticket}</c>: what blob storage does with a create-only SAS, locally. The bytes go to
/// the one path the ticket was issued for, only if nothing is there yet, with the same
/// <c>x-ms-blob-type: BlockBlob</c> header Azure requires, so the page's code is the same in both hosts.
/// </summary>
internal sealed class LocalUploadEndpoint(LocalUploadAccessIssuer issuer, IBlobStore blobs, LocalIngestQueue ingest)
{
    public async Task PutAsync(HttpContext http, string ticket)
    {
        if (!string.Equals(http.Request.Headers["x-ms-blob-type"], "BlockBlob", StringComparison.Ordinal))
        {
            await Problem(http, StatusCodes.Status400BadRequest, "The upload needs the header x-ms-blob-type: BlockBlob.");
            return;
        }
        if (issuer.Redeem(ticket) is not { } path)
        {
            await Problem(http, StatusCodes.Status403Forbidden, "This upload address has expired or was already used. Ask to send the file again.");
            return;
        }
        // Buffered to a private temporary file first (pupil data: never the shared temp folder), so the store's
        // atomic write sees a seekable whole and a broken connection leaves nothing behind.
        var temp = PrivateTemp.Current.NewFile(".upload");
        try
        {
            await using (var file = File.Create(temp))
                await http.Request.Body.CopyToAsync(file, http.RequestAborted);
            await using (var file = File.OpenRead(temp))
            {
                if (!await blobs.WriteAsync(path, file, overwrite: false, contentType: null, http.RequestAborted))
                {
                    await Problem(http, StatusCodes.Status409Conflict, "A file of that name was already sent.");
                    return;
                }
            }
        }
        finally
        {
            File.Delete(temp);
        }
        ingest.Enqueue(path);
        http.Response.StatusCode = StatusCodes.Status201Created;
    }

    private static Task Problem(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message);
    }
}
