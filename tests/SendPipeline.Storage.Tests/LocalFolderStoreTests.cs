using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Tests;

public sealed class LocalFolderStoreTests : StoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private int _counter;

    public LocalFolderStoreTests() => _store = new LocalFolderStore(_root);

    protected override IBlobStore Blobs => _store;

    protected override ITableStore Tables => _store;

    protected override string NewContainer() => $"local{Interlocked.Increment(ref _counter)}";

    protected override string NewTable() => $"table{Interlocked.Increment(ref _counter)}";

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("uploads/../../outside.txt")]
    [InlineData("uploads/a/../b.txt")]
    [InlineData("uploads/./b.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("uploads\\a.txt")]
    [InlineData("uploads//a.txt")]
    [InlineData("uploads/a/")]
    [InlineData("uploads")]
    [InlineData("")]
    [InlineData(".tables/x/y.json")]
    [InlineData("Uploads/a.txt")]
    public async Task EveryBlobOperation_UnsafePath_ThrowsArgumentException(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync(path, Content("x"), overwrite: true));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetInfoAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(path));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside.txt")));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("..")]
    [InlineData("uploads/../")]
    [InlineData("/etc")]
    [InlineData("uploads\\")]
    public async Task ListAsync_UnsafePrefix_ThrowsArgumentException(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in _store.ListAsync(prefix)) { }
        });
    }

    [Fact]
    public async Task WriteAsync_Completed_LeavesNoTempFilesBehind()
    {
        await _store.WriteAsync("uploads/a.txt", Content("1"), overwrite: false);
        await _store.WriteAsync("uploads/a.txt", Content("2"), overwrite: false);
        await _store.WriteAsync("uploads/a.txt", Content("3"), overwrite: true);

        Assert.Equal(["a.txt"], Directory.GetFiles(Path.Combine(_root, "uploads")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ListAsync_EmptyPrefix_IgnoresTablesAndStrayFiles()
    {
        await _store.WriteAsync("uploads/a.txt", Content("1"), overwrite: false);
        await _store.UpsertAsync("uploads", Row("p", "r"));
        await File.WriteAllTextAsync(Path.Combine(_root, "README.txt"), "not a blob");

        Assert.Equal(["uploads/a.txt"], await ListPathsAsync(""));
    }

    [Fact]
    public async Task UpsertAsync_DateTimeOffset_KeepsItsOffset()
    {
        var when = new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        await _store.UpsertAsync("uploads", Row("p", "r", ("When", when)));

        var read = (DateTimeOffset)(await _store.GetAsync("uploads", "p", "r"))!.Properties["When"]!;

        Assert.Equal(when.Offset, read.Offset);
        Assert.Equal(when.Ticks, read.Ticks);
    }

    [Fact]
    public async Task UpsertAsync_KeysDifferingOnlyByCaseOrEscaping_AreDistinctRows()
    {
        string[] keys = ["Ab", "ab", "%41b", "", ".", "CON", "k"];
        foreach (var key in keys)
            await _store.UpsertAsync("uploads", Row(key, key, ("Key", key)));

        foreach (var key in keys)
            Assert.Equal(key, (await _store.GetAsync("uploads", key, key))!.GetString("Key"));
        Assert.Equal(keys.Length, (await ListRowsAsync("uploads")).Count);
    }

    [Fact]
    public async Task TableNames_DifferingOnlyByCase_AreTheSameTable()
    {
        await _store.UpsertAsync("Uploads", Row("p", "r", ("Status", "x")));

        Assert.Equal("x", (await _store.GetAsync("uploads", "p", "r"))!.GetString("Status"));
    }

    [Fact]
    public async Task TryWriteAsync_TwoStoresOverOneFolder_ExactlyOneWins()
    {
        var other = new LocalFolderStore(_root);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => Task.Run(() =>
                (i % 2 == 0 ? _store : other).TryWriteAsync("uploads", Row("p", "r", ("Writer", (long)i)), null))));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task TryWriteAsync_RowLockHeldByAnotherProcess_WaitsForIt()
    {
        await _store.UpsertAsync("uploads", Row("p", "r"));
        var etag = (await _store.GetAsync("uploads", "p", "r"))!.ETag;
        // What another process holding the row would look like: the lock file open exclusively.
        var lockPath = Path.Combine(_root, ".tables", "uploads", "kp", "kr.json.lock");
        Task<bool> write;
        using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            write = _store.TryWriteAsync("uploads", Row("p", "r", ("Status", "after")), etag);
            await Task.Delay(300);
            Assert.False(write.IsCompleted);
        }

        Assert.True(await write);
        Assert.Equal("after", (await _store.GetAsync("uploads", "p", "r"))!.GetString("Status"));
    }

    // Issue 15: a process killed mid-write leaves its temp file (maybe pupil data) behind; the next start removes it.
    [Fact]
    public async Task RemoveOrphanedTempFiles_DeadWritersFiles_RemovedAndRealBlobsAndRowsKept()
    {
        await _store.WriteAsync("uploads/855/census.csv", new MemoryStream("UPN,DOB\n"u8.ToArray()), overwrite: false);
        await _store.UpsertAsync("uploads", Row("p", "r"));
        var folder = Path.Combine(_root, "uploads", "855");
        var rowFolder = Path.Combine(_root, ".tables", "uploads", "kp");
        // A pid no system hands out, and this process's own pid with another start time (the pid reused).
        var neverRan = Path.Combine(folder, $".sendpipeline-tmp-2147483000-12345-{Guid.NewGuid():N}");
        var reusedPid = Path.Combine(rowFolder, $".sendpipeline-tmp-{Environment.ProcessId}-1-{Guid.NewGuid():N}");
        // An older name that does not say who wrote it: kept, since its writer might still be running.
        var unowned = Path.Combine(folder, $".sendpipeline-tmp-{Guid.NewGuid():N}");
        foreach (var file in new[] { neverRan, reusedPid, unowned }) await File.WriteAllTextAsync(file, "partial");
        var before = Directory.GetFiles(_root, "*", SearchOption.AllDirectories)
            .Except([neverRan, reusedPid]).ToDictionary(f => f, File.ReadAllBytes);

        var removed = _store.RemoveOrphanedTempFiles();

        Assert.Equal(2, removed);
        Assert.False(File.Exists(neverRan));
        Assert.False(File.Exists(reusedPid));
        var after = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
        Assert.Equal("UPN,DOB\n", await ReadTextAsync("uploads/855/census.csv"));
        Assert.NotNull(await _store.GetAsync("uploads", "p", "r"));
    }

    [Fact]
    public async Task RemoveOrphanedTempFiles_LiveWriterMidWrite_KeepsItsTempFileAndTheWriteCompletes()
    {
        var gate = new TaskCompletionSource();
        var write = _store.WriteAsync("uploads/855/slow.csv", new GatedStream("first half,"u8.ToArray(), gate.Task),
            overwrite: false);
        var folder = Path.Combine(_root, "uploads", "855");
        string[] temps = [];
        for (var i = 0; i < 500 && temps.Length == 0; i++)
        {
            await Task.Delay(10);
            temps = Directory.Exists(folder) ? Directory.GetFiles(folder, ".sendpipeline-tmp-*") : [];
        }

        var temp = Assert.Single(temps);
        Assert.Equal(0, _store.RemoveOrphanedTempFiles());
        Assert.True(File.Exists(temp));

        gate.SetResult();
        Assert.True(await write);
        Assert.Equal("first half,", await ReadTextAsync("uploads/855/slow.csv"));
        Assert.Empty(Directory.GetFiles(folder, ".sendpipeline-tmp-*"));
    }

    [Fact]
    public async Task StoreFactoryCreate_LocalFolderWithADeadWritersTempFile_RemovesIt()
    {
        var folder = Path.Combine(_root, "factory", "uploads");
        Directory.CreateDirectory(folder);
        var orphan = Path.Combine(folder, $".sendpipeline-tmp-2147483000-12345-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(orphan, "partial");

        StoreFactory.Create(Path.Combine(_root, "factory"));

        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public async Task RemoveOrphanedTempFiles_BenchmarkStoreNotFlushedToDisk_SkipsTheWalk()
    {
        var bench = new LocalFolderStore(Path.Combine(_root, "bench"), flushToDisk: false);
        var orphan = Path.Combine(bench.Root, $".sendpipeline-tmp-2147483000-12345-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(orphan, "partial");

        Assert.Equal(0, bench.RemoveOrphanedTempFiles());
        Assert.True(File.Exists(orphan));
    }

    /// <summary>Gives its bytes, then holds the reader until the gate opens: a write caught half way.</summary>
    private sealed class GatedStream(byte[] bytes, Task gate) : Stream
    {
        private bool _given;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer,
            CancellationToken cancellationToken = default)
        {
            if (!_given)
            {
                _given = true;
                bytes.CopyTo(buffer);
                return bytes.Length;
            }

            await gate;
            return 0;
        }
    }

    private async Task<List<TableRow>> ListRowsAsync(string table)
    {
        var rows = new List<TableRow>();
        await foreach (var row in _store.QueryAsync(table))
            rows.Add(row);
        return rows;
    }
}
