using System.Text.Json;
using SendPipeline.Core.PowerBi;

namespace SendPipeline.Core.Tests.PowerBi;

public sealed class PowerBiDocsTests
{
    [Fact]
    public void DataSourceFile_OpensTheContainerTheQueriesRead()
    {
        using var pbids = JsonDocument.Parse(File.ReadAllText(Repo.File("docs/powerbi/SendPipeline.pbids")));

        var connection = Assert.Single(pbids.RootElement.GetProperty("connections").EnumerateArray());
        var details = connection.GetProperty("details");
        Assert.Equal("azure-blobs", details.GetProperty("protocol").GetString());
        Assert.Equal(PowerQueryWriter.Container, details.GetProperty("address").GetProperty("container").GetString());
    }
}
