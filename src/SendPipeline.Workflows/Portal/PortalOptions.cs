namespace SendPipeline.Workflows.Portal;

/// <summary>
/// The portal's settings: the secret its session tokens are signed with (app setting
/// <c>SendPipeline:PortalSessionSecret</c> in Azure, a Key Vault reference; random per process for
/// <c>sendpipeline serve</c>) and how long a session lasts.
/// </summary>
public sealed record PortalOptions(byte[] SessionSecret)
{
    public const string SessionSecretSetting = "SendPipeline:PortalSessionSecret";

    /// <summary>Long enough to fix a file and send it again; short enough that a shared PC left signed in soon is not.</summary>
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromMinutes(30);

    public TimeSpan SessionLifetime { get; init; } = DefaultSessionLifetime;

    /// <summary>At least 32 bytes: the session MAC is HMAC-SHA256, and a shorter key would be its weakest part.</summary>
    public static PortalOptions FromSecret(string secret)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32)
            throw new InvalidOperationException($"'{SessionSecretSetting.Replace(":", "__")}' must be at least 32 characters of random text.");
        return new PortalOptions(bytes);
    }
}
