using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Tests;

/// <summary>The ingest workflow end to end on the real local folder adapter, run as the CLI runs it.</summary>
public sealed class IngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private readonly IngestActivities _activities;

    public IngestTests()
    {
        _store = new LocalFolderStore(_root);
        _activities = new IngestActivities(_store, _store, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Census(string censusDate = "2026-01-15", string sex = "M", int pupils = 3)
    {
        var text = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        for (var i = 1; i <= pupils; i++)
            text.Append($"8552001,{censusDate},{Upn.Create($"855200125{i:000}")},2016-10-01,{sex},4,K,SLCN\r\n");
        return text.ToString();
    }

    private async Task Upload(string path, string content)
    {
        await _store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(content)), overwrite: true);
    }

    private Task<IReadOnlyList<IngestResult>> Sweep() => new UploadSweep(_store, _store, _activities).RunAsync();

    [Fact]
    public async Task Sweep_CleanCensus_IsAcceptedWithReportsRecordAndCanonicalCopy()
    {
        await Upload("uploads/8552001/school-census/jan.csv", Census());

        var result = Assert.Single(await Sweep());

        Assert.Equal(UploadStatus.Accepted, result.Validation.Status);
        Assert.Equal(3, result.Validation.RowsRead);
        Assert.True(result.Record!.BecameCurrent);
        foreach (var path in new[] { result.Reports!.Json, result.Reports.Csv, result.Reports.Html, result.Validation.CanonicalPath! })
            Assert.NotNull(await _store.GetInfoAsync(path));
        var record = await _store.GetAsync(StorageLayout.UploadsTable, "8552001", result.Validation.UploadId);
        Assert.Equal(("accepted", "2026-01-15", 3L), (record!.GetString("Status"), record.GetString("Period"), record.GetInt64("RowsRead")));
        var current = await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15");
        Assert.Equal(result.Validation.UploadId, current!.GetString("UploadId"));
    }

    [Fact]
    public async Task Sweep_SameBytesTwice_DoesNothingTheSecondTime()
    {
        await Upload("uploads/8552001/school-census/jan.csv", Census());
        await Sweep();

        Assert.Empty(await Sweep());
        Assert.Single(await _store.QueryAsync(StorageLayout.UploadsTable).ToListAsync());
    }

    [Fact]
    public async Task Sweep_RejectedReupload_LeavesTheLastAcceptedReturnInForce()
    {
        await Upload("uploads/8552001/school-census/jan.csv", Census());
        var first = Assert.Single(await Sweep());
        await Upload("uploads/8552001/school-census/jan.csv", Census(sex: "Q"));

        var second = Assert.Single(await Sweep());

        Assert.Equal(UploadStatus.Rejected, second.Validation.Status);
        Assert.Null(second.Validation.CanonicalPath);
        Assert.False(second.Record!.BecameCurrent);
        var current = await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15");
        Assert.Equal(first.Validation.UploadId, current!.GetString("UploadId"));
        Assert.Equal(2, (await _store.QueryAsync(StorageLayout.UploadsTable).ToListAsync()).Count);
    }

    [Fact]
    public async Task Record_LaterAcceptedUpload_ReplacesTheEarlierButAnOlderOneArrivingLateDoesNot()
    {
        await Upload("uploads/8552001/school-census/a.csv", Census(pupils: 2));
        await Upload("uploads/8552001/school-census/b.csv", Census(pupils: 4));
        var results = await Sweep();
        var (older, newer) = (results[0].Validation, results[1].Validation);
        Assert.True(newer.ReceivedUtc >= older.ReceivedUtc);

        // Replaying the older record (a late, duplicate activity delivery) must not win.
        var replay = await _activities.RecordUploadAsync(new RecordRequest(older, results[0].Reports!));

        Assert.False(replay.BecameCurrent);
        var current = await _store.GetAsync(StorageLayout.AcceptedTable, "school-census", "8552001~2026-01-15");
        Assert.Equal(newer.UploadId, current!.GetString("UploadId"));
    }

    [Fact]
    public async Task Validate_BlobChangedSinceTheTrigger_IsSupersededAndWritesNothing()
    {
        await Upload("uploads/8552001/school-census/jan.csv", Census());
        var staleHash = new string('0', 64);

        var summary = await _activities.ValidateUploadAsync(new IngestRequest("uploads/8552001/school-census/jan.csv", staleHash));

        Assert.Equal(UploadStatus.Superseded, summary.Status);
        Assert.Empty(await _store.ListAsync("reports/").ToListAsync());
        Assert.Empty(await _store.ListAsync("accepted/").ToListAsync());
    }

    [Fact]
    public async Task Activities_RunTwice_LeaveTheSameState()
    {
        await Upload("uploads/8552001/school-census/jan.csv", Census());
        var request = new IngestRequest("uploads/8552001/school-census/jan.csv", await Hash("uploads/8552001/school-census/jan.csv"));

        var a = await _activities.ValidateUploadAsync(request);
        var b = await _activities.ValidateUploadAsync(request);
        var reports = await _activities.WriteReportAsync(b);
        await _activities.RecordUploadAsync(new RecordRequest(b, reports));
        var again = await _activities.RecordUploadAsync(new RecordRequest(b, reports));

        Assert.Equal(a.CanonicalPath, b.CanonicalPath);
        Assert.True(again.BecameCurrent);
        Assert.Single(await _store.ListAsync("accepted/").ToListAsync());
        Assert.Single(await _store.QueryAsync(StorageLayout.UploadsTable).ToListAsync());
    }

    [Fact]
    public async Task Report_ForAnUploaderKeepsValuesButTheSummaryAndRecordsCarryNone()
    {
        var census = Census(sex: "Q");
        await Upload("uploads/8552001/school-census/jan.csv", census);

        var result = Assert.Single(await Sweep());

        var upn = Upn.Create("855200125001");
        await using var json = await _store.OpenReadAsync(result.Reports!.Json);
        Assert.Contains("\"row\": 2", await new StreamReader(json).ReadToEndAsync());
        Assert.DoesNotContain(upn, System.Text.Json.JsonSerializer.Serialize(result));
        var record = await _store.GetAsync(StorageLayout.UploadsTable, "8552001", result.Validation.UploadId);
        Assert.DoesNotContain(upn, System.Text.Json.JsonSerializer.Serialize(record!.Properties));
    }

    private async Task<string> Hash(string path)
    {
        await using var content = await _store.OpenReadAsync(path);
        return await UploadIds.HashAsync(content);
    }
}

public sealed class OnBehalfIngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-onbehalf-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Sweep_LaUploadingTwoSchoolsCensuses_KeepsEachSchoolsReturnInForceSeparately()
    {
        var store = new LocalFolderStore(_root);
        foreach (var school in new[] { "8552001", "8552002" })
        {
            var csv = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
                      $"{school},2026-01-15,{Upn.Create(school + "25001")},2016-10-01,F,4,K,SLCN\r\n";
            await store.WriteAsync($"uploads/la/school-census/{school}.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), overwrite: false);
        }
        var activities = new IngestActivities(store, store, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance);

        var results = await new UploadSweep(store, store, activities).RunAsync();

        Assert.All(results, r => Assert.True(r.Record!.BecameCurrent));
        var inForce = await store.QueryAsync(StorageLayout.AcceptedTable, "school-census").ToListAsync();
        Assert.Equal(["8552001~2026-01-15", "8552002~2026-01-15"], inForce.Select(r => r.RowKey));
        Assert.All(inForce, r => Assert.Equal("la", r.GetString("Submitter")));
    }
}
