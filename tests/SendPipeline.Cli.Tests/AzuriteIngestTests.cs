using System.Text;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage;
using SendPipeline.Storage.Tests;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The CLI given a connection string: the same ingest and rebuild against a real Azurite, which
/// scripts/test.sh starts. Schools are drawn at random so reruns against one Azurite never collide.
/// </summary>
public class AzuriteIngestTests
{
    private static string Connection => AzuriteConnection.String;

    [Fact]
    public async Task Ingest_WithAConnectionString_ValidatesRecordsAndRebuildsInAzureStorage()
    {
        var stores = StoreFactory.Create(Connection);
        var school = "855" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var good = $"uploads/{school}/school-census/jan.csv";
        var bad = $"uploads/{school}/school-census/jan-draft.csv";
        await Upload(stores, good, "F");
        await Upload(stores, bad, "Q");

        var (results, rebuild) = await IngestCommand.IngestAndRebuildAsync(stores, "855");

        var mine = results.Where(r => r.Validation.SubmitterId == school).ToDictionary(r => r.Validation.UploadPath);
        Assert.Equal(UploadStatus.Accepted, mine[good].Validation.Status);
        Assert.Equal(UploadStatus.Rejected, mine[bad].Validation.Status);
        Assert.NotNull(await stores.Blobs.GetInfoAsync(mine[bad].Reports!.Html));
        var inForce = await stores.Tables.GetAsync(StorageLayout.AcceptedTable, "school-census", $"{school}~2026-01-15");
        Assert.Equal(mine[good].Validation.UploadId, inForce!.GetString("UploadId"));
        Assert.NotNull(rebuild);
        Assert.NotNull(await stores.Blobs.GetInfoAsync(rebuild!.DataQuality.ReportJson));
    }

    private static async Task Upload(Stores stores, string path, string sex)
    {
        var school = path.Split('/')[1];
        var csv = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
                  $"{school},2026-01-15,{Upn.Create(school + "25001")},2016-10-01,{sex},4,K,SLCN\r\n";
        await stores.Blobs.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(csv)), overwrite: true);
    }
}
