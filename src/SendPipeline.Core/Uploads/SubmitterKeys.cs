using System.Security.Cryptography;
using System.Text;

namespace SendPipeline.Core.Uploads;

/// <summary>A key as issued: <see cref="Key"/> is shown once to the submitter; only <see cref="Hash"/> is stored.</summary>
public sealed record IssuedSubmitterKey(string SubmitterId, string Key, string Hash);

/// <summary>
/// Per-submitter upload keys (docs/security.md): <c>{submitter}.{secret}</c>, the secret 32 random bytes in
/// base64url. Schools and providers are not in the LA's Entra tenant, so a key the LA issues and can
/// revoke is what they can use; the pipeline keeps only a SHA-256 of it. A plain hash is enough, with no
/// slow password hash, because the secret is 256 random bits, not something a person chose.
/// </summary>
public static class SubmitterKeys
{
    private const int SecretBytes = 32;

    public static IssuedSubmitterKey Issue(string submitterId)
    {
        if (!Submitter.TryParse(submitterId, out _))
            throw new ArgumentException($"'{submitterId}' is not a submitter id (spec section 1: an LAEstab, a URN or UKPRN, svc-… or la).", nameof(submitterId));
        var key = submitterId + "." + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return new IssuedSubmitterKey(submitterId, key, HashOf(key));
    }

    /// <summary>The submitter a presented key claims to be; false when it is not shaped like a key at all.</summary>
    public static bool TryReadSubmitter(string? presented, out string submitterId)
    {
        submitterId = "";
        if (string.IsNullOrEmpty(presented) || presented.Length > 200) return false;
        var dot = presented.LastIndexOf('.');
        if (dot <= 0 || presented.Length - dot - 1 != Base64UrlLength) return false;
        submitterId = presented[..dot];
        return Submitter.TryParse(submitterId, out _);
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(storedHash));

    private static readonly int Base64UrlLength = Base64Url(new byte[SecretBytes]).Length;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
