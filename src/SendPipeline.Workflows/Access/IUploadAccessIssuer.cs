namespace SendPipeline.Workflows.Access;

/// <summary>Write access to exactly one blob: the URL to PUT the file to, and when it stops working.</summary>
public sealed record UploadGrant(string UploadPath, Uri UploadUrl, DateTimeOffset ExpiresOn);

/// <summary>
/// Hands out short-lived, create-only access to one upload path. Azure: a user-delegation SAS signed
/// with the Function App's identity (no account key anywhere); Azurite and development accounts: the
/// same SAS signed with the development key.
/// </summary>
public interface IUploadAccessIssuer
{
    /// <param name="uploadPath"><c>{container}/{blob}</c>, already checked to be in the submitter's own folder.</param>
    Task<UploadGrant> GrantCreateAsync(string uploadPath, TimeSpan lifetime, CancellationToken cancellationToken = default);
}
