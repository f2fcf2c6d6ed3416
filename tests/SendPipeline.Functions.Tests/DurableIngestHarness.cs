using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SendPipeline.Core.Reference;
using SendPipeline.Functions.Activities;
using SendPipeline.Functions.Orchestrations;
using SendPipeline.Functions.Triggers;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Functions.Tests;

/// <summary>An upload to seed, with the receipt time both runs must see.</summary>
internal sealed record TestUpload(string Path, string Csv, DateTime ReceivedUtc);

/// <summary>
/// Shared by the tests that run the real ingest and rebuild orchestrations on a real local store in the
/// in-process Durable host and compare the end state with a one-by-one <see cref="UploadSweep"/>.
/// </summary>
internal static class DurableIngestHarness
{
    public static readonly PipelineOptions Options = new("855");

    /// <summary>A small census for a school; <paramref name="shared"/> adds a child who is also on another school's census.</summary>
    public static string Census(string school, int pupils, string? shared)
    {
        var text = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        for (var i = 1; i <= pupils; i++) text.Append(CultureInfo.InvariantCulture, $"{school},2026-01-15,{Upn.Create(school + $"25{i:000}")},2016-10-01,F,4,K,SLCN\r\n");
        if (shared is not null) text.Append(CultureInfo.InvariantCulture, $"{school},2026-01-15,{shared},2016-10-01,M,4,E,ASD\r\n");
        return text.ToString();
    }

    /// <summary>The UPN that the 1st and 2nd of every 25 schools' censuses share, so the checks across returns find a child on two censuses.</summary>
    public static readonly string SharedUpn = Upn.Create("855299925900");

    /// <summary>The school that uploads twice within one second (the second upload wins).</summary>
    public const string TwiceSchool = "8552001";

