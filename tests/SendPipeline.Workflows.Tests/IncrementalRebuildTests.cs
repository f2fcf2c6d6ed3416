using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reference;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Tests;

/// <summary>
/// A long-lived worker rebuilds after each upload from the parts of the picture it kept, reading only the returns
/// that changed; every output must be byte for byte what a fresh, full rebuild writes from the same returns in force.
/// Random sequences of uploads (new schools, supersessions, duplicates, rejected files, providers' placements, a
/// changed register) are run for several seeds, and the two rebuilds compared after every step.
/// </summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "sendpipeline-incremental-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private readonly PipelineOptions _options = new("855");

    public IncrementalRebuildTests() => _store = new LocalFolderStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string[] Schools = ["8552001", "8552002", "8552003", "8557001"];
    private const string SpecialSchoolUrn = "120007";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RebuildFromKeptParts_AfterEachUpload_WritesTheBytesOfAFullRebuild(int seed)
    {
        var random = new Random(seed);
        var worker = new RebuildActivities(_store, _store, _options, NullLogger<RebuildActivities>.Instance);
        var loader = worker.Pictures;
        await Upload(0, "la", "establishments", Register(random, extra: false));
        await Sweep();
        await Rebuild(worker);

        for (var step = 1; step <= 9; step++)
        {
            var change = await UploadSomething(random, step);
            await Sweep();

            await Rebuild(worker);
            var incremental = await Outputs();
            var read = loader.ReturnsReadLastTime;
            // A fresh process: no parts in memory, so it reads the parts the worker kept in storage.
            var fresh = new RebuildActivities(_store, _store, _options, NullLogger<RebuildActivities>.Instance);
            await Rebuild(fresh);
            var fromFile = await Outputs();
            await Rebuild(new RebuildActivities(_store, _store, _options with { FullRebuild = true },
                NullLogger<RebuildActivities>.Instance));
            var full = await Outputs();

            Assert.True(incremental.Count > 20, $"seed {seed}, step {step} ({change}): {incremental.Count} outputs");
            foreach (var (name, outputs) in new[] { ("kept in memory", incremental), ("kept in storage", fromFile) })
            {
                Assert.Equal(full.Keys.Order(StringComparer.Ordinal), outputs.Keys.Order(StringComparer.Ordinal));
                foreach (var (path, hash) in full)
                    Assert.True(hash == outputs[path],
                        $"seed {seed}, step {step} ({change}): {path} from the parts {name} differs from a full one");
            }
            // The worker opened at most the one return that came into force; a duplicate or a rejection opens none.
            Assert.True(read <= 1, $"seed {seed}, step {step} ({change}): read {read} returns, not at most 1");
            Assert.Equal(0, fresh.Pictures.ReturnsReadLastTime);
        }
    }

    [Fact]
    public async Task RebuildFromKeptParts_ReadsOnlyTheReturnThatCameIntoForce_AndLetsTheSupersededOneGo()
    {
        var worker = new RebuildActivities(_store, _store, _options, NullLogger<RebuildActivities>.Instance);
        var random = new Random(7);
        await Upload(0, "la", "establishments", Register(random, extra: false));
        foreach (var school in Schools) await Upload(1, school, "school-census", Census(random, school));
        await Sweep();
        await Rebuild(worker);
        Assert.Equal(5, worker.Pictures.ReturnsReadLastTime);

        await Upload(2, Schools[1], "school-census", Census(random, Schools[1]));
        await Sweep();
        await Rebuild(worker);
        var picture = await worker.Pictures.LoadAsync();

        Assert.Equal(1, worker.Pictures.ReturnsReadLastTime);
        Assert.Equal(5, picture.Lineage.Count);
        Assert.Single(picture.Lineage, l => l.UploadPath == $"uploads/{Schools[1]}/school-census/2-{Schools[1]}.csv");
        Assert.DoesNotContain(picture.Lineage,
            l => l.UploadPath == $"uploads/{Schools[1]}/school-census/1-{Schools[1]}.csv");
    }

    /// <summary>One random upload; returns what it was, for the failure message.</summary>
    private async Task<string> UploadSomething(Random random, int step)
    {
        var school = Schools[random.Next(Schools.Length)];
        switch (random.Next(6))
        {
            case 0 or 1:
                await Upload(step, school, "school-census", Census(random, school));
                return $"census from {school}";
            case 2:
                var last = await _store.ListAsync($"uploads/{school}/school-census/").LastOrDefaultAsync();
                if (last is null)
                {
                    await Upload(step, school, "school-census", Census(random, school));
                    return $"census from {school}";
                }
                await using (var stream = await _store.OpenReadAsync(last.Path))
                using (var copy = new MemoryStream())
                {
                    await stream.CopyToAsync(copy);
                    await _store.WriteAsync($"uploads/{school}/school-census/{step}-again.csv",
                        new MemoryStream(copy.ToArray()), overwrite: false);
                }
                return $"the same census again from {school}";
            case 3:
                await Upload(step, school, "school-census", "not,a,census\r\n1,2,3\r\n");
                return $"a rejected file from {school}";
            case 4:
                await Upload(step, SpecialSchoolUrn, "placements", Placements(random));
                return "placements";
            default:
                await Upload(step, "la", "establishments", Register(random, extra: random.Next(2) == 0));
                return "the register again";
        }
    }

    private static readonly string[] Upns = [.. Enumerable.Range(0, 12).Select(i => Upn.Create($"85520012{i:D4}"))];

    private static string Census(Random random, string school)
    {
        var csv = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        // Drawn from one small pool of children, so the same child on two schools' censuses happens.
        foreach (var upn in Upns.OrderBy(_ => random.Next()).Take(random.Next(2, 6)).Order(StringComparer.Ordinal))
            csv.Append(CultureInfo.InvariantCulture,
                $"{school},2026-01-15,{upn},2016-10-01,F,4,{(random.Next(3) == 0 ? 'E' : 'K')}," +
                $"{(random.Next(2) == 0 ? "ASD" : "SLCN")}\r\n");
        return csv.ToString();
    }

    private static string Placements(Random random)
    {
        var csv = new StringBuilder("ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart," +
            "PlacementEnd,Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA\r\n");
        foreach (var upn in Upns.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Order(StringComparer.Ordinal))
            csv.Append(CultureInfo.InvariantCulture,
                $"{SpecialSchoolUrn},2026-03-31,{upn},,2016-10-01,MSS,2025-09-01,,N,{random.Next(20, 40)}000,")
                .Append("TOPUP,ASD,Y,855\r\n");
        return csv.ToString();
    }

    private static string Register(Random random, bool extra)
    {
        var csv = new StringBuilder("URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name)," +
            "PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name)\r\n");
        for (var i = 0; i < 3; i++)
            csv.Append(CultureInfo.InvariantCulture,
                $"10000{i + 1},855,{2001 + i},School {i + 1},Community school,Primary," +
                $"{random.Next(100, 400)},Open\r\n");
        csv.Append($"{SpecialSchoolUrn},855,7001,Special School,Community special school,All-through,120,Open\r\n");
        if (extra) csv.Append("100009,855,2009,School 9,Academy converter,Primary,210,Open\r\n");
        return csv.ToString();
    }

    private async Task Upload(int step, string submitter, string returnType, string text) =>
        await _store.WriteAsync($"uploads/{submitter}/{returnType}/{step}-{submitter}.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(text)), overwrite: false);

    private async Task Sweep() =>
        await new UploadSweep(_store, _store,
            new IngestActivities(_store, _store, _options, NullLogger<IngestActivities>.Instance)).RunAsync();

    private static async Task Rebuild(RebuildActivities activities) =>
        await RebuildWorkflow.RunAsync(new DirectWorkflowContext(RebuildWorkflow.SingletonInstanceId,
            DirectWorkflowContext.ForRebuild(activities)), new RebuildRequest("test"));

    /// <summary>The SHA-256 of every dataset and Power BI file, by path.</summary>
    private async Task<Dictionary<string, string>> Outputs()
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prefix in new[] { "datasets/", "powerbi/" })
            await foreach (var blob in _store.ListAsync(prefix))
            {
                await using var stream = await _store.OpenReadAsync(blob.Path);
                hashes[blob.Path] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
            }
        return hashes;
    }
}
