using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Functions.Configuration;

public static class StorageRegistration
{
    /// <summary>
    /// The app setting (Functions connection name) that points at the pipeline's storage account: either a
    /// connection string, or identity-based <c>PipelineStorage__blobServiceUri</c>/<c>__tableServiceUri</c>.
    /// The blob trigger binds to the same name, so the adapter and the trigger see one account.
    /// </summary>
    public const string ConnectionName = "PipelineStorage";

    /// <summary>
    /// Registers <see cref="IBlobStore"/> and <see cref="ITableStore"/> for the <see cref="ConnectionName"/> account.
    /// Until the Azure adapter is wired in here, resolving either throws, so an activity fails loudly instead
    /// of writing somewhere unexpected; registrations made before this call (e.g. by tests) win.
    /// </summary>
    public static IServiceCollection AddSendPipelineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = Describe(configuration);
        services.TryAddSingleton<IBlobStore>(_ => throw NotRegistered(nameof(IBlobStore), connection));
        services.TryAddSingleton<ITableStore>(_ => throw NotRegistered(nameof(ITableStore), connection));
        return services;
    }

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

    private static InvalidOperationException NotRegistered(string port, string connection) =>
        new($"Storage adapter not registered: nothing provides {port} ({connection}). " +
            "Bind the adapter in SendPipeline.Functions/Configuration/StorageRegistration.cs.");
}
