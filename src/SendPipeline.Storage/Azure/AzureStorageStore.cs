using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendPipeline.Workflows.Ports;
using BlobInfo = SendPipeline.Workflows.Ports.BlobInfo;

namespace SendPipeline.Storage.Azure;

/// <summary>
/// Blobs and tables in an Azure Storage account (or Azurite). The first path segment is the
/// container; containers and tables are created the first time they are touched.
/// </summary>
/// <remarks>
/// Service versions are pinned rather than left at the SDK default: each SDK release defaults to
/// the newest REST version, which Azurite only learns months later and rejects. Azurite 3.37
/// accepts blob versions up to 2026-06-06; it is also started with --skipApiVersionCheck
/// (scripts/azurite.sh) so a future SDK bump does not break local runs before the pin is revisited.
/// </remarks>
public sealed partial class AzureStorageStore : IBlobStore, ITableStore
{
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;
    public const TableClientOptions.ServiceVersion TableServiceVersion = TableClientOptions.ServiceVersion.V2020_12_06;

    private readonly BlobServiceClient _blobs;
    private readonly TableServiceClient _tables;

    // Values are the creation tasks, so concurrent first touches share one round trip. A failed
    // creation is evicted so the next call retries rather than replaying the failure forever.
    private readonly ConcurrentDictionary<string, Lazy<Task>> _ensuredContainers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _ensuredTables = new(StringComparer.OrdinalIgnoreCase);

    public AzureStorageStore(BlobServiceClient blobs, TableServiceClient tables)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    /// <summary>For Azurite and for local runs against a real account; never used with keys in Azure.</summary>
    public static AzureStorageStore FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new AzureStorageStore(
            new BlobServiceClient(connectionString, new BlobClientOptions(BlobServiceVersion)),
            new TableServiceClient(connectionString, new TableClientOptions(TableServiceVersion)));
    }

    /// <summary>
    /// The deployed form: service endpoints plus an Entra ID credential (the Function App's managed
    /// identity), so no account key exists anywhere in configuration.
    /// </summary>
    public static AzureStorageStore FromServiceUris(Uri blobServiceUri, Uri tableServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new AzureStorageStore(
            new BlobServiceClient(blobServiceUri, credential, new BlobClientOptions(BlobServiceVersion)),
            new TableServiceClient(tableServiceUri, credential, new TableClientOptions(TableServiceVersion)));
    }

    /// <summary>The public-cloud endpoints of <paramref name="accountName"/>, with <see cref="DefaultAzureCredential"/> unless told otherwise.</summary>
    public static AzureStorageStore FromAccountName(string accountName, TokenCredential? credential = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        return FromServiceUris(
            new Uri($"https://{accountName}.blob.core.windows.net"),
            new Uri($"https://{accountName}.table.core.windows.net"),
            credential ?? new DefaultAzureCredential());
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            var response = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new BlobNotFoundException(path);
        }
    }

    public async Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new BlobInfo(path, properties.ContentLength, properties.LastModified, properties.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> WriteAsync(string path, Stream content, bool overwrite, string? contentType = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = Blob(path);
        await EnsureContainerAsync(blob.BlobContainerName, cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = contentType is null ? null : new BlobHttpHeaders { ContentType = contentType },
            // A block blob becomes visible only when its block list commits, so readers never see a
            // part; If-None-Match: * makes that commit fail if anything is already there.
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(content, options, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (!overwrite && e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorageRules.CheckPrefix(prefix);
        var slash = prefix.IndexOf('/');
        if (slash >= 0)
        {
            await foreach (var info in ListContainerAsync(prefix[..slash], prefix[(slash + 1)..], cancellationToken))
                yield return info;
            yield break;
        }

        // The prefix stops inside the container name, so several containers may match. Sorting them
        // by "name/" rather than by name keeps the concatenation in ordinal path order ('-' < '/').
        var containers = new List<string>();
        await foreach (var container in _blobs.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None,
                           prefix.Length == 0 ? null : prefix, cancellationToken))
        {
            containers.Add(container.Name);
        }

        containers.Sort((a, b) => string.CompareOrdinal(a + "/", b + "/"));
        foreach (var container in containers)
        {
            await foreach (var info in ListContainerAsync(container, "", cancellationToken))
                yield return info;
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container itself is missing, so the blob certainly is.
            return false;
        }
    }

    // Azure lists blob names in UTF-8 byte order, which is ordinal order for every name that has no
    // characters outside the Basic Multilingual Plane; the pipeline's names never do.
    private async IAsyncEnumerable<BlobInfo> ListContainerAsync(string container, string namePrefix,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = _blobs.GetBlobContainerClient(container);
        var options = new GetBlobsOptions { Prefix = namePrefix.Length == 0 ? null : namePrefix };
        var pages = client.GetBlobsAsync(options, cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            Page<BlobItem> page;
            try
            {
                if (!await enumerator.MoveNextAsync()) yield break;
                page = enumerator.Current;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Nothing was ever written to this container.
                yield break;
            }

            foreach (var item in page.Values)
            {
                yield return new BlobInfo($"{container}/{item.Name}", item.Properties.ContentLength ?? 0,
                    item.Properties.LastModified ?? DateTimeOffset.MinValue, item.Properties.ContentType);
            }
        }
    }

    private BlobClient Blob(string path)
    {
        var (container, name) = StorageRules.SplitPath(path);
        return _blobs.GetBlobContainerClient(container).GetBlobClient(name);
    }

    private Task EnsureContainerAsync(string container, CancellationToken cancellationToken) =>
        EnsureOnceAsync(_ensuredContainers, container,
            () => _blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: CancellationToken.None),
            cancellationToken);

    // The shared creation runs uncancelled because other callers may be awaiting it; each caller's
    // own token only cuts short its wait.
    private static async Task EnsureOnceAsync<T>(ConcurrentDictionary<string, Lazy<Task>> ensured, string name,
        Func<Task<T>> create, CancellationToken cancellationToken)
    {
        var lazy = ensured.GetOrAdd(name, _ => new Lazy<Task>(async () => await create()));
        try
        {
            await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch
        {
            ensured.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, lazy));
            throw;
        }
    }
}
