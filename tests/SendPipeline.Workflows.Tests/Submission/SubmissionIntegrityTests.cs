using System.Text;
using System.Text.Json.Nodes;
using SendPipeline.Core.Submission;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Submission;
using static SendPipeline.Workflows.Tests.Submission.FakeDfeEndpoint;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>
/// Only what was signed is delivered: a final package altered on disk after publication (a file
/// changed, deleted or added, or the manifest edited) is refused before anything is posted, and the
/// next run publishes the signed snapshot afresh. A damaged stored snapshot is frozen afresh.
/// </summary>
public sealed class SubmissionIntegrityTests : IDisposable
{
    private const string Quarter = "2025-26 Q4";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-submission-integrity-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private readonly SignedQuarter _quarter;
    private readonly HttpClient _http = new();

    public SubmissionIntegrityTests()
    {
        _store = new LocalFolderStore(_root);
        _quarter = new SignedQuarter(_store, _store, Quarter);
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private string VersionFile(int version, string name) => Path.Combine(_root, "submissions", "2025-26-Q4", $"v{version}", name);

    [Fact]
    public async Task Deliver_IntactFinalPackage_PostsItOnce()
    {
        await using var dfe = await StartAsync();
        await _quarter.SaveAndSignAsync();
        var activities = _quarter.Activities(SignedQuarter.Client(_http, dfe.Url));

        var package = await activities.PublishPackageAsync(_quarter.Reference);
        var outcome = await activities.DeliverPackageAsync(package);

        Assert.Equal((SubmissionPackager.Final, 1), (package.Status, package.Version));
        Assert.Equal(DeliveryOutcome.Delivered, outcome.Status);
        Assert.Equal(package.Fingerprint, Assert.Single(dfe.Requests).Headers["Idempotency-Key"]);
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "change a CSV", "hnb-finance.csv has changed since publication" },
        { "delete a CSV", "hnb-finance.csv is missing" },
        { "add a file", "notes.txt is not in the manifest" },
        { "edit the manifest", "manifest.json has changed since publication" },
        { "change a CSV and its hash in the manifest", "manifest.json has changed since publication" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Deliver_PackageAlteredAfterPublication_IsRefusedNamingTheFileAndNothingIsPosted(string tampering, string expected)
    {
        await using var dfe = await StartAsync();
        await _quarter.SaveAndSignAsync();
        var activities = _quarter.Activities(SignedQuarter.Client(_http, dfe.Url));
        var package = await activities.PublishPackageAsync(_quarter.Reference);
        Tamper(tampering);

        var rerun = await activities.PublishPackageAsync(_quarter.Reference);
        var outcome = await activities.DeliverPackageAsync(rerun);

        Assert.Equal((1, false), (rerun.Version, rerun.Published));
        Assert.Equal(DeliveryOutcome.Refused, outcome.Status);
        Assert.Contains(expected, outcome.Detail);
        Assert.Contains("Nothing was sent", outcome.Detail);
        Assert.Empty(dfe.Requests);

        // The next run passes over the altered version and delivers the signed snapshot as version 2.
        var again = await activities.PublishPackageAsync(_quarter.Reference);
        var delivered = await activities.DeliverPackageAsync(again);
        Assert.Equal((2, true, package.Fingerprint), (again.Version, again.Published, again.Fingerprint));
        Assert.Contains("Version 1 was altered after publication", again.Note);
        Assert.Equal(DeliveryOutcome.Delivered, delivered.Status);
        Assert.Equal("2", Assert.Single(dfe.Requests).Headers["X-Package-Version"]);
    }

    private void Tamper(string tampering)
    {
        var csv = VersionFile(1, "hnb-finance.csv");
        var manifestPath = VersionFile(1, PackageManifest.FileName);
        switch (tampering)
        {
            case "change a CSV":
                File.WriteAllText(csv, "LAEstab,Placements\n8552001,30\n");
                break;
            case "delete a CSV":
                File.Delete(csv);
                break;
            case "add a file":
                File.WriteAllText(VersionFile(1, "notes.txt"), "added later");
                break;
            case "edit the manifest":
                var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
                manifest["statusReasons"] = new JsonArray("edited");
                File.WriteAllText(manifestPath, manifest.ToJsonString());
                break;
            case "change a CSV and its hash in the manifest":
                var bytes = Encoding.UTF8.GetBytes("LAEstab,Placements\n8552001,30\n");
                File.WriteAllBytes(csv, bytes);
                var edited = JsonNode.Parse(File.ReadAllText(manifestPath))!;
                var entry = edited["files"]!.AsArray().Single(f => (string?)f!["name"] == "hnb-finance.csv")!;
                entry["sha256"] = new PackageFile("hnb-finance.csv", bytes).Sha256;
                entry["bytes"] = bytes.Length;
                File.WriteAllText(manifestPath, edited.ToJsonString());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    [Fact]
    public async Task Deliver_EndpointRefusesOrIsUnreachable_FailsWithASentenceAndTheNextRunSendsTheSameVersion()
    {
        await using var dfe = await StartAsync(Reply(400, "bad package"));
        await _quarter.SaveAndSignAsync();
        var package = await _quarter.Activities(SignedQuarter.Client(_http, dfe.Url)).PublishPackageAsync(_quarter.Reference);

        var refused = await _quarter.Activities(SignedQuarter.Client(_http, dfe.Url)).DeliverPackageAsync(package);
        var unreachable = await _quarter.Activities(SignedQuarter.Client(_http, new Uri("http://127.0.0.1:1/submissions"))).DeliverPackageAsync(package);
        var later = await _quarter.Activities(SignedQuarter.Client(_http, dfe.Url)).DeliverPackageAsync(package);

        Assert.Equal(DeliveryOutcome.Failed, refused.Status);
        Assert.Contains("refused the package", refused.Detail);
        Assert.Equal(DeliveryOutcome.Failed, unreachable.Status);
        Assert.Contains("did not accept the package after 2 attempt(s)", unreachable.Detail);
        Assert.Equal(DeliveryOutcome.Delivered, later.Status);
        Assert.Equal(2, dfe.Requests.Count);
        Assert.All(dfe.Requests, r => Assert.Equal(package.Fingerprint, r.Headers["Idempotency-Key"]));
    }

    [Theory]
    [InlineData("https://dfe.example/returns")]
    [InlineData("http://127.0.0.1:8080/returns")]
    [InlineData("http://127.8.9.10/returns")]
    [InlineData("http://[::1]:8080/returns")]
    [InlineData("http://localhost:8080/returns")]
    public void Endpoint_HttpsOrLoopback_IsAccepted(string endpoint) =>
        Assert.Equal(new Uri(endpoint), new DeliveryOptions(DeliveryOptions.ParseEndpoint(endpoint)).Endpoint);

    [Theory]
    [InlineData("http://dfe.example/returns", "must use https")]
    [InlineData("http://10.0.0.5/returns", "must use https")]
    [InlineData("http://localhost.evil.example/returns", "must use https")]
    [InlineData("ftp://dfe.example/returns", "is not an https URL")]
    [InlineData("dfe.example/returns", "is not an https URL")]
    public void Endpoint_PlainHttpOffThisMachine_IsRefusedWithASentence(string endpoint, string expected)
    {
        var parsed = Assert.Throws<ArgumentException>(() => DeliveryOptions.ParseEndpoint(endpoint));

        Assert.Contains(expected, parsed.Message);
        // However the options are made, in code or from configuration, the check holds.
        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            Assert.Contains("must use https", Assert.Throws<ArgumentException>(() => new DeliveryOptions(uri)).Message);
    }

    public static TheoryData<string> Damage => new() { "changed table", "missing table", "truncated snapshot.json", "checks edited in snapshot.json" };

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task Freeze_StoredSnapshotDamaged_IsDetectedAndFrozenAfreshWithAWarning(string damage)
    {
        var activities = _quarter.Activities(null);
        var first = await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter, Deliver: false));
        var folder = Path.Combine(_root, first.Folder);
        var table = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).First();
        var document = Path.Combine(folder, SnapshotStore.DocumentName);
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        switch (damage)
        {
            case "changed table": File.AppendAllText(table, "tampered,row\n"); break;
            case "missing table": File.Delete(table); break;
            case "truncated snapshot.json": File.WriteAllBytes(document, File.ReadAllBytes(document)[..40]); break;
            default:
                var json = JsonNode.Parse(File.ReadAllText(document))!;
                var failed = json["checks"]!.AsArray().First(c => !(bool)c!["passed"]!)!;
                failed["passed"] = true;
                File.WriteAllText(document, json.ToJsonString());
                break;
        }
        Assert.False(before.All(b => File.Exists(b.Key) && File.ReadAllBytes(b.Key).AsSpan().SequenceEqual(b.Value)), "the damage was done");

        var loadDamaged = await Assert.ThrowsAsync<InvalidDataException>(() => new SnapshotStore(_store).LoadAsync(Quarter, first.Hash));
        var again = await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter, Deliver: false));
        var package = await activities.PublishPackageAsync(again);

        Assert.Contains("is damaged or has been altered", loadDamaged.Message);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Contains($"The stored copy of snapshot {first.Hash[..12]} was damaged", Assert.Single(again.Warnings!));
        Assert.Equal(first.Hash, (await new SnapshotStore(_store).LoadAsync(Quarter, first.Hash)).Hash);
        Assert.Equal(first.Hash, package.SnapshotHash);
        Assert.Empty((await activities.FreezeSnapshotAsync(new SubmissionRequest(Quarter, Deliver: false))).Warnings!);
    }
}
