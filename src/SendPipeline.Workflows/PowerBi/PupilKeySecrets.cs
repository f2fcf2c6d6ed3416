using System.Security.Cryptography;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.PowerBi;

/// <summary>Where the secret that keys pupil keys (HMAC-SHA256) comes from; read when the Power BI step runs.</summary>
public interface IPupilKeySecret
{
    /// <summary>Where the secret came from, for the summary: the setting's name, or the store path. Never the secret.</summary>
    string Source { get; }

    Task<byte[]> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The secret from configuration, base64: the Functions app's <c>SendPipeline:PupilKeySecret</c> (a Key
/// Vault reference in Azure) or the CLI's <c>SENDPIPELINE_PUPIL_KEY_SECRET</c>. Missing or malformed fails
/// when the step runs, naming the setting, so the rest of the rebuild and the ingest are unaffected.
/// </summary>
public sealed class ConfiguredPupilKeySecret(string? base64, string settingName) : IPupilKeySecret
{
    public string Source => settingName;

    public Task<byte[]> GetAsync(CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException($"Setting '{settingName}' is missing: the Power BI star schema needs a pupil key secret (base64 of at least 32 random bytes; in Azure a Key Vault reference).");
        byte[] secret;
        try { secret = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"Setting '{settingName}' is not base64; it must be the base64 of at least 32 random bytes."); }
        if (secret.Length < 32) throw new InvalidOperationException($"Setting '{settingName}' holds {secret.Length} bytes; the pupil key secret must be at least 32.");
        return Task.FromResult(secret);
    }
}

/// <summary>
/// For the local demo only, when no secret is configured: 32 random bytes made once and kept in the store
/// at <see cref="Path"/>, a container no output is written to, so keys stay stable across rebuilds of that
/// store and differ between stores. Anyone who can read the store can read it: production sets the secret.
/// </summary>
public sealed class StorePupilKeySecret(IBlobStore blobs) : IPupilKeySecret
{
    public const string Path = "secrets/pupil-key";

    public string Source => Path;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await blobs.GetInfoAsync(Path, cancellationToken) is null)
        {
            using var fresh = new MemoryStream(RandomNumberGenerator.GetBytes(32));
            // Written once: of two first rebuilds racing, both then read the one that won.
            await blobs.WriteAsync(Path, fresh, overwrite: false, "application/octet-stream", cancellationToken);
        }
        await using var stream = await blobs.OpenReadAsync(Path, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
