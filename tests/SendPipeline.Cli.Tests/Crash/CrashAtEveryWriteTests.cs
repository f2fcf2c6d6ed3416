using System.Diagnostics;
using SendPipeline.Cli.Commands;
using SendPipeline.Cli.Drill;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Tests.Crash;

/// <summary>
/// Issue 15 item 1: ingest and rebuild killed just before or just after any one of their storage writes,
/// then simply run again, end exactly where an uninterrupted run ends.
/// </summary>
public sealed class CrashAtEveryWriteTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ingest_killed_before_or_after_any_write_then_run_again_ends_as_an_uninterrupted_run()
    {
        var template = Path.Combine(_dir, "template");
        SmallCrashLa.Create(template);
        var cleanRoot = Path.Combine(_dir, "clean");
        SmallCrashLa.Copy(template, cleanRoot);
        var counter = FaultSchedule.CrashAtWrite(long.MaxValue, CrashMoment.AfterWrite);
        var (results, rebuild) = await IngestCommand.IngestAndRebuildAsync(SmallCrashLa.Faulty(cleanRoot, counter), SmallCrashLa.La);
        var clean = StoreFactory.Create(cleanRoot);

        // The run covers what it must: every return type, a rejected upload, a superseding one and a duplicate.
        Assert.NotNull(rebuild);
        var statuses = results.Select(r => r.Validation.Status).ToList();
        Assert.Contains(UploadStatus.Rejected, statuses);
        Assert.Contains(UploadStatus.Duplicate, statuses);
        Assert.Contains(results, r => r.Record?.ReplacedUploadId is not null);
        Assert.True(results.Select(r => r.Validation.ReturnType).Distinct().Count() >= 5, string.Join(", ", results.Select(r => r.Validation.ReturnType)));
        Assert.NotNull(await clean.Blobs.GetInfoAsync(BuiltFrom.Path));
        var writes = counter.Writes;

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        var points = Enumerable.Range(1, (int)writes).SelectMany(n => new[] { (n, CrashMoment.BeforeWrite), (n, CrashMoment.AfterWrite) });
        // Each crash point has its own store folder, so they run side by side.
        await Parallel.ForEachAsync(points, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (point, _) =>
        {
            var (n, moment) = point;
            var root = Path.Combine(_dir, $"crash-{n}-{moment}");
            SmallCrashLa.Copy(template, root);
            var faults = FaultSchedule.CrashAtWrite(n, moment);
            await Assert.ThrowsAsync<SimulatedCrash>(() => IngestCommand.IngestAndRebuildAsync(SmallCrashLa.Faulty(root, faults), SmallCrashLa.La));
            Assert.True(faults.Crashed);

            // Simply run the same command again, with fresh objects and no faults.
            var rerun = StoreFactory.Create(root);
            await IngestCommand.IngestAndRebuildAsync(rerun, SmallCrashLa.La);

            var (differences, files, rows) = await DrillComparison.CompareAsync(cleanRoot, clean, root, rerun);
            if (files < 30 || rows < 8) failures.Add($"write {n} {moment}: only {files} files and {rows} rows compared");
            foreach (var difference in differences.Take(5)) failures.Add($"write {n} {moment}: {difference}");
            // Nothing more to do: a third run finds nothing new and the datasets current.
            var (again, rebuiltAgain) = await IngestCommand.IngestAndRebuildAsync(rerun, SmallCrashLa.La);
            if (again.Count > 0 || rebuiltAgain is not null)
                failures.Add($"write {n} {moment}: a third run still found work ({again.Count} uploads, rebuild {rebuiltAgain is not null})");
            Directory.Delete(root, recursive: true);
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} differences over {writes} writes:\n{string.Join('\n', failures.Order(StringComparer.Ordinal).Take(40))}");
        // How long the {writes} x 2 crash-and-rerun cycles take goes to the test log, not an assertion.
        Console.WriteLine($"Crash at each of {writes} writes, before and after: {watch.Elapsed.TotalSeconds:N0} s");
    }

    [Fact]
    public async Task The_comparison_sees_a_return_in_force_that_never_came_into_force()
    {
        // The old failure: an upload recorded as accepted, the accepted table never updated.
        var template = Path.Combine(_dir, "template");
        SmallCrashLa.Create(template);
        var (a, b) = (Path.Combine(_dir, "a"), Path.Combine(_dir, "b"));
        SmallCrashLa.Copy(template, a);
        SmallCrashLa.Copy(template, b);
        await IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(a), SmallCrashLa.La);
        var store = StoreFactory.Create(b);
        await IngestCommand.IngestAndRebuildAsync(store, SmallCrashLa.La);
        var row = await store.Tables.QueryAsync(StorageLayout.AcceptedTable).FirstAsync();
        await store.Tables.DeleteManyAsync(StorageLayout.AcceptedTable, [new TableKey(row.PartitionKey, row.RowKey)]);

        var (differences, _, _) = await DrillComparison.CompareAsync(a, StoreFactory.Create(a), b, store);

        Assert.Contains(differences, d => d.Contains($"table {StorageLayout.AcceptedTable}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_half_recorded_by_the_old_order_is_finished_by_the_next_ingest()
    {
        // Earlier versions wrote the upload record before the return in force: a kill between left an
        // "accepted" upload that no rerun touched. The sweep now finishes it, and the rebuild follows.
        var template = Path.Combine(_dir, "template");
        SmallCrashLa.Create(template);
        var (cleanRoot, brokenRoot) = (Path.Combine(_dir, "clean"), Path.Combine(_dir, "broken"));
        SmallCrashLa.Copy(template, cleanRoot);
        SmallCrashLa.Copy(template, brokenRoot);
        await IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(cleanRoot), SmallCrashLa.La);
        var broken = StoreFactory.Create(brokenRoot);
        await IngestCommand.IngestAndRebuildAsync(broken, SmallCrashLa.La);
        var inForce = await broken.Tables.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        await broken.Tables.DeleteManyAsync(StorageLayout.AcceptedTable, [.. inForce.Select(r => new TableKey(r.PartitionKey, r.RowKey))]);
        await broken.Blobs.DeleteAsync(BuiltFrom.Path);

        var (results, rebuild) = await IngestCommand.IngestAndRebuildAsync(StoreFactory.Create(brokenRoot), SmallCrashLa.La);

        Assert.Empty(results);
        Assert.NotNull(rebuild);
        var (differences, _, _) = await DrillComparison.CompareAsync(cleanRoot, StoreFactory.Create(cleanRoot), brokenRoot, broken);
        Assert.Empty(differences);
    }
}
