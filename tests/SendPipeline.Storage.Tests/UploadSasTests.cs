using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage.Azure;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Storage.Tests;

/// <summary>
/// The upload SAS against a real Azurite: a school's grant writes its one file and nothing else. No other
/// school's folder, no other file of its own, no read, no list, no overwrite, and not after it expires.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadSasTests(AzuriteFixture azurite)
{
    private readonly string _container = azurite.NewName();

    private async Task<(UploadGrant Grant, BlobContainerClient Container)> GrantAsync(string school, TimeSpan? lifetime = null, TimeProvider? clock = null)
    {
        var container = new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions(AzureStorageStore.BlobServiceVersion)).GetBlobContainerClient(_container);
        await container.CreateIfNotExistsAsync();
        var issuer = azurite.Store.UploadAccessIssuer(clock);
        var grant = await issuer.GrantCreateAsync($"{_container}/{school}/school-census/census.csv", lifetime ?? UploadAccess.Lifetime);
        return (grant, container);
    }

    private static BlobClientOptions Options => new(AzureStorageStore.BlobServiceVersion);

    private static BinaryData Csv => BinaryData.FromString("LAEstab,CensusDate\r\n8552001,2026-01-15\r\n");

    /// <summary>The same SAS query string on another path, as a school editing the URL would try.</summary>
    private static Uri Elsewhere(UploadGrant grant, string blobPath)
    {
        var builder = new UriBuilder(grant.UploadUrl);
        var container = builder.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
        builder.Path = $"/{builder.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]}/{container}/{blobPath}";
        return builder.Uri;
    }

    [Fact]
    public async Task Grant_WritesTheSchoolsOwnFile()
    {
        var (grant, container) = await GrantAsync("8552001");

        await new BlobClient(grant.UploadUrl, Options).UploadAsync(Csv);

        Assert.True((await container.GetBlobClient("8552001/school-census/census.csv").ExistsAsync()).Value);
        Assert.DoesNotContain("sig=", grant.UploadPath);
    }

    [Fact]
    public async Task Grant_CannotWriteAnotherSchoolsFolder()
    {
        var (grant, container) = await GrantAsync("8552001");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new BlobClient(Elsewhere(grant, "8552002/school-census/census.csv"), Options).UploadAsync(Csv));

        Assert.Equal(403, error.Status);
        Assert.False((await container.GetBlobClient("8552002/school-census/census.csv").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Grant_CannotWriteAnotherFileOfItsOwn()
    {
        var (grant, _) = await GrantAsync("8552001");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new BlobClient(Elsewhere(grant, "8552001/school-census/other.csv"), Options).UploadAsync(Csv));

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Grant_CannotReadOrListAnything()
    {
        var (grant, container) = await GrantAsync("8552001");
        await container.GetBlobClient("8552002/school-census/census.csv").UploadAsync(Csv);
        await new BlobClient(grant.UploadUrl, Options).UploadAsync(Csv);

        var readOwn = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(grant.UploadUrl, Options).DownloadContentAsync());
        var readOther = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new BlobClient(Elsewhere(grant, "8552002/school-census/census.csv"), Options).DownloadContentAsync());
        var containerSas = new BlobContainerClient(new UriBuilder(grant.UploadUrl) { Path = "/" + string.Join('/', grant.UploadUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[..2]) }.Uri, Options);
        var list = await Assert.ThrowsAsync<RequestFailedException>(async () => { await foreach (var _ in containerSas.GetBlobsAsync()) { } });

        Assert.Equal((403, 403, 403), (readOwn.Status, readOther.Status, list.Status));
    }

    [Fact]
    public async Task Grant_CannotReplaceAFileAlreadySent()
    {
        var (grant, container) = await GrantAsync("8552001");
        await new BlobClient(grant.UploadUrl, Options).UploadAsync(Csv);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new BlobClient(grant.UploadUrl, Options).UploadAsync(BinaryData.FromString("replaced"), overwrite: true));

        Assert.Equal(403, error.Status);
        Assert.Equal(Csv.ToString(), (await container.GetBlobClient("8552001/school-census/census.csv").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Grant_Expired_IsRefused()
    {
        // Issued as if an hour ago, for ten minutes.
        var (grant, _) = await GrantAsync("8552001", clock: new ShiftedClock(TimeSpan.FromHours(-1)));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(grant.UploadUrl, Options).UploadAsync(Csv));

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Grant_TamperedToWidenItsPermissionsOrExpiry_IsRefused()
    {
        var (grant, _) = await GrantAsync("8552001");
        var query = grant.UploadUrl.Query;

        // A school editing the token: read-write-list permissions, or a later expiry, break the signature.
        var widened = new UriBuilder(grant.UploadUrl) { Query = query.TrimStart('?').Replace("sp=c", "sp=racwdl") }.Uri;
        var later = new UriBuilder(grant.UploadUrl) { Query = System.Text.RegularExpressions.Regex.Replace(query.TrimStart('?'), "se=[^&]+", "se=2099-01-01T00%3A00%3A00Z") }.Uri;

        Assert.Contains("sp=c", query);
        var a = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(widened, Options).UploadAsync(Csv));
        var b = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(later, Options).UploadAsync(Csv));
        Assert.Equal((403, 403), (a.Status, b.Status));
    }

    [Fact]
    public async Task Grant_CannotReachOfficersOutputs()
    {
        var (grant, _) = await GrantAsync("8552001");
        var officers = new BlobServiceClient(azurite.ConnectionString, Options);
        foreach (var container in new[] { "datasets", "powerbi", "submissions", "reports" })
        {
            var named = $"{_container}{container}";
            await officers.GetBlobContainerClient(named).CreateIfNotExistsAsync();
            await officers.GetBlobContainerClient(named).GetBlobClient("x.csv").UploadAsync(Csv, overwrite: true);
            var builder = new UriBuilder(grant.UploadUrl);
            var account = builder.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            builder.Path = $"/{account}/{named}/x.csv";

            var read = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(builder.Uri, Options).DownloadContentAsync());
            var write = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(builder.Uri, Options).UploadAsync(Csv, overwrite: true));

            Assert.Equal((403, 403), (read.Status, write.Status));
        }
    }

    [Fact]
    public async Task UploadAccess_KeyOfOneSchool_GrantsOnlyItsOwnFolderAndReturnType()
    {
        var keys = new SubmitterKeyStore(azurite.Store, TimeProvider.System);
        var issued = await keys.IssueAsync("8552001");
        var access = new UploadAccess(keys, azurite.Store.UploadAccessIssuer());

        var granted = await access.RequestAsync(issued.Key, "school-census", "autumn 2025.csv");
        var wrongType = await access.RequestAsync(issued.Key, "placements", "p.csv");
        var badName = await access.RequestAsync(issued.Key, "school-census", "../8552002/x.csv");
        var forged = await access.RequestAsync("8552002." + issued.Key.Split('.')[1], "school-census", "x.csv");

        Assert.Equal("uploads/8552001/school-census/autumn 2025.csv", granted.Grant!.UploadPath);
        Assert.Equal((403, 400, 401), (wrongType.Status, badName.Status, forged.Status));
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
