using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Configuration;

public static class ActivitiesRegistration
{
    /// <summary>The app setting holding the LA's 3-digit code (<c>SendPipeline__LaCode</c> in Azure).</summary>
    public const string LaCodeSetting = "SendPipeline:LaCode";

    /// <summary>
    /// Registers the activity implementations the activity functions delegate to. The LA code is
    /// configuration, never code; earlier registrations (tests) win.
    /// </summary>
    public static IServiceCollection AddSendPipelineIngestActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => new PipelineOptions(LaCode(configuration)));
        services.TryAddSingleton<IIngestActivities, IngestActivities>();
        services.TryAddSingleton<IRebuildActivities, RebuildActivities>();
        return services;
    }

    internal static string LaCode(IConfiguration configuration)
    {
        var code = configuration[LaCodeSetting];
        if (code is not { Length: 3 } || !code.All(char.IsAsciiDigit))
            throw new InvalidOperationException($"App setting '{LaCodeSetting.Replace(":", "__")}' must be the LA's 3-digit code (e.g. 855), not '{code}'.");
        return code;
    }
}
