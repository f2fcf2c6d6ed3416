using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reference;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.PowerBi;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Tests;

public sealed class PowerBiRebuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-powerbi-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;

    public PowerBiRebuildTests() => _store = new LocalFolderStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task Ingest()
    {
        var csv = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
                  $"8552001,2026-01-15,{Upn.Create("855200125001")},2016-10-01,F,4,K,SLCN\r\n";
        await _store.WriteAsync("uploads/8552001/school-census/jan.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), overwrite: false);
        await new UploadSweep(_store, _store, new IngestActivities(_store, _store, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance)).RunAsync();
    }

    private RebuildActivities Activities(PipelineOptions options) => new(_store, _store, options, NullLogger<RebuildActivities>.Instance);

    private async Task<List<string>> PowerBiFiles() => await _store.ListAsync("powerbi/").Select(b => b.Path).ToListAsync();

    [Fact]
    public async Task BuildPowerBi_ThresholdSetAfterAPupilLevelBuild_LeavesNoStalePupilFile()
    {
        await Ingest();
        await Activities(new PipelineOptions("855")).BuildPowerBiAsync(new RebuildRequest("first"));
        Assert.Contains("powerbi/fact_sen_pupil/fact_sen_pupil.parquet", await PowerBiFiles());

        var summary = await Activities(new PipelineOptions("855") { SuppressUnder = 10 }).BuildPowerBiAsync(new RebuildRequest("suppressed"));

        var files = await PowerBiFiles();
        Assert.DoesNotContain(files, f => f.Contains("fact_sen_pupil/", StringComparison.Ordinal) || f.Contains("fact_placement/", StringComparison.Ordinal)
            || f.Contains("fact_ehc_", StringComparison.Ordinal));
        Assert.Contains("powerbi/agg_sen_pupil_setting/agg_sen_pupil_setting.csv", files);
        // Every pupil-level table's Parquet and CSV: the census's, the placements' and the register's four.
        Assert.Equal(12, summary.StaleFilesRemoved);
        Assert.Equal(StorePupilKeySecret.Path, summary.SecretSource);
    }

    [Fact]
    public async Task BuildPowerBi_WithTableExport_WritesEveryStarTableToTableStorageAsInTheCsv()
    {
        await Ingest();

        await Activities(new PipelineOptions("855") { ExportStarTables = true }).BuildPowerBiAsync(new RebuildRequest("tables"));

        foreach (var folder in Directory.GetDirectories(Path.Combine(_root, "powerbi")))
        {
            var name = Path.GetFileName(folder);
            var csvRows = File.ReadAllLines(Path.Combine(folder, name + ".csv")).Length - 1;
            var tableRows = await _store.QueryAsync(name.Replace("_", "", StringComparison.Ordinal)).CountAsync();
            Assert.True(csvRows == tableRows, $"{name}: {csvRows} CSV rows, {tableRows} table rows");
        }
    }

    [Fact]
    public async Task BuildPowerBi_Twice_WritesIdenticalBytesWithTheStoreSecret()
    {
        await Ingest();
        var activities = Activities(new PipelineOptions("855"));
        await activities.BuildPowerBiAsync(new RebuildRequest("first"));
        var first = File.ReadAllBytes(Path.Combine(_root, "powerbi", "fact_sen_pupil", "fact_sen_pupil.parquet"));

        await Activities(new PipelineOptions("855")).BuildPowerBiAsync(new RebuildRequest("second"));

        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_root, "powerbi", "fact_sen_pupil", "fact_sen_pupil.parquet")));
    }

    [Fact]
    public async Task BuildPowerBi_SecretSettingMissing_FailsNamingTheSetting()
    {
        await Ingest();
        var options = new PipelineOptions("855") { PupilKeySecret = new ConfiguredPupilKeySecret(null, "SendPipeline__PupilKeySecret") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Activities(options).BuildPowerBiAsync(new RebuildRequest("test")));

        Assert.Contains("SendPipeline__PupilKeySecret", error.Message);
        Assert.Empty(await PowerBiFiles());
    }

    [Fact]
    public async Task ConfiguredSecret_ShorterThan32Bytes_IsRefused()
    {
        var secret = new ConfiguredPupilKeySecret(Convert.ToBase64String(new byte[16]), "X");

        await Assert.ThrowsAsync<InvalidOperationException>(() => secret.GetAsync());
    }
}
