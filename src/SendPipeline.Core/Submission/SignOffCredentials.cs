using System.Security.Cryptography;
using System.Text;

namespace SendPipeline.Core.Submission;

/// <summary>
/// A signer proven by a credential: who (<see cref="SignerId"/>, one person whatever name they type),
/// the name to record, the credential that proved it, and the sign-off roles it lets them sign. Made
/// only from a signer key the LA issued or from the identity App Service Authentication validated.
/// </summary>
public sealed record VerifiedSigner(string SignerId, string Name, string CredentialId, IReadOnlyList<string> Roles);

/// <summary>
/// A signer key as issued: <see cref="Key"/> is shown once to its holder;
/// only <see cref="Hash"/> is kept.
/// </summary>
public sealed record IssuedSignerKey(string KeyId, string Key, string Hash, string Role, string Name);

/// <summary>
/// Signer keys for running the submission without Entra ID (the CLI on a folder or a storage account):
/// the LA issues one per person and role, like an upload key (docs/security.md). The key is
/// <c>signer.{secret}</c>, the secret 32 random bytes in base64url; the pipeline keeps its SHA-256 and
/// names it by the hash's first 16 hex characters, its key id. The holder's name comes from the key,
/// never from the command line, so a signature says who the LA gave the key to.
/// </summary>
public static class SignerKeys
{
    public const string Prefix = "signer.";
    private const int SecretBytes = 32;
    private static readonly int KeyLength = Prefix.Length + Base64Url(new byte[SecretBytes]).Length;

    public static IssuedSignerKey Issue(SignOffRole role, string name)
    {
        var person = PersonName(name) ?? throw new ArgumentException(NotAPersonName(name), nameof(name));
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var hash = HashOf(key);
        return new IssuedSignerKey(IdOf(hash), key, hash, role.Id, person);
    }

    /// <summary>The key id of a presented key, or null when it is not shaped like a signer key at all.</summary>
    public static string? IdOfPresented(string? presented)
    {
        presented = presented?.Trim();
        return presented?.Length == KeyLength && presented.StartsWith(Prefix, StringComparison.Ordinal)
            ? IdOf(HashOf(presented)) : null;
    }

    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static string IdOf(string hash) => hash[..16];

    /// <summary>Compares in constant time, so the time taken says nothing of how much of a guess was right.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>The name as recorded: spaces collapsed; null unless it is two or more words with letters.</summary>
    public static string? PersonName(string? name)
    {
        var words = (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var plausible = words.Length >= 2 && words.All(w => w.Any(char.IsLetter))
            && words.Sum(w => w.Length + 1) <= 120;
        return plausible ? string.Join(' ', words) : null;
    }

    public static string NotAPersonName(string? name) =>
        $"'{name}' is not a person's full name: give their first name and surname, e.g. --name \"Alex Morgan\".";

    /// <summary>
    /// The person a name stands for: letters and digits only, case-folded, so "Alex  Morgan" and
    /// "alex morgan." are one person and cannot hold two roles between them.
    /// </summary>
    public static string PersonKey(string name) =>
        string.Join('-', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]).ToLowerInvariant()).Where(w => w.Length > 0));

    public static VerifiedSigner Signer(string keyId, string role, string name) =>
        new("local:" + PersonKey(name), name, CredentialIdOf(keyId), [role]);

    /// <summary>How a sign-off records the signer key that proved it.</summary>
    public static string CredentialIdOf(string keyId) => "signer-key:" + keyId;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
