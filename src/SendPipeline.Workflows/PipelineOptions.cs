namespace SendPipeline.Workflows;

/// <summary>
/// Settings that differ between local authorities. The LA code is configuration, never code
/// (spec: "nothing may be hard-wired to it"): the CLI reads it from --la or SENDPIPELINE_LA_CODE,
/// the Functions app from the LaCode app setting.
/// </summary>
public sealed record PipelineOptions(string LaCode)
{
    public const string LaCodeSetting = "LaCode";
    public const string LaCodeEnvironmentVariable = "SENDPIPELINE_LA_CODE";

    /// <summary>The demo LA (Leicestershire) when nothing else is configured.</summary>
    public const string DefaultLaCode = "855";
}
