using System.Security.Cryptography;

namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// Hashes the bytes as validation reads them, so checking that the blob is still the one the
/// trigger saw costs no second read. Dispose leaves the inner stream to its owner.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : SendPipeline.Core.Reading.ForwardReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    /// <summary>Reads whatever validation did not (it stops early on a file-level error) and returns the hash.</summary>
    public string Finish()
    {
        var buffer = new byte[81920];
        while (Read(buffer) > 0) { }
        var hash = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _hash.Dispose();
        return hash;
    }

    // The validator disposes what it reads; the hash must outlive that, so disposal happens in Finish.
    protected override void Dispose(bool disposing) { }
}
