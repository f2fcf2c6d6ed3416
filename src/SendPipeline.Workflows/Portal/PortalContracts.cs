using SendPipeline.Core.Validation;

namespace SendPipeline.Workflows.Portal;

/// <summary>
/// A portal answer, host-neutral: the HTTP status, and either the value or the plain-English problem
/// shown to the user as it is.
/// </summary>
public sealed record PortalResult<T>(int Status, T? Value, string? Problem)
{
    public bool Succeeded => Value is not null;
}

/// <summary>The HTTP statuses the portal uses, named once.</summary>
public static class PortalStatus
{
    public const int Ok = 200, BadRequest = 400, Unauthenticated = 401, Forbidden = 403, NotFound = 404, TooLarge = 413,
        TooManyRequests = 429;

    public static PortalResult<T> Success<T>(T value) => new(Ok, value, null);

    public static PortalResult<T> Fail<T>(int status, string problem) => new(status, default, problem);
}

/// <summary>What the page needs after signing in, and on reload: who, until when, and what they may send.</summary>
public sealed record SessionInfo(string SubmitterId, DateTimeOffset ExpiresOn, IReadOnlyList<string> ReturnTypes)
{
    /// <summary>Only in the answer to signing in; the page keeps it for the tab's life and sends it as a bearer token.</summary>
    public string? Token { get; init; }
}

/// <summary>The answer to signing out.</summary>
public sealed record SignedOutInfo(bool SignedOut);

/// <summary>The page's request to send a file: what it is, the name on the user's disk, and its size in bytes.</summary>
public sealed record PortalUploadRequest(string? ReturnType, string? FileName, long? Size);

/// <summary>Where and how to PUT the file: the SAS URL in Azure, serve's one-shot endpoint locally.</summary>
public sealed record PortalUploadGrant(string UploadUrl, string UploadPath, DateTimeOffset ExpiresOn, IReadOnlyDictionary<string, string> Headers);

/// <summary>One of the submitter's uploads, as the <c>uploads</c> table records it.</summary>
public sealed record PortalUpload(
    string UploadId,
    string UploadPath,
    string FileName,
    string ReturnType,
    string Status,
    string? Period,
    DateTimeOffset? ReceivedUtc,
    long RowsRead,
    long Errors,
    long Queries);

/// <summary>An upload with its validation report: the one place the uploader sees their own file's values.</summary>
public sealed record PortalUploadDetail(PortalUpload Upload, ValidationReport Report);

/// <summary>A file the portal hands back whole (the CSV report).</summary>
public sealed record PortalFile(string FileName, string ContentType, byte[] Content);
