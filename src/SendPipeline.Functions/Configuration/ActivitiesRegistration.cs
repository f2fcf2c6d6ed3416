using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Configuration;

public static class ActivitiesRegistration
{
    /// <summary>
    /// Registers the activity implementations the activity functions delegate to. Until the real
    /// <see cref="IIngestActivities"/> is wired in here, resolving it throws; earlier registrations win.
    /// </summary>
    public static IServiceCollection AddSendPipelineIngestActivities(this IServiceCollection services)
    {
        services.TryAddSingleton<IIngestActivities>(_ => throw new InvalidOperationException(
            "Ingest activities not registered: nothing provides IIngestActivities. " +
            "Bind the implementation in SendPipeline.Functions/Configuration/ActivitiesRegistration.cs."));
        return services;
    }
}
