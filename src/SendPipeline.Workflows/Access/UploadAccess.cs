using SendPipeline.Core.Uploads;

namespace SendPipeline.Workflows.Access;

/// <summary>The answer to a request for upload access: a grant, or why not and with which HTTP status.</summary>
public sealed record UploadAccessResult(int Status, UploadGrant? Grant, string? Problem)
{
    public const int Granted = 200, BadRequest = 400, Unauthenticated = 401, Forbidden = 403;
}

/// <summary>
/// Who may write where (issue 7): a submitter authenticated by their key gets create-only access, for
/// ten minutes, to one file in their own folder and nothing else: no read, no list, no other folder.
/// </summary>
public sealed class UploadAccess(SubmitterKeyStore keys, IUploadAccessIssuer issuer)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<UploadAccessResult> RequestAsync(string? presentedKey, string returnType, string fileName, CancellationToken cancellationToken = default)
    {
        if (await keys.AuthenticateAsync(presentedKey, cancellationToken) is not { } submitter)
            return new(UploadAccessResult.Unauthenticated, null, "The submitter key is missing, unknown or revoked. Ask the LA's data team for a new one.");
        return await GrantAsync(submitter, returnType, fileName, cancellationToken);
    }

    /// <summary>The same decision for a submitter already authenticated another way (the portal's session).</summary>
    public async Task<UploadAccessResult> GrantAsync(Submitter submitter, string returnType, string fileName, CancellationToken cancellationToken = default)
    {
        if (UploadRequestRules.PathFor(submitter, returnType.Trim(), fileName, out var problem) is not { } path)
            return new(submitter.MayUpload(returnType.Trim()) || !ReturnTypes.IsKnown(returnType.Trim()) ? UploadAccessResult.BadRequest : UploadAccessResult.Forbidden, null, problem);
        return new(UploadAccessResult.Granted, await issuer.GrantCreateAsync(path, Lifetime, cancellationToken), null);
    }
}
