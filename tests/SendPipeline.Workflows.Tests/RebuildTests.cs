using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Reports;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Tests;

public sealed class RebuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-rebuild-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;

    public RebuildTests() => _store = new LocalFolderStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string SharedUpn = Upn.Create("855200125777");

    private async Task UploadCensus(string school, string upn)
    {
        var csv = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
                  $"{school},2026-01-15,{Upn.Create(school + "25001")},2016-10-01,F,4,K,SLCN\r\n" +
                  $"{school},2026-01-15,{upn},2016-10-01,M,4,E,ASD\r\n";
        await _store.WriteAsync($"uploads/{school}/school-census/jan.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), overwrite: false);
    }

    private async Task<RebuildResult> IngestAndRebuild()
    {
        var options = new PipelineOptions("855");
        await new UploadSweep(_store, _store, new IngestActivities(_store, _store, options, NullLogger<IngestActivities>.Instance)).RunAsync();
        var activities = new RebuildActivities(_store, _store, options, NullLogger<RebuildActivities>.Instance);
        return await RebuildWorkflow.RunAsync(new DirectWorkflowContext(RebuildWorkflow.SingletonInstanceId, DirectWorkflowContext.ForRebuild(activities)), new RebuildRequest("test"));
    }

    [Fact]
    public async Task Rebuild_ChildOnTwoSchoolsCensuses_IsInTheDataQualityReportForBothWithoutTheirUpn()
    {
        await UploadCensus("8552001", SharedUpn);
        await UploadCensus("8552002", SharedUpn);

        var result = await IngestAndRebuild();

        Assert.Equal(2, result.DataQuality.IssuesByRule["XR1001"]);
        await using var json = await _store.OpenReadAsync(result.DataQuality.ReportJson);
        var report = DataQualityWriters.ReadJson(json);
        Assert.Equal(["8552001", "8552002"], report.Issues.Where(i => i.RuleId == "XR1001").Select(i => i.Submitter));
        Assert.All(report.Issues, i => Assert.Equal(3, i.Row));
        Assert.Equal(2, report.Submitters.Count);
        Assert.All(report.Submitters, s => Assert.True(s.InForce));
        foreach (var file in new[] { "data-quality.json", "issues.csv", "submitters.csv", "data-quality.html" })
        {
            await using var stream = await _store.OpenReadAsync($"{RebuildActivities.DataQualityFolder}/{file}");
            Assert.DoesNotContain(SharedUpn, await new StreamReader(stream).ReadToEndAsync());
        }
    }

    [Fact]
    public async Task Rebuild_Twice_WritesIdenticalBytes()
    {
        await UploadCensus("8552001", SharedUpn);
        await UploadCensus("8552002", SharedUpn);
        await IngestAndRebuild();
        var first = await Read("data-quality.json");

        await IngestAndRebuild();

        Assert.Equal(first, await Read("data-quality.json"));
    }

    [Fact]
    public async Task PictureLoader_ReadsTheReturnsOncePerChange()
    {
        await UploadCensus("8552001", SharedUpn);
        await IngestAndRebuild();
        var loader = new PictureLoader(_store, _store);

        var first = await loader.LoadAsync();
        var again = await loader.LoadAsync();
        await UploadCensus("8552002", SharedUpn);
        await IngestAndRebuild();
        var afterUpload = await loader.LoadAsync();

        Assert.Same(first, again);
        Assert.NotSame(first, afterUpload);
        Assert.Equal(2, first.Census.Count);
        Assert.Equal(4, afterUpload.Census.Count);
    }

    [Fact]
    public async Task PictureLoader_ReturnsInForceOnly_ReusesThePictureWhenOnlyARejectedUploadArrived()
    {
        await UploadCensus("8552001", SharedUpn);
        await IngestAndRebuild();
        var loader = new PictureLoader(_store, _store);
        var first = await loader.LoadAsync();

        await _store.WriteAsync("uploads/8552002/school-census/jan.csv", new MemoryStream(Encoding.UTF8.GetBytes("not,a,census\r\n")), overwrite: false);
        await IngestAndRebuild();
        var returnsInForce = await loader.LoadReturnsInForceAsync();
        var withStatus = await loader.LoadAsync();

        Assert.Same(first, returnsInForce);
        Assert.NotSame(first, withStatus);
        Assert.Single(first.Uploads);
        Assert.Equal(2, withStatus.Uploads.Count);
        Assert.Equal(first.Census.Count, withStatus.Census.Count);
    }

    private async Task<byte[]> Read(string file)
    {
        await using var stream = await _store.OpenReadAsync($"{RebuildActivities.DataQualityFolder}/{file}");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
