using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Tests;

/// <summary>Issue 15 items 1 and 4 at the workflow level: recording is idempotent and ordered; duplicates change nothing.</summary>
public sealed class CrashSafeIngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-crash-safe-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private readonly IngestActivities _activities;

    public CrashSafeIngestTests()
    {
        _store = new LocalFolderStore(_root);
        _activities = new IngestActivities(_store, _store, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Census(int pupils = 3)
    {
        var text = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        for (var i = 1; i <= pupils; i++) text.Append($"8552001,2026-01-15,{Upn.Create($"855200125{i:000}")},2016-10-01,F,4,K,SLCN\r\n");
        return text.ToString();
    }

    private async Task Upload(string path, string content, DateTime received)
    {
        await _store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(content)), overwrite: false);
        File.SetLastWriteTimeUtc(Path.Combine(_root, path), received);
    }

    private async Task<(IReadOnlyList<IngestResult> Results, bool RebuildAsked)> Sweep()
    {
        var rebuild = new PendingRebuild();
        var results = await new UploadSweep(_store, _store, _activities, rebuild).RunAsync();
        return (results, rebuild.IsPending);
    }

    [Fact]
    public async Task The_same_bytes_under_a_new_name_are_a_duplicate_with_their_own_report_and_change_nothing()
    {
        var received = new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc);
        await Upload("uploads/8552001/school-census/20260120-090000000-jan.csv", Census(), received);
        var first = Assert.Single((await Sweep()).Results);
        var inForce = await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15");
        await Upload("uploads/8552001/school-census/20260121-100000000-jan.csv", Census(), received.AddDays(1));

        var (results, rebuildAsked) = await Sweep();

        var duplicate = Assert.Single(results);
        Assert.Equal(UploadStatus.Duplicate, duplicate.Validation.Status);
        Assert.Equal(first.Validation.UploadId, duplicate.Validation.DuplicateOf);
        Assert.False(duplicate.Record!.BecameCurrent);
        Assert.False(rebuildAsked);
        Assert.Null(duplicate.Validation.CanonicalPath);
        Assert.Equal(inForce!.ETag, (await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15"))!.ETag);
        var record = await _store.GetAsync(StorageLayout.UploadsTable, "8552001", duplicate.Validation.UploadId);
        Assert.Equal((UploadStatus.Duplicate, first.Validation.UploadId, 3L), (record!.GetString("Status"), record.GetString("SameAs"), record.GetInt64("RowsRead")));
        // Its own small report says which upload it repeats and when that was received, in all three forms.
        var sentence = $"same as upload {first.Validation.UploadId} (20260120-090000000-jan.csv), received 20 January 2026 at 09:00:00 UTC";
        foreach (var path in new[] { duplicate.Reports!.Json, duplicate.Reports.Csv, duplicate.Reports.Html })
            Assert.Contains(first.Validation.UploadId, await Text(path), StringComparison.Ordinal);
        Assert.Contains(sentence, await Text(duplicate.Reports.Html), StringComparison.Ordinal);
        Assert.Contains("nothing has changed", await Text(duplicate.Reports.Csv), StringComparison.Ordinal);
        Assert.DoesNotContain(Upn.Create("855200125001"), await Text(duplicate.Reports.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Different_bytes_or_a_return_no_longer_in_force_are_not_duplicates()
    {
        var received = new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc);
        await Upload("uploads/8552001/school-census/a.csv", Census(3), received);
        await Upload("uploads/8552001/school-census/b.csv", Census(2), received.AddHours(1));
        // The bytes of a, which is no longer the return in force: a new return in force, not a duplicate.
        await Upload("uploads/8552001/school-census/c.csv", Census(3), received.AddHours(2));

        var (results, _) = await Sweep();

        Assert.Equal([UploadStatus.Accepted, UploadStatus.Accepted, UploadStatus.Accepted], results.Select(r => r.Validation.Status));
        Assert.All(results, r => Assert.True(r.Record!.BecameCurrent));
    }

    [Fact]
    public async Task Recording_twice_changes_nothing_and_the_return_in_force_is_written_before_the_upload_record()
    {
        await Upload("uploads/8552001/school-census/jan.csv", Census(), new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc));
        var (results, _) = await Sweep();
        var result = Assert.Single(results);
        var request = new RecordRequest(result.Validation, result.Reports!);
        var accepted = await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15");

        var again = await _activities.RecordUploadAsync(request);

        Assert.True(again.BecameCurrent);
        Assert.Equal(accepted!.ETag, (await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15"))!.ETag);
        Assert.Single(await _store.QueryAsync(StorageLayout.UploadsTable).ToListAsync());

        // Killed between the two writes: the return in force is there, the upload record is not, so the next
        // sweep ingests the upload again, finds it already in force and writes its record.
        await _store.DeleteManyAsync(StorageLayout.UploadsTable, [new TableKey("8552001", result.Validation.UploadId)]);
        var rerun = Assert.Single((await Sweep()).Results);
        Assert.True(rerun.Record!.BecameCurrent);
        Assert.NotNull(await _store.GetAsync(StorageLayout.UploadsTable, "8552001", result.Validation.UploadId));
    }

    [Fact]
    public async Task Built_from_says_behind_until_a_rebuild_records_the_returns_in_force()
    {
        Assert.False(await BuiltFrom.IsBehindAsync(_store, _store));
        await Upload("uploads/8552001/school-census/jan.csv", Census(), new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc));
        await Sweep();
        Assert.True(await BuiltFrom.IsBehindAsync(_store, _store));

        var rebuild = new RebuildActivities(_store, _store, new PipelineOptions("855"), NullLogger<RebuildActivities>.Instance);
        var dataQuality = await rebuild.BuildDataQualityAsync(new RebuildRequest("test"));
        Assert.True(await BuiltFrom.IsBehindAsync(_store, _store));
        await rebuild.RecordBuiltFromAsync(dataQuality.BuiltFrom!);

        Assert.False(await BuiltFrom.IsBehindAsync(_store, _store));
        Assert.Equal(new BuiltFromRecord((await BuiltFrom.CurrentAsync(_store)).ReturnsInForce, 1), await BuiltFrom.RecordedAsync(_store));
        await Upload("uploads/8552001/school-census/feb.csv", Census(2), new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc));
        await Sweep();
        Assert.True(await BuiltFrom.IsBehindAsync(_store, _store));
    }

    private async Task<string> Text(string path)
    {
        await using var stream = await _store.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
