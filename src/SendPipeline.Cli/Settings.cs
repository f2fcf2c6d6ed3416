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
}
