using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace SendPipeline.Functions.Configuration;

public static class TelemetryRegistration
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Worker traces and logs through OpenTelemetry (host.json sets <c>telemetryMode</c> for the host), exported
    /// to Application Insights with the app's managed identity, so no instrumentation key acts as a secret.
    /// Without a connection string (local runs, tests) nothing is exported. What is logged never includes a
    /// pupil identifier: the code logs upload ids, counts and rule ids only.
    /// </summary>
    public static IServiceCollection AddSendPipelineTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting])) return services;
        var clientId = configuration[$"{StorageRegistration.ConnectionName}:clientId"];
        telemetry.UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = configuration[ConnectionStringSetting];
            if (!string.IsNullOrWhiteSpace(clientId))
                options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        });
        return services;
    }
}
