using SendPipeline.Storage.Azure;
using SendPipeline.Storage.Local;

namespace SendPipeline.Storage.Tests;

public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=example;AccountKey=ZmFrZQ==;EndpointSuffix=core.windows.net")]
    [InlineData("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;SharedAccessSignature=sv=2020-12-06&sig=fake")]
    public void Create_ConnectionString_ReturnsAzureStore(string connectionString)
    {
        var stores = StoreFactory.Create(connectionString);

        Assert.IsType<AzureStorageStore>(stores.Blobs);
        Assert.Same(stores.Blobs, stores.Tables);
    }

    [Fact]
    public void Create_FolderPath_ReturnsLocalStoreRootedThere()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sendpipeline-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var stores = StoreFactory.Create(folder);

            var local = Assert.IsType<LocalFolderStore>(stores.Blobs);
            Assert.Same(local, stores.Tables);
            Assert.Equal(Path.GetFullPath(folder), local.Root);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_Blank_ThrowsArgumentException(string value) =>
        Assert.ThrowsAny<ArgumentException>(() => StoreFactory.Create(value));
}
