using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageStoreTests(AzuriteFixture azurite) : StoreContractTests
{
    protected override IBlobStore Blobs => azurite.Store;

    protected override ITableStore Tables => azurite.Store;

    protected override string NewContainer() => azurite.NewName();

    protected override string NewTable() => azurite.NewName();

    [Fact]
    public async Task WriteAsync_ContentType_IsReportedByGetInfoAndList()
    {
        var container = NewContainer();
        await Blobs.WriteAsync($"{container}/a.csv", Content("x"), overwrite: false, "text/csv");

        Assert.Equal("text/csv", (await Blobs.GetInfoAsync($"{container}/a.csv"))!.ContentType);
        await foreach (var info in Blobs.ListAsync($"{container}/"))
            Assert.Equal("text/csv", info.ContentType);
    }
}
