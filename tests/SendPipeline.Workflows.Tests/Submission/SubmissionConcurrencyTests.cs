using System.Globalization;
using SendPipeline.Storage;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Workflows.Tests.Submission;

/// <summary>
/// Table ports that hold every conditional write to <c>packages</c> until <paramref name="racers"/> of
/// them have arrived, then let them all go at once: two runs that both decided to publish version n
/// race for it for certain, not by luck of timing.
/// </summary>
internal sealed class RaceAtClaim(ITableStore tables, int racers) : ITableStore
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default)
    {
        if (table == QuarterPaths.PackagesTable)
        {
            if (Interlocked.Increment(ref _arrived) == racers) _allArrived.SetResult();
            await _allArrived.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        }
        return await tables.TryWriteAsync(table, row, ifMatchETag, cancellationToken);
    }

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        tables.GetAsync(table, partitionKey, rowKey, cancellationToken);

    public IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null, CancellationToken cancellationToken = default) =>
        tables.QueryAsync(table, partitionKey, cancellationToken);

    public Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default) => tables.UpsertAsync(table, row, cancellationToken);

    public IAsyncEnumerable<TableKey> QueryKeysAsync(string table, CancellationToken cancellationToken = default) => tables.QueryKeysAsync(table, cancellationToken);

    public Task UpsertManyAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default) =>
        tables.UpsertManyAsync(table, rows, cancellationToken);

    public Task DeleteManyAsync(string table, IReadOnlyList<TableKey> keys, CancellationToken cancellationToken = default) =>
        tables.DeleteManyAsync(table, keys, cancellationToken);
}

/// <summary>
/// Two submission runs publishing the same quarter at the same moment, on a local folder and on
/// Azurite: one version is written, the other run stops with a sentence, and a rerun finds it.
/// </summary>
public sealed class SubmissionConcurrencyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-submission-race-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static string AzuriteConnection =>
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    [Fact]
    public Task Publish_TwoRunsAtOnceOnALocalFolder_WriteOneVersionAndTheOtherSaysSo()
    {
        var store = new LocalFolderStore(_root);
        return RaceAsync(new Stores(store, store), "2025-26 Q4");
    }

    [Fact]
    public Task Publish_TwoRunsAtOnceOnAzurite_WriteOneVersionAndTheOtherSaysSo() =>
        // A quarter no other test uses, so reruns against one Azurite never meet an earlier run's versions.
        RaceAsync(StoreFactory.Create(AzuriteConnection), Quarter());

    private static string Quarter()
    {
        var start = Random.Shared.Next(3000, 9000);
        return string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00} Q{Random.Shared.Next(1, 5)}");
    }

    private static async Task RaceAsync(Stores stores, string quarter)
    {
        var signed = new SignedQuarter(stores.Blobs, stores.Tables, quarter);
        await signed.SaveAndSignAsync();
        var race = new RaceAtClaim(stores.Tables, racers: 2);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run<(PublishResult? Result, Exception? Error)>(async () =>
        {
            try
            {
                return (await signed.Activities(null, tableStore: race).PublishPackageAsync(signed.Reference), null);
            }
            catch (SubmissionConflictException e)
            {
                return (null, e);
            }
        })));
        var rerun = await signed.Activities(null).PublishPackageAsync(signed.Reference);

        var published = Assert.Single(runs, r => r.Result is not null).Result!;
        var stopped = Assert.Single(runs, r => r.Error is not null).Error!;
        Assert.Equal((1, true), (published.Version, published.Published));
        Assert.Contains($"Another submission run for {quarter} claimed package version 1 at the same moment", stopped.Message);
        Assert.Equal((1, false), (rerun.Version, rerun.Published));
        var claims = new List<string>();
        await foreach (var row in stores.Tables.QueryAsync(QuarterPaths.PackagesTable, QuarterPaths.Slug(quarter))) claims.Add(row.RowKey);
        Assert.Equal(["v1"], claims);
        var versions = new HashSet<string>();
        await foreach (var blob in stores.Blobs.ListAsync(QuarterPaths.Root(quarter) + "/v")) versions.Add(blob.Path.Split('/')[2]);
        Assert.Equal(["v1"], versions);
    }
}
