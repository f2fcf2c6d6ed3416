using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SendPipeline.Storage.Azure;

namespace SendPipeline.Storage.Tests;

/// <summary>
/// One Azurite connection for the whole run. Names carry a per-run prefix so a rerun against a
/// long-lived Azurite (or a real account) never meets an earlier run's containers and tables.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private int _counter;

    public string ConnectionString { get; } = AzuriteConnection.String;

    /// <summary>Lowercase letters and digits only, so it fits container and table naming rules alike.</summary>
    public string RunPrefix { get; } = "sp" + Guid.NewGuid().ToString("N")[..10];

    public AzureStorageStore Store { get; private set; } = null!;

    public string NewName() => $"{RunPrefix}n{Interlocked.Increment(ref _counter)}";

    public async Task InitializeAsync()
    {
        // Fail, not skip: CI always starts Azurite, so an unreachable one is a broken setup and a
        // silently skipped Azure suite would hide adapter regressions.
        var blobs = new BlobServiceClient(ConnectionString, ProbeOptions(new BlobClientOptions(AzureStorageStore.BlobServiceVersion)));
        var tables = new TableServiceClient(ConnectionString, ProbeOptions(new TableClientOptions(AzureStorageStore.TableServiceVersion)));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await blobs.GetPropertiesAsync(timeout.Token);
            await tables.GetPropertiesAsync(timeout.Token);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"Azurite is not reachable (connection string from {AzuriteConnection.Source}; " +
                $"blob {blobs.Uri}, table {tables.Uri}). Start it with `scripts/azurite.sh start` from the repository root " +
                $"(stop it with `scripts/azurite.sh stop`). Cause: {e.GetType().Name}: {FirstLine(e.Message)}", e);
        }

        Store = AzureStorageStore.FromConnectionString(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Store is null) return;
        // Best effort: an in-memory Azurite forgets everything anyway, a persistent one should not fill up.
        var blobs = new BlobServiceClient(ConnectionString, new BlobClientOptions(AzureStorageStore.BlobServiceVersion));
        var tables = new TableServiceClient(ConnectionString, new TableClientOptions(AzureStorageStore.TableServiceVersion));
        try
        {
            await foreach (var container in blobs.GetBlobContainersAsync(prefix: RunPrefix))
                await blobs.DeleteBlobContainerAsync(container.Name);
            await foreach (var table in tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {RunPrefix} and TableName lt {RunPrefix + "~"}")))
                await tables.DeleteTableAsync(table.Name);
        }
        catch (global::Azure.RequestFailedException)
        {
        }
    }

    private static T ProbeOptions<T>(T options) where T : global::Azure.Core.ClientOptions
    {
        // The probe should answer in seconds; the SDK's default retries would take minutes to give up.
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
