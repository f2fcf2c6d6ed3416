using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendPipeline.Storage.Azure;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Functions.Configuration;

public static class StorageRegistration
{
    /// <summary>
    /// The app setting (Functions connection name) that points at the pipeline's storage account: either a
    /// connection string (Azurite, local development), or identity-based <c>PipelineStorage__blobServiceUri</c>
    /// and <c>__tableServiceUri</c> with a managed identity (Azure: no account keys in app settings).
    /// The blob trigger binds to the same name, so the adapter and the trigger see one account.
    /// </summary>
    public const string ConnectionName = "PipelineStorage";

    /// <summary>
    /// Registers <see cref="IBlobStore"/> and <see cref="ITableStore"/> for the <see cref="ConnectionName"/> account,
    /// created on first use so a misconfiguration fails the first activity loudly, naming the setting.
    /// Registrations made before this call (e.g. by tests) win.
    /// </summary>
    public static IServiceCollection AddSendPipelineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => Create(configuration));
        services.TryAddSingleton<IBlobStore>(sp => sp.GetRequiredService<AzureStorageStore>());
        services.TryAddSingleton<ITableStore>(sp => sp.GetRequiredService<AzureStorageStore>());
        return services;
    }

    internal static AzureStorageStore Create(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectionName);
        if (!string.IsNullOrWhiteSpace(section.Value)) return AzureStorageStore.FromConnectionString(section.Value);
        var blobUri = section["blobServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(tableUri))
            throw new InvalidOperationException(
                $"Storage is not configured ({Describe(configuration)}): set '{ConnectionName}' to a connection string, " +
                $"or '{ConnectionName}__blobServiceUri' and '{ConnectionName}__tableServiceUri' with a managed identity.");
        return AzureStorageStore.FromServiceUris(new Uri(blobUri), new Uri(tableUri), Credential(section));
    }

    /// <summary>The user-assigned identity named by <c>__clientId</c>, as Functions identity connections do.</summary>
    private static TokenCredential Credential(IConfigurationSection section) =>
        section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();

    /// <summary>Names the configured account form without echoing secrets, for the error message.</summary>
    internal static string Describe(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
            return $"'{ConnectionName}' is a connection string";
        if (!string.IsNullOrWhiteSpace(section["blobServiceUri"]))
            return $"'{ConnectionName}__blobServiceUri' is {section["blobServiceUri"]}";
        return $"'{ConnectionName}' is not set";
    }
}
