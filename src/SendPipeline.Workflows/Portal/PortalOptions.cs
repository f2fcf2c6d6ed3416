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

    /// <summary>
    /// The secrets printed in this repository (the example settings file, and what it held before): public,
    /// so anyone could sign a session for any school with them. Refused wherever they are configured.
    /// </summary>
    public static readonly IReadOnlyList<string> PublishedSecrets =
        ["local-development-only-portal-session-secret", "example-not-a-secret-make-one-with-openssl-rand-base64-48"];

    /// <summary>How to make a real secret, in every refusal.</summary>
    public const string HowToMakeOne =
        "Make a real one with: openssl rand -base64 48 (azd's hook puts one in Key Vault as portal-session-secret).";

    /// <summary>
    /// At least 32 bytes: the session MAC is HMAC-SHA256, and a shorter key would be its weakest part; and
    /// never a secret published in this repository.
    /// </summary>
    public static PortalOptions FromSecret(string secret)
    {
        var setting = SessionSecretSetting.Replace(":", "__");
        if (PublishedSecrets.Contains(secret.Trim(), StringComparer.OrdinalIgnoreCase))
            throw new InvalidOperationException($"'{setting}' is the example from local.settings.json.example, which " +
                $"anyone can read, so anyone could forge a portal session with it. {HowToMakeOne}");
        var bytes = System.Text.Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32)
            throw new InvalidOperationException(
                $"'{setting}' must be at least 32 characters of random text. {HowToMakeOne}");
        return new PortalOptions(bytes);
    }
}
