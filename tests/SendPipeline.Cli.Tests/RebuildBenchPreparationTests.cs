using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The national bench's preparation keeps the accepted table in memory once read: ingest through it must decide
/// exactly as through the store itself (duplicates, supersession), since the copy follows every write.
/// </summary>
public sealed class RebuildBenchPreparationTests : IDisposable
{
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "sendpipeline-bench-prep-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Census(int pupils)
    {
        var text = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        for (var i = 1; i <= pupils; i++)
            text.Append($"8552001,2026-01-15,{Upn.Create($"855200125{i:000}")},2016-10-01,F,4,K,SLCN\r\n");
        return text.ToString();
    }

    [Fact]
    public async Task IngestThroughThePreparation_SeesItsOwnWrites_DuplicatesAndLaterReturnsAsThroughTheStore()
    {
        var store = new LocalFolderStore(_root, flushToDisk: false);
        var prepared = new RebuildBenchPreparation(store, store);
        var activities =
            new IngestActivities(prepared, prepared, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance);
        var received = new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc);

        async Task<IngestResult> Ingest(string name, string content, int day)
        {
            var path = $"uploads/8552001/school-census/{name}";
            await store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(content)), overwrite: false);
            File.SetLastWriteTimeUtc(Path.Combine(_root, path), received.AddDays(day));
            return Assert.Single(await new UploadSweep(prepared, prepared, activities).RunAsync());
        }

        var first = await Ingest("a.csv", Census(3), 0);
        // The partition is now read into memory; the next upload must see the first one in force through it.
        var repeat = await Ingest("b.csv", Census(3), 1);
        var later = await Ingest("c.csv", Census(4), 2);
        var repeatOfLater = await Ingest("d.csv", Census(4), 3);

        Assert.Equal(UploadStatus.Accepted, first.Validation.Status);
        Assert.Equal((UploadStatus.Duplicate, first.Validation.UploadId),
            (repeat.Validation.Status, repeat.Validation.DuplicateOf));
        Assert.Equal((UploadStatus.Accepted, true), (later.Validation.Status, later.Record!.BecameCurrent));
        Assert.Equal((UploadStatus.Duplicate, later.Validation.UploadId),
            (repeatOfLater.Validation.Status, repeatOfLater.Validation.DuplicateOf));
        var inStore = await store.QueryAsync(StorageLayout.AcceptedTable, "school-census").ToListAsync();
        var inCopy = await prepared.QueryAsync(StorageLayout.AcceptedTable, "school-census").ToListAsync();
        Assert.Equal(later.Validation.UploadId, Assert.Single(inStore).GetString(UploadRecords.Field.UploadId));
        Assert.Equal(inStore.Select(r => (r.RowKey, r.ETag)), inCopy.Select(r => (r.RowKey, r.ETag)));
    }
}
