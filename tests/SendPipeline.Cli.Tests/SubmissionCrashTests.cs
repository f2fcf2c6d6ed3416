using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Submission;
using SendPipeline.SampleData;
using SendPipeline.Storage;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The sample LA for 2025-26 Q4, ingested, rebuilt and signed by all five roles, with its snapshot
/// not yet stored: the next <c>submit</c> freezes, publishes a final package and delivers it. Tests copy
/// the folder and never change this one.
/// </summary>
public sealed class SignedSampleLa : IDisposable
{
    public const string Quarter = "2025-26 Q4";

    public string Folder { get; } = CliRunner.TempDir();

    public SignedSampleLa()
    {
        var noArgs = new CommandLine([], new HashSet<string>());
        SampleLaGenerator.Generate(new SampleLaOptions
        {
            // The drill's LA: every blocking check passes on it, so the signed package is final.
            Seed = 5, PlantErrors = false,
            EhcpHistoryPath = GenerateCommand.HistoryPath(noArgs), AssumptionsPath = GenerateCommand.AssumptionsPath(noArgs),
        }, Folder);
        IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(Folder), "855").GetAwaiter().GetResult();
        var draft = CliRunner.Run("submit", "--quarter", Quarter, "--no-deliver", "--store", Folder).GetAwaiter().GetResult();
        if (draft.Exit != 1) throw new InvalidOperationException("The sample LA should publish a draft: " + draft.Out + draft.Err);
        var hash = draft.Out.Split(' ', '\n').First(w => w.Length == 64 && w.All(char.IsAsciiHexDigit));
        foreach (var (role, holder) in SignOffRoles.All.Zip(["Alex Morgan", "Sam Patel", "Jordan Reid", "Casey Okafor", "Robin Hughes"]))
        {
            var issued = CliRunner.Run("signer-key", "--role", role.Id, "--name", holder, "--store", Folder).GetAwaiter().GetResult();
            if (issued.Exit != 0) throw new InvalidOperationException("Issuing a signer key failed: " + issued.Out + issued.Err);
            var signed = CliRunner.Run("signoff", "--quarter", Quarter, "--role", role.Id, "--key", issued.Out.Split('\n')[1].Trim(),
                "--snapshot", hash, "--store", Folder).GetAwaiter().GetResult();
            if (signed.Exit != 0) throw new InvalidOperationException("Signing failed: " + signed.Out + signed.Err);
        }
        // Back to a store where nothing of this quarter is frozen or published, only signed.
        foreach (var path in Directory.GetDirectories(Path.Combine(Folder, "submissions"))) Directory.Delete(path, recursive: true);
        var packages = Path.Combine(Folder, ".tables", QuarterPaths.PackagesTable);
        if (Directory.Exists(packages)) Directory.Delete(packages, recursive: true);
        SnapshotHash = hash;
    }

    public string SnapshotHash { get; }

    /// <summary>A private copy of the prepared store.</summary>
    public string Copy()
    {
        var target = CliRunner.TempDir();
        foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// <c>submit</c> is crash-safe: for every storage write it makes (freezing the snapshot, claiming and
/// writing the package, recording the delivery), a run that dies just before or just after that write,
/// followed by a plain rerun, ends exactly as one uninterrupted run: the same files byte for byte, the
/// same table rows, and the package delivered once (every POST the same package under the same key).
/// </summary>
public sealed class SubmissionCrashTests(SignedSampleLa sample) : IClassFixture<SignedSampleLa>
{
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 7, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<SubmissionResult> SubmitAsync(IBlobStore blobs, ITableStore tables, HttpClient http, DfeStubServer dfe)
    {
        var delivery = new DfeDeliveryClient(http, new DeliveryOptions(new Uri(dfe.Url)), NullLogger<DfeDeliveryClient>.Instance);
        var activities = new SubmissionActivities(blobs, tables, new PipelineOptions("855"), new FixedClock(), delivery, NullLogger<SubmissionActivities>.Instance);
        var context = new DirectWorkflowContext(SubmissionWorkflow.InstanceIdFor(SignedSampleLa.Quarter), DirectWorkflowContext.ForSubmission(activities));
        return await SubmissionWorkflow.RunAsync(context, new SubmissionRequest(SignedSampleLa.Quarter));
    }

    /// <summary>Everything submit writes: the submissions blobs and the rows of its tables, without ETags.</summary>
    private static async Task<SortedDictionary<string, string>> StateAsync(string folder)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "submissions"), "*", SearchOption.AllDirectories))
            state[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        var store = new LocalFolderStore(folder);
        foreach (var table in new[] { QuarterPaths.PackagesTable, QuarterPaths.DeliveriesTable, QuarterPaths.SignOffsTable })
            await foreach (var row in store.QueryAsync(table))
                state[$"{table}/{row.PartitionKey}/{row.RowKey}"] = string.Join(";", row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
        return state;
    }

    [Fact]
    public async Task Submit_CrashBeforeOrAfterAnyWriteThenRerun_EndsAsOneUninterruptedRun()
    {
        using var http = new HttpClient();
        using var dfe = new DfeStubServer();

        var folder = sample.Copy();
        var store = new LocalFolderStore(folder);
        try
        {
            var counting = new CrashingStores(store, store);
            var reference = await SubmitAsync(counting, counting, http, dfe);
            Assert.Equal((SubmissionPackager.Final, DeliveryOutcome.Delivered), (reference.Package.Status, reference.Delivery.Status));
            Assert.Equal(sample.SnapshotHash, reference.Snapshot.Hash);
            var expected = await StateAsync(folder);
            var sent = Assert.Single(dfe.Requests);
            // The snapshot's files and document, the claim, the package's files and manifest, the delivery record.
            var writes = counting.Log;
            Assert.True(writes.Count >= 20, string.Join("\n", writes));
            Assert.Contains(writes, w => w.EndsWith("snapshot.json", StringComparison.Ordinal));
            Assert.Contains(writes, w => w.StartsWith($"conditional {QuarterPaths.PackagesTable}/", StringComparison.Ordinal));
            Assert.Contains(writes, w => w.EndsWith(PackageManifest.FileName, StringComparison.Ordinal));
            Assert.Contains(writes, w => w.StartsWith($"upsert {QuarterPaths.DeliveriesTable}/", StringComparison.Ordinal));
            // Nothing else is written, so clearing these puts the folder back as the sample left it.
            Assert.All(writes, w => Assert.Matches($"^(blob submissions/|conditional {QuarterPaths.PackagesTable}/|upsert {QuarterPaths.DeliveriesTable}/)", w));

            var failures = new List<string>();
            for (var crashAt = 1; crashAt <= writes.Count; crashAt++)
            {
                foreach (var after in new[] { false, true })
                {
                    Reset(folder);
                    dfe.Requests.Clear();
                    var crashing = new CrashingStores(store, store) { CrashAt = crashAt, AfterWrite = after };
                    var crashed = await Record.ExceptionAsync(() => SubmitAsync(crashing, crashing, http, dfe));
                    var rerun = await SubmitAsync(store, store, http, dfe);
                    var state = await StateAsync(folder);

                    var point = $"crash {(after ? "after" : "before")} write {crashAt} ({writes[crashAt - 1]})";
                    if (crashed is not SimulatedCrashException) failures.Add($"{point}: the run did not stop there ({crashed?.Message ?? "no exception"})");
                    if (rerun.Delivery.Status is not (DeliveryOutcome.Delivered or DeliveryOutcome.AlreadyDelivered))
                        failures.Add($"{point}: the rerun's delivery was {rerun.Delivery.Status}: {rerun.Delivery.Detail}");
                    var differences = expected.Keys.Union(state.Keys).Where(k => expected.GetValueOrDefault(k) != state.GetValueOrDefault(k)).ToList();
                    if (differences.Count > 0) failures.Add($"{point}: differs from an uninterrupted run at {string.Join(", ", differences)}");
                    if (dfe.Requests.IsEmpty || dfe.Requests.Any(r => r.IdempotencyKey != sent.IdempotencyKey || !r.Body.AsSpan().SequenceEqual(sent.Body)))
                        failures.Add($"{point}: the DfE did not receive exactly the reference package under its key ({dfe.Requests.Count} POSTs)");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Back to the signed sample: no snapshot, package, claim or delivery of the quarter.</summary>
    private static void Reset(string folder)
    {
        foreach (var path in new[] { Path.Combine(folder, "submissions"), Path.Combine(folder, ".tables", QuarterPaths.PackagesTable),
                     Path.Combine(folder, ".tables", QuarterPaths.DeliveriesTable) })
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    [Fact]
    public async Task Submit_TwoRunsAtOnceOnOneFolder_EndWithOneVersionAndNoStackTrace()
    {
        var folder = sample.Copy();
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                Task.Run(() => CliRunner.Run("submit", "--quarter", SignedSampleLa.Quarter, "--no-deliver", "--store", folder))));

            foreach (var (exit, output, error) in runs)
            {
                Assert.DoesNotContain("   at ", output + error);
                // The loser is stopped either at the claim or, when both saw the same snapshot's claim as theirs,
                // at the first write-once file; either way it writes nothing and is told to run again.
                Assert.True(exit == 0 || (exit == 2 && (error.Contains("claimed package version 1 at the same moment", StringComparison.Ordinal)
                    || error.Contains("Another run published this version; run the submission again", StringComparison.Ordinal))),
                    $"exit {exit}: {output}{error}");
            }
            Assert.Contains(runs, r => r.Exit == 0 && r.Out.Contains("Published version 1 as FINAL", StringComparison.Ordinal));
            Assert.Equal(["v1"], Directory.GetDirectories(Path.Combine(folder, "submissions", "2025-26-Q4"), "v*").Select(Path.GetFileName));
            var claims = new List<string>();
            await foreach (var row in new LocalFolderStore(folder).QueryAsync(QuarterPaths.PackagesTable)) claims.Add(row.RowKey);
            Assert.Equal(["v1"], claims);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Submit_PublishedFileTamperedOnDisk_IsRefusedWithExit2AndNothingPosted_ThenTheRerunDeliversAFreshVersion()
    {
        var folder = sample.Copy();
        using var dfe = new DfeStubServer();
        try
        {
            var published = await CliRunner.Run("submit", "--quarter", SignedSampleLa.Quarter, "--no-deliver", "--store", folder);
            Assert.True(published.Exit == 0, published.Out + published.Err);
            var csv = Path.Combine(folder, "submissions", "2025-26-Q4", "v1", "hnb-finance.csv");
            File.AppendAllText(csv, "2025-26,1.2.1,Budget,1\n", Encoding.UTF8);

            var refused = await CliRunner.Run("submit", "--quarter", SignedSampleLa.Quarter, "--deliver-to", dfe.Url, "--store", folder);
            var fresh = await CliRunner.Run("submit", "--quarter", SignedSampleLa.Quarter, "--deliver-to", dfe.Url, "--store", folder);

            Assert.Equal(2, refused.Exit);
            Assert.Contains("Delivery: refused. Version 1 of 2025-26 Q4 was not delivered", refused.Out);
            Assert.Contains("hnb-finance.csv has changed since publication", refused.Out);
            Assert.True(fresh.Exit == 0, fresh.Out + fresh.Err);
            Assert.Contains("Published version 2 as FINAL", fresh.Out);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(Assert.Single(dfe.Requests).Body));
            using var manifest = zip.GetEntry(PackageManifest.FileName)!.Open();
            Assert.Equal(2, PackageManifest.Read(manifest).Version);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
