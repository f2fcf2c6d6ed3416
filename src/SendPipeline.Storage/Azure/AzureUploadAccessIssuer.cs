using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Storage.Azure;

/// <summary>
/// Create-only SAS for one blob. With an Entra credential (Azure) it is a user-delegation SAS: signed by
/// a key the Function App's identity obtains, so no account key exists, and revoking the identity's
/// role revokes every SAS. With a shared-key connection string (Azurite, development) the same SAS is
/// signed with that key. Create, not write: a SAS can add a new file but never replace one already sent.
/// </summary>
public sealed class AzureUploadAccessIssuer(BlobServiceClient blobs, TimeProvider clock) : IUploadAccessIssuer
{
    // One delegation key serves many SAS; it is renewed well before it expires.
    private static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromHours(2);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private UserDelegationKey? _delegationKey;

    public async Task<UploadGrant> GrantCreateAsync(string uploadPath, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var slash = uploadPath.IndexOf('/');
        if (slash <= 0 || slash == uploadPath.Length - 1) throw new ArgumentException($"'{uploadPath}' is not {{container}}/{{blob}}.", nameof(uploadPath));
        var blob = blobs.GetBlobContainerClient(uploadPath[..slash]).GetBlobClient(uploadPath[(slash + 1)..]);
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var sas = new BlobSasBuilder(BlobSasPermissions.Create, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            // Allows for a submitter's clock a few minutes fast.
            StartsOn = now.AddMinutes(-5),
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri) return new UploadGrant(uploadPath, blob.GenerateSasUri(sas), expires);

        var key = await DelegationKeyAsync(expires, cancellationToken);
        var uri = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
        return new UploadGrant(uploadPath, uri, expires);
    }

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset mustOutlive, CancellationToken cancellationToken)
    {
        if (_delegationKey is { } current && current.SignedExpiresOn > mustOutlive) return current;
        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (_delegationKey is { } renewed && renewed.SignedExpiresOn > mustOutlive) return renewed;
            var now = clock.GetUtcNow();
            var until = now + DelegationKeyLifetime > mustOutlive ? now + DelegationKeyLifetime : mustOutlive.AddMinutes(10);
            _delegationKey = (await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), until, cancellationToken)).Value;
            return _delegationKey;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
