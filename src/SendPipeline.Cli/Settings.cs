using SendPipeline.Workflows;

namespace SendPipeline.Cli;

internal static class Settings
{
    /// <summary>--la, else SENDPIPELINE_LA_CODE, else the demo LA.</summary>
    public static string LaCode(CommandLine args)
    {
        var code = args.Option("la") ?? Environment.GetEnvironmentVariable(PipelineOptions.LaCodeEnvironmentVariable) ?? PipelineOptions.DefaultLaCode;
        if (code.Length != 3 || !code.All(char.IsAsciiDigit)) throw new UsageException($"The LA code must be 3 digits, not '{code}'.");
        return code;
    }

    /// <summary>--suppress-under N, else SENDPIPELINE_SUPPRESS_UNDER, else off.</summary>
    public static int? SuppressUnder(CommandLine args) => ParseThreshold(args.Option("suppress-under") ?? Environment.GetEnvironmentVariable(PipelineOptions.SuppressUnderEnvironmentVariable));

    /// <summary>SENDPIPELINE_SUPPRESS_UNDER, for commands without the option (ingest, bench).</summary>
    public static int? SuppressUnderFromEnvironment() => ParseThreshold(Environment.GetEnvironmentVariable(PipelineOptions.SuppressUnderEnvironmentVariable));

    private static int? ParseThreshold(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var threshold) || threshold < 1)
            throw new UsageException($"The suppression threshold must be a whole number of at least 1, not '{value}'.");
        return threshold;
    }

    /// <summary>
    /// The pupil key secret: SENDPIPELINE_PUPIL_KEY_SECRET (base64) when set; otherwise null, and the rebuild
    /// makes a random one kept in the store (secrets/pupil-key) - fine for the demo, not for real data.
    /// </summary>
    public static Workflows.PowerBi.IPupilKeySecret? PupilKeySecret() =>
        Environment.GetEnvironmentVariable(PipelineOptions.PupilKeySecretEnvironmentVariable) is { Length: > 0 } value
            ? new Workflows.PowerBi.ConfiguredPupilKeySecret(value, PipelineOptions.PupilKeySecretEnvironmentVariable)
            : null;
}
