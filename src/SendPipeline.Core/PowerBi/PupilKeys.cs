using System.Security.Cryptography;
using System.Text;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// Pupil keys: lowercase hex HMAC-SHA256(secret, identifier). The same UPN (or ULN) always gives the same
/// key under one secret, so census and placement rows join, but without the secret the key cannot be
/// turned back into the identifier or matched against a list of UPNs. Keys are cached: a pupil is on
/// several censuses and placements.
/// </summary>
public sealed class PupilKeys(byte[] secret) : IDisposable
{
    private readonly HMACSHA256 _hmac = new(secret);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>The key of a UPN or ULN, trimmed and upper-cased first (as canonical returns write them).</summary>
    public string Of(string identifier)
    {
        var normal = identifier.Trim().ToUpperInvariant();
        if (_keys.TryGetValue(normal, out var key)) return key;
        Span<byte> hash = stackalloc byte[32];
        _hmac.TryComputeHash(Encoding.UTF8.GetBytes(normal), hash, out _);
        return _keys[normal] = Convert.ToHexStringLower(hash);
    }

    /// <summary>The pupil's key from the UPN, else the ULN; null when the row has neither.</summary>
    public string? Of(string? upn, string? uln) =>
        !string.IsNullOrWhiteSpace(upn) ? Of(upn) : !string.IsNullOrWhiteSpace(uln) ? Of(uln) : null;

    public void Dispose() => _hmac.Dispose();
}
