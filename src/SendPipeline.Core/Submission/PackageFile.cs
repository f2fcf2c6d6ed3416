using System.Security.Cryptography;

namespace SendPipeline.Core.Submission;

/// <summary>One file of a published package, by its name within <c>submissions/{quarter}/v{n}/</c>.</summary>
public sealed record PackageFile(string Name, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}
