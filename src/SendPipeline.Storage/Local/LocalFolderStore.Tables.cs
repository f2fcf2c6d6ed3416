using System.Runtime.CompilerServices;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Local;

/// <summary>
/// Tables: one JSON file per row at <c>{root}/.tables/{table}/{partitionKey}/{rowKey}.json</c>.
/// Readers take no lock: rows are replaced by an atomic rename, so a reader sees a whole old or a
/// whole new row. Writers serialise per row with an in-process semaphore (cheap, and correct even
/// where OS file locks are switched off) plus an exclusive lock file (for other processes).
/// </summary>
public sealed partial class LocalFolderStore
{
    private const string TablesFolder = ".tables";
    private const string RowExtension = ".json";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    // Striped so memory stays bounded however many rows are touched; a collision only costs waiting.
    // Per instance on purpose: two stores over one folder then meet only at the lock file, exactly as
    // two processes do, so the in-process tests exercise the cross-process path too.
    private readonly SemaphoreSlim[] _rowGates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        StorageRules.CheckTable(table);
        StorageRules.CheckKey(partitionKey, nameof(partitionKey));
        StorageRules.CheckKey(rowKey, nameof(rowKey));
        return Task.FromResult(ReadRow(RowFile(table, partitionKey, rowKey)));
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string? partitionKey = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorageRules.CheckTable(table);
        var tableDir = TableDirectory(table);
        IEnumerable<string> partitions;
        if (partitionKey is null)
        {
            partitions = Directory.Exists(tableDir) ? Directory.EnumerateDirectories(tableDir) : [];
        }
        else
        {
            StorageRules.CheckKey(partitionKey, nameof(partitionKey));
            partitions = [Path.Combine(tableDir, LocalRowFile.EncodeKey(partitionKey))];
        }

        foreach (var row in ReadRows(partitions, _ => true, _ => true, cancellationToken))
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// The rows of the partitions' files whose names <paramref name="mayHold"/> accepts and whose rows
    /// <paramref name="wanted"/> keeps, in (PartitionKey, RowKey) order: file names are escaped or hashed, so order
    /// comes from the keys inside the files.
    /// </summary>
    private List<TableRow> ReadRows(IEnumerable<string> partitions, Func<string, bool> mayHold,
        Func<TableRow, bool> wanted, CancellationToken cancellationToken)
    {
        var rows = new List<TableRow>();
        foreach (var partition in partitions.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(partition, "*" + RowExtension))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!mayHold(Path.GetFileName(file))) continue;
                // A row deleted between listing and reading is simply not there any more.
                if (ReadRow(file) is { } row && wanted(row)) rows.Add(row);
            }
        }
        rows.Sort((a, b) =>
        {
            var byPartition = string.CompareOrdinal(a.PartitionKey, b.PartitionKey);
            return byPartition != 0 ? byPartition : string.CompareOrdinal(a.RowKey, b.RowKey);
        });
        return rows;
    }

    /// <summary>
    /// Reads only the files whose names can hold a key with the prefix (escaped names keep prefixes; a hashed name
    /// is read to learn its key), so one submitter's rows among a region's cost a directory listing, not every file.
    /// </summary>
    public async IAsyncEnumerable<TableRow> QueryPrefixAsync(string table, string partitionKey, string rowKeyPrefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StorageRules.CheckTable(table);
        StorageRules.CheckKey(partitionKey, nameof(partitionKey));
        var partition = Path.Combine(TableDirectory(table), LocalRowFile.EncodeKey(partitionKey));
        var start = LocalRowFile.EncodePrefix(rowKeyPrefix);
        var rows = ReadRows([partition],
            name => name.StartsWith(start, StringComparison.Ordinal) || LocalRowFile.IsHashed(name),
            row => row.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal), cancellationToken);
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    public async Task UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        StorageRules.CheckTable(table);
        StorageRules.CheckRow(row);
        var file = RowFile(table, row.PartitionKey, row.RowKey);
        await WithRowLockAsync(file, () => WriteRow(file, row), cancellationToken);
    }

    public async Task<bool> TryWriteAsync(string table, TableRow row, string? ifMatchETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        StorageRules.CheckTable(table);
        StorageRules.CheckRow(row);
        var file = RowFile(table, row.PartitionKey, row.RowKey);
        var written = false;
        await WithRowLockAsync(file, () =>
        {
            var current = ReadRow(file);
            var matches = ifMatchETag is null ? current is null : current?.ETag == ifMatchETag;
            if (!matches) return;
            WriteRow(file, row);
            written = true;
        }, cancellationToken);
        return written;
    }

    private string TableDirectory(string table) =>
        // Azure table names are case-insensitive; folding here makes "Uploads" and "uploads" one table.
        Path.Combine(_root, TablesFolder, table.ToLowerInvariant());

    private string RowFile(string table, string partitionKey, string rowKey) =>
        Path.Combine(TableDirectory(table), LocalRowFile.EncodeKey(partitionKey), LocalRowFile.EncodeKey(rowKey) + RowExtension);

    private static TableRow? ReadRow(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return LocalRowFile.Deserialize(bytes);
    }

    private void WriteRow(string file, TableRow row)
    {
        // A fresh random ETag per write, unlike a content hash, changes even when a row is rewritten
        // with the same values, so a writer holding an old ETag can never slip in after an A-B-A.
        var bytes = LocalRowFile.Serialize(row, Guid.NewGuid().ToString("N"));
        var temp = Path.Combine(Path.GetDirectoryName(file)!, TempPrefix + TempFileOwner.NewTempSuffix());
        try
        {
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                output.Write(bytes);
                output.Flush(flushToDisk: _flushToDisk);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private async Task WithRowLockAsync(string rowFile, Action action, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(rowFile)!);
        var gate = _rowGates[(StringComparer.Ordinal.GetHashCode(rowFile) & int.MaxValue) % _rowGates.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The lock file is never deleted: deleting it would let a waiter lock the old inode while
            // a newcomer creates and locks a new one, and both would think they hold the row.
            await using var lockFile = await OpenExclusiveAsync(rowFile + ".lock", cancellationToken);
            action();
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        var delayMs = 1;
        while (true)
        {
            try
            {
                // FileShare.None is a sharing lock on Windows and flock(LOCK_EX) on Unix: either way a
                // second process opening the same file fails until we dispose this stream.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Random.Shared.Next(delayMs, delayMs * 2 + 1), cancellationToken);
                delayMs = Math.Min(delayMs * 2, 50);
            }
        }
    }
}
