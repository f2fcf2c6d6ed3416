namespace SendPipeline.Workflows.Portal;

/// <summary>A whole HTTP answer, ready for either host to copy out: status, headers (content type included) and body.</summary>
public sealed record PortalReply(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string ContentType => Headers["Content-Type"];
}

/// <summary>An HTTP request as the portal sees it, whichever host received it.</summary>
/// <param name="Path">The path after <see cref="PortalApi.Prefix"/>, e.g. <c>/uploads/{id}</c>; empty for the page.</param>
/// <param name="Authorization">The <c>Authorization</c> header, <c>Bearer {session token}</c>.</param>
/// <param name="Client">The caller's address as the host knows it, for the sign-in rate limit; null if unknown.</param>
public sealed record PortalRequest(
    string Method, string Path, string? Authorization, Stream Body, string? Client = null);
