using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// Pupil keys: lowercase hex HMAC-SHA256(secret, identifier). The same UPN (or ULN) always gives the same
/// key under one secret, so census and placement rows join, but without the secret the key cannot be
/// turned back into the identifier or matched against a list of UPNs. Keys are made afresh for each row,
/// not cached: a cache would hold a key per pupil of the region (issue 20), and one HMAC is cheap.
/// </summary>
public sealed class PupilKeys(byte[] secret)
{
    private readonly byte[] _secret = [.. secret];

    /// <summary>
    /// A hasher for one reading of a table: HMAC state is not shared, as tables are written side by side.
    /// </summary>
    public Hasher Open() => new(_secret);

    public sealed class Hasher(byte[] secret) : IDisposable
    {
        private const int LongestOnStack = 128;
        private readonly HMACSHA256 _hmac = new(secret);

        /// <summary>The key of a UPN or ULN, trimmed and upper-cased first (as canonical returns write them).</summary>
        public PupilKey Of(string identifier)
        {
            var trimmed = identifier.AsSpan().Trim();
            var upper = trimmed.Length <= LongestOnStack ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
            trimmed.ToUpperInvariant(upper);
            var length = Encoding.UTF8.GetByteCount(upper);
            var bytes = length <= 3 * LongestOnStack ? stackalloc byte[length] : new byte[length];
            Encoding.UTF8.GetBytes(upper, bytes);
            Span<byte> hash = stackalloc byte[PupilKey.Bytes];
            _hmac.TryComputeHash(bytes, hash, out _);
            return PupilKey.From(hash);
        }

        /// <summary>The pupil's key from the UPN, else the ULN; null when the row has neither.</summary>
        public PupilKey? Of(string? upn, string? uln) =>
            !string.IsNullOrWhiteSpace(upn) ? Of(upn) : !string.IsNullOrWhiteSpace(uln) ? Of(uln) : null;

        public void Dispose() => _hmac.Dispose();
    }
}

/// <summary>
/// A pupil key held as its 32 bytes rather than its 64 characters: a row group's worth become text as they are
/// written. Ordered as its text is ordered (big-endian bytes sort as lowercase hex does), null first.
/// </summary>
public readonly record struct PupilKey(ulong A, ulong B, ulong C, ulong D) : IComparable<PupilKey>
{
    public const int Bytes = 32;

    public static PupilKey From(ReadOnlySpan<byte> hash) => new(BinaryPrimitives.ReadUInt64BigEndian(hash),
        BinaryPrimitives.ReadUInt64BigEndian(hash[8..]), BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));

    public int CompareTo(PupilKey other) =>
        A != other.A ? A.CompareTo(other.A) : B != other.B ? B.CompareTo(other.B)
        : C != other.C ? C.CompareTo(other.C) : D.CompareTo(other.D);

    /// <summary>Null (a row with no UPN or ULN) first, as an ordinal sort of the text puts it.</summary>
    public static int Compare(PupilKey? x, PupilKey? y) =>
        x is { } a ? y is { } b ? a.CompareTo(b) : 1 : y is null ? 0 : -1;

    /// <summary>The key as Power BI sees it: 64 lowercase hex characters.</summary>
    public override string ToString()
    {
        Span<byte> hash = stackalloc byte[Bytes];
        BinaryPrimitives.WriteUInt64BigEndian(hash, A);
        BinaryPrimitives.WriteUInt64BigEndian(hash[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(hash[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(hash[24..], D);
        return Convert.ToHexStringLower(hash);
    }
}
