using System.Collections.Concurrent;
using SendPipeline.Storage.Azure;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage;

/// <summary>The two storage ports, usually served by one adapter object.</summary>
public sealed record Stores(IBlobStore Blobs, ITableStore Tables);

/// <summary>
/// Picks the adapter from one setting, so hosts need a single configuration value: an Azure
/// Storage connection string means Azure (or Azurite), anything else is a local folder.
/// </summary>
public static class StoreFactory
{
    private static readonly string[] ConnectionStringMarkers =
        ["UseDevelopmentStorage=", "AccountName=", "BlobEndpoint=", "TableEndpoint="];

    private static readonly ConcurrentDictionary<string, byte> CleanedFolders = new(StringComparer.Ordinal);

    public static Stores Create(string connectionStringOrFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrFolder);
        if (IsConnectionString(connectionStringOrFolder))
        {
            var azure = AzureStorageStore.FromConnectionString(connectionStringOrFolder);
            return new Stores(azure, azure);
        }

        var local = new LocalFolderStore(connectionStringOrFolder);
        // Once per folder per process: a command starting work on a local store first reclaims the temp
        // files of writers that were killed (see RemoveOrphanedTempFiles for what the walk costs).
        if (CleanedFolders.TryAdd(local.Root, 0)) local.RemoveOrphanedTempFiles();
        return new Stores(local, local);
    }

    public static bool IsConnectionString(string value) =>
        ConnectionStringMarkers.Any(marker => value.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