    /// <summary>
    /// One census from each of <paramref name="schools"/> schools (8552001 on), received a second apart in an order
    /// unlike the order of their paths; the 1st and 2nd of every 25 share a child; the 7th is rejected (an invalid sex code); and
    /// <see cref="TwiceSchool"/> uploads again 500 ms after its first upload, under a path that sorts earlier, so
    /// only the receipt time, not the tie-break by path, can make it the one in force.
    /// </summary>
    public static IReadOnlyList<TestUpload> ManySchools(int schools, int pupils)
    {
        var start = new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc);
        var uploads = new List<TestUpload>();
        for (var i = 0; i < schools; i++)
        {
            var school = (8552001 + i).ToString(CultureInfo.InvariantCulture);
            var csv = Census(school, pupils, i % 25 is 0 or 1 ? SharedUpn : null);
            if (i == 6) csv = csv.Replace(",F,", ",Q,", StringComparison.Ordinal);
            uploads.Add(new TestUpload($"uploads/{school}/school-census/jan.csv", csv, start.AddSeconds(i * 7919 % schools).AddMilliseconds(200)));
        }
        uploads.Add(new TestUpload($"uploads/{TwiceSchool}/school-census/again.csv", Census(TwiceSchool, pupils + 1, SharedUpn), uploads[0].ReceivedUtc.AddMilliseconds(500)));
        return uploads;
    }

    public static LocalFolderStore Seed(string root, IEnumerable<TestUpload> uploads)
    {
        var store = new LocalFolderStore(root);
        foreach (var (path, csv, received) in uploads)
        {
            store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(csv)), overwrite: false).GetAwaiter().GetResult();
            File.SetLastWriteTimeUtc(Path.Combine(root, path), received);
        }
        return store;
    }

    /// <summary>The clean single run: every upload ingested one by one in order of receipt, then the data-quality report.</summary>
    public static async Task SweepAsync(LocalFolderStore store)
    {
        await new UploadSweep(store, store, new IngestActivities(store, store, Options, NullLogger<IngestActivities>.Instance), new PendingRebuild()).RunAsync();
        await new RebuildActivities(store, store, Options, NullLogger<RebuildActivities>.Instance).BuildDataQualityAsync(new RebuildRequest("sequential"));
    }

    /// <summary>What the blob trigger would hand to <see cref="IngestStarter"/> for each upload.</summary>
    public static async Task<IReadOnlyList<IngestRequest>> RequestsAsync(LocalFolderStore store, IEnumerable<TestUpload> uploads)
    {
        var requests = new List<IngestRequest>();
        foreach (var upload in uploads)
        {
            await using var content = await store.OpenReadAsync(upload.Path);
            requests.Add(new IngestRequest(upload.Path, await UploadIds.HashAsync(content)));
        }
        return requests;
    }

    /// <summary>
    /// Every row of the uploads and accepted tables (all properties), every report and canonical blob with its
    /// content, and the data-quality report: the state a clean run and a disturbed run must agree on.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(LocalFolderStore store)
    {
        var entries = new List<string>();
        foreach (var table in new[] { StorageLayout.UploadsTable, StorageLayout.AcceptedTable })
        {
            await foreach (var row in store.QueryAsync(table))
                entries.Add($"table {table}|{row.PartitionKey}|{row.RowKey}|" +
                    string.Join('|', row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Convert.ToString(p.Value, CultureInfo.InvariantCulture))));
        }
        foreach (var prefix in new[] { StorageLayout.Reports + "/", StorageLayout.Accepted + "/", "datasets/data-quality/data-quality.json" })
        {
            await foreach (var blob in store.ListAsync(prefix))
                entries.Add($"blob {blob.Path}\n{await TextAsync(store, blob.Path)}");
        }
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    public static async Task<string> TextAsync(LocalFolderStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    /// <summary>
    /// Starts the in-process host with the real ingest and rebuild orchestrations and activities on <paramref name="store"/>.
    /// <paramref name="decorate"/> wraps the ingest activities (to make them fail); <paramref name="retry"/> replaces
    /// <see cref="RetryPolicies.Activity"/> for ingest so a retry waits milliseconds rather than seconds.
    /// </summary>
    public static async Task<IngestHost> StartAsync(LocalFolderStore store, Func<IIngestActivities, IIngestActivities>? decorate = null, RetryPolicy? retry = null)
    {
        var activities = new IngestActivities(store, store, Options, NullLogger<IngestActivities>.Instance);
        var ingest = decorate is null ? activities : decorate(activities);
        var rebuild = new RebuildActivities(store, store, Options, NullLogger<RebuildActivities>.Instance);
        var result = new IngestHost();
        result.Host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<IngestRequest, IngestResult>(IngestWorkflow.Name, (ctx, request) =>
                IngestOrchestrator.RunWithRetryAsync(ctx, request, retry ?? RetryPolicies.Activity));
            registry.AddOrchestratorFunc<RebuildRequest, RebuildResult?>(RebuildWorkflow.Name, (ctx, request) => RebuildOrchestrator.RunAsync(ctx, request));
            registry.AddActivities(IngestActivityTable.All, ingest);
            registry.AddActivityFunc<RebuildRequest, bool>(IngestActivityNames.RequestRebuild, async (_, input) =>
            {
                await RebuildSignal.SignalAsync(result.Client, input with { DebounceSeconds = 1 }, NullLogger.Instance);
                return true;
            });
            registry.AddActivities(RebuildActivityTable.All, rebuild, except: RebuildActivityNames.BuildDataQuality);
            registry.AddActivityFunc<RebuildRequest, DataQualitySummary>(RebuildActivityNames.BuildDataQuality, (_, input) =>
            {
                result.CountBuild();
                return RebuildActivityTable.BuildDataQuality.Run(rebuild, input, CancellationToken.None);
            });
        }, new DurableTaskTestHostOptions { LoggerFactory = NullLoggerFactory.Instance });
        return result;
    }

    /// <summary>The running host, and how many data-quality rebuilds it has started.</summary>
    internal sealed class IngestHost : IAsyncDisposable
    {
        private int _builds;

        public DurableTaskTestHost Host { get; set; } = null!;

        public DurableTaskClient Client => Host.Client;

        public int Builds => Volatile.Read(ref _builds);

        public void CountBuild() => Interlocked.Increment(ref _builds);

        /// <summary>Waits for every instance to finish, and returns how each ended.</summary>
        public async Task<IReadOnlyList<OrchestrationRuntimeStatus>> WaitForAllAsync(IEnumerable<IngestRequest> requests, TimeSpan within)
        {
            // One at a time, as a few hundred waits held open at once gain nothing.
            using var cts = new CancellationTokenSource(within);
            var ended = new List<OrchestrationRuntimeStatus>();
            foreach (var r in requests)
                ended.Add((await Client.WaitForInstanceCompletionAsync(r.InstanceId, cts.Token)).RuntimeStatus);
            return ended;
        }

        /// <summary>Waits until a rebuild has run and no other has started for three debounce windows.</summary>
        public async Task WaitUntilQuietAsync()
        {
            var watch = Stopwatch.StartNew();
            var last = Builds;
            var quietSince = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
                var now = Builds;
                if (now != last) { last = now; quietSince.Restart(); }
                if (now > 0 && quietSince.Elapsed > TimeSpan.FromSeconds(3)) return;
            }
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
