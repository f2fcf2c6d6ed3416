using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Returns.Assumptions;
using SendPipeline.Core.Validation;
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
    public async Task Rebuild_WritesTheDashboardAtItsStablePath_SayingWhatIsMissing_AndTheSameBytesTwice()
    {
        await UploadCensus("8552001", SharedUpn);
        await UploadCensus("8552002", SharedUpn);

        var result = await IngestAndRebuild();
        var first = await ReadAt(RebuildActivities.DashboardPath);
        await IngestAndRebuild();

        Assert.Equal("datasets/dashboard/index.html", result.Dashboard!.Path);
        // Only censuses are in force: no history to forecast, no finance, no workforce.
        Assert.Equal(3, result.Dashboard.Missing.Count);
        Assert.Contains("no EHC plan history for LA 855", first);
        Assert.Contains("8552001", first);
        Assert.DoesNotContain(SharedUpn, first);
        Assert.Equal(first, await ReadAt(RebuildActivities.DashboardPath));
    }

    private async Task<string> ReadAt(string path)
    {
        await using var stream = await _store.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
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
    public async Task Rebuild_WritesLineageBesideEachDataset_NamingOnlyTheReturnsItReadsWithTheirHashes()
    {
        await UploadCensus("8552001", SharedUpn);
        await IngestAndRebuild();
        var censusHash = await HashOf("uploads/8552001/school-census/jan.csv");

        var dataQuality = await ReadLineage(RebuildActivities.DataQualityFolder);
        var workforce = await ReadLineage(RebuildActivities.WorkforceFolder);

        var census = Assert.Single(dataQuality.Returns);
        Assert.Equal(("school-census", "uploads/8552001/school-census/jan.csv", censusHash), (census.ReturnType, census.UploadPath, census.ContentHash));
        Assert.Equal(RuleCatalogue.Version, dataQuality.RuleCatalogueVersion);
        Assert.Empty(workforce.Returns);
        var assumptions = Assert.Single(workforce.Assumptions!);
        Assert.Equal(AssumptionsLineage.ShippedDefaults, assumptions.Source);
        Assert.Equal("default-2026-07", assumptions.Version);
        Assert.Equal(64, assumptions.Sha256.Length);
    }

    [Fact]
    public async Task Rebuild_AfterAnAssumptionsUpload_LineageNamesThatUploadAndItsVersion()
    {
        await UploadCensus("8552001", SharedUpn);
        var assumptions = new StreamReader(AssumptionsDefaults.Open()).ReadToEnd().Replace("default-2026-07", "leics-2026-11");
        const string path = "uploads/la/assumptions/assumptions-2026-11.csv";
        await _store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(assumptions)), overwrite: false);

        await IngestAndRebuild();

        var lineage = await ReadLineage(RebuildActivities.WorkforceFolder);
        var used = Assert.Single(lineage.Assumptions!);
        Assert.Equal((AssumptionsLineage.Uploaded, "leics-2026-11", await HashOf(path)), (used.Source, used.Version, used.Sha256));
        Assert.Equal(used.UploadId, Assert.Single(lineage.Returns, r => r.ReturnType == "assumptions").UploadId);
        Assert.DoesNotContain(lineage.Returns, r => r.ReturnType == "school-census");
    }

    private async Task<DatasetLineage> ReadLineage(string folder)
    {
        await using var stream = await _store.OpenReadAsync($"{folder}/{RebuildActivities.LineageFile}");
        return JsonSerializer.Deserialize<DatasetLineage>(stream, ReportJson.Options)!;
    }

    private async Task<string> HashOf(string path)
    {
        await using var stream = await _store.OpenReadAsync(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }

    private async Task Upload(string path, string text) =>
        await _store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(text)), overwrite: false);

    [Fact]
    public async Task Rebuild_Workforce_ReadsTheCapsFromTheAssumptionsInForceAndWritesTheChecks()
    {
        // Enabling is 8% of the grant's cost: inside the shipped 10% cap, outside the LA's 5%.
        string defaults;
        using (var reader = new StreamReader(AssumptionsDefaults.Open())) defaults = await reader.ReadToEndAsync();
        Assert.Contains("\neah-split,max-enabling,all,0.10,", defaults);
        await Upload("uploads/la/assumptions/2026-09.csv", defaults.Replace("\neah-split,max-enabling,all,0.10,", "\neah-split,max-enabling,all,0.05,")
            .Replace("default-2026-07", "2026-09-budget"));
        await Upload("uploads/svc-eps/workforce/q3.csv",
            "ServiceCode,Quarter,PostId,Discipline,Role,FTE,Status,AnnualCost,FundingSource,TimeLimitedUntil\r\n" +
            "svc-eps,2025-26 Q3,EP-001,EP,FrontLine,1,Filled,92000,EAH,\r\n" +
            "svc-eps,2025-26 Q3,AD-001,OTHER,Enabling,0.2,Filled,8000,EAH,\r\n" +
            "svc-eps,2025-26 Q3,TR-001,EP,Transformation,0.1,Filled,0,EAH,2025-06-30\r\n");

        var workforce = (await IngestAndRebuild()).Workforce;

        Assert.Equal(("2025-26 Q3", false), (workforce.Quarter, workforce.SplitMeetsRules));
        Assert.Equal("front line at least 80%, enabling at most 5%, transformation at most 10%", workforce.SplitRuleText);
        Assert.Equal((0m, true), (workforce.OutreachEahFte, workforce.OutreachInWindow));
        Assert.Equal(2, workforce.Findings.Count);
        Assert.StartsWith("No AP outreach posts funded from Experts at Hand were returned for 2025-26 Q3", workforce.Findings[0]);
        Assert.StartsWith("Transformation post TR-001 (EP, 0.1 FTE, £0 a year, EAH) was time-limited until 2025-06-30", workforce.Findings[1]);
        Assert.Contains("\n2025-26 Q3,Enabling,8000.00,0.08,at most 5%,N\n", await ReadText(RebuildActivities.WorkforceFolder + "/split.csv"));
        Assert.Equal(3, (await ReadText(RebuildActivities.WorkforceFolder + "/checks.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("Quarter,FinancialYear,", await ReadText(RebuildActivities.WorkforceFolder + "/outreach.csv"));
    }

    private async Task<string> ReadText(string path)
    {
        await using var stream = await _store.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
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
