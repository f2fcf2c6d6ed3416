using SendPipeline.Workflows.Access;

namespace SendPipeline.Storage.Azure;

public sealed partial class AzureStorageStore
{
    /// <summary>The upload SAS issuer for this account, signing as this store's credential does.</summary>
    public IUploadAccessIssuer UploadAccessIssuer(TimeProvider? clock = null) => new AzureUploadAccessIssuer(_blobs, clock ?? TimeProvider.System);
}
