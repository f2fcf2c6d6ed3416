using System.Text;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage.Tests;

/// <summary>
/// The behaviour the storage ports promise, run once per adapter. The pipeline is written against
/// the ports, so whatever passes here on the local folder must pass on Azure too.
/// </summary>
public abstract class StoreContractTests
{
    protected abstract IBlobStore Blobs { get; }

    protected abstract ITableStore Tables { get; }

    /// <summary>A container name no other test (or earlier run) uses.</summary>
    protected abstract string NewContainer();

    /// <summary>A table name no other test (or earlier run) uses.</summary>
    protected abstract string NewTable();

    [Fact]
    public async Task WriteAsync_NewBlob_ReadsBackSameBytesAndInfo()
    {
        var path = $"{NewContainer()}/8552001/school-census/autumn.csv";

        Assert.True(await Blobs.WriteAsync(path, Content("upn,name\n1,A"), overwrite: false, "text/csv"));

        Assert.Equal("upn,name\n1,A", await ReadTextAsync(path));
        var info = await Blobs.GetInfoAsync(path);
        Assert.NotNull(info);
        Assert.Equal(path, info.Path);
        Assert.Equal(12, info.Length);
        Assert.InRange(info.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task WriteAsync_NoOverwriteOnExistingBlob_ReturnsFalseAndKeepsOldBytes()
    {
        var path = $"{NewContainer()}/once.txt";
        await Blobs.WriteAsync(path, Content("first"), overwrite: false);

        Assert.False(await Blobs.WriteAsync(path, Content("second"), overwrite: false));

        Assert.Equal("first", await ReadTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_OverwriteOnExistingBlob_ReplacesBytes()
    {
        var path = $"{NewContainer()}/report.txt";
        await Blobs.WriteAsync(path, Content("a much longer first version"), overwrite: true);

        Assert.True(await Blobs.WriteAsync(path, Content("v2"), overwrite: true));

        Assert.Equal("v2", await ReadTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_NoOverwriteFrom20ConcurrentWriters_ExactlyOneWins()
    {
        var path = $"{NewContainer()}/race.txt";

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Blobs.WriteAsync(path, Content($"writer {i}"), overwrite: false))));

        var winner = Assert.Single(results.Select((won, i) => (won, i)), r => r.won);
        Assert.Equal($"writer {winner.i}", await ReadTextAsync(path));
    }

    [Fact]
    public async Task OpenReadAsync_MissingBlob_ThrowsBlobNotFoundException()
    {
        var container = NewContainer();
        await Blobs.WriteAsync($"{container}/present.txt", Content("x"), overwrite: false);

        var inExisting = await Assert.ThrowsAsync<BlobNotFoundException>(() => Blobs.OpenReadAsync($"{container}/absent.txt"));
        var inMissingContainer = await Assert.ThrowsAsync<BlobNotFoundException>(() => Blobs.OpenReadAsync($"{NewContainer()}/absent.txt"));

        Assert.Equal($"{container}/absent.txt", inExisting.Path);
        Assert.EndsWith("/absent.txt", inMissingContainer.Path);
    }

    [Fact]
    public async Task GetInfoAsync_MissingBlob_ReturnsNull()
    {
        var container = NewContainer();
        await Blobs.WriteAsync($"{container}/present.txt", Content("x"), overwrite: false);

        Assert.Null(await Blobs.GetInfoAsync($"{container}/absent.txt"));
        Assert.Null(await Blobs.GetInfoAsync($"{NewContainer()}/absent.txt"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingBlobsInOrdinalOrder()
    {
        var c = NewContainer();
        string[] paths =
        [
            $"{c}/8552001/school-census/b.csv", $"{c}/8552001/school-census/a.csv", $"{c}/8552001/ap-census/x.csv",
            $"{c}/8552001/school-census-old/z.csv", $"{c}/8552001/School-census/upper.csv", $"{c}/8552002/school-census/a.csv",
        ];
        foreach (var path in paths)
            await Blobs.WriteAsync(path, Content(path), overwrite: false);

        var segment = await ListPathsAsync($"{c}/8552001/school-census/");
        var midSegment = await ListPathsAsync($"{c}/8552001/school-census");
        var container = await ListPathsAsync($"{c}/");

        Assert.Equal([$"{c}/8552001/school-census/a.csv", $"{c}/8552001/school-census/b.csv"], segment);
        Assert.Equal(
            [$"{c}/8552001/school-census-old/z.csv", $"{c}/8552001/school-census/a.csv", $"{c}/8552001/school-census/b.csv"],
            midSegment);
        Assert.Equal(paths.Order(StringComparer.Ordinal), container);
    }

    [Fact]
    public async Task ListAsync_PrefixInsideContainerName_SpansContainersInOrdinalOrder()
    {
        var c = NewContainer();
        // '-' sorts before '/', so every blob of "{c}-b" comes before any blob of "{c}".
        await Blobs.WriteAsync($"{c}/z.txt", Content("1"), overwrite: false);
        await Blobs.WriteAsync($"{c}-b/a.txt", Content("2"), overwrite: false);

        var listed = await ListPathsAsync(c);

        Assert.Equal([$"{c}-b/a.txt", $"{c}/z.txt"], listed);
    }

    [Fact]
    public async Task ListAsync_NothingUnderPrefix_ReturnsEmpty()
    {
        var c = NewContainer();
        await Blobs.WriteAsync($"{c}/a.txt", Content("1"), overwrite: false);

        Assert.Empty(await ListPathsAsync($"{c}/b"));
        Assert.Empty(await ListPathsAsync($"{NewContainer()}/"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingBlob_RemovesItAndReturnsTrueOnce()
    {
        var path = $"{NewContainer()}/doomed.txt";
        await Blobs.WriteAsync(path, Content("x"), overwrite: false);

        Assert.True(await Blobs.DeleteAsync(path));
        Assert.False(await Blobs.DeleteAsync(path));
        Assert.Null(await Blobs.GetInfoAsync(path));
        Assert.False(await Blobs.DeleteAsync($"{NewContainer()}/never.txt"));
    }

    [Fact]
    public async Task UpsertAsync_ThenGetAsync_ReturnsRowWithETag()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row("8552001", "upload-1", ("Status", "Received")));

        var row = await Tables.GetAsync(table, "8552001", "upload-1");

        Assert.NotNull(row);
        Assert.Equal(("8552001", "upload-1"), (row.PartitionKey, row.RowKey));
        Assert.Equal("Received", row.GetString("Status"));
        Assert.False(string.IsNullOrEmpty(row.ETag));
        Assert.Null(await Tables.GetAsync(table, "8552001", "upload-2"));
        Assert.Null(await Tables.GetAsync(NewTable(), "8552001", "upload-1"));
    }

    [Fact]
    public async Task UpsertAsync_ExistingRow_ReplacesAllPropertiesAndChangesETag()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row("p", "r", ("Status", "Received"), ("Rows", 10L)));
        var before = await Tables.GetAsync(table, "p", "r");

        await Tables.UpsertAsync(table, Row("p", "r", ("Status", "Accepted")));

        var after = await Tables.GetAsync(table, "p", "r");
        Assert.Equal("Accepted", after!.GetString("Status"));
        Assert.False(after.Properties.ContainsKey("Rows"));
        Assert.NotEqual(before!.ETag, after.ETag);
    }

    [Fact]
    public async Task QueryAsync_Partition_ReturnsOnlyThatPartitionInRowKeyOrder()
    {
        var table = NewTable();
        foreach (var (pk, rk) in new[] { ("b", "2"), ("a", "9"), ("b", "10"), ("b", "1"), ("c", "0"), ("b", "B"), ("b", "a") })
            await Tables.UpsertAsync(table, Row(pk, rk, ("Value", $"{pk}{rk}")));

        var partition = await QueryKeysAsync(table, "b");
        var all = await QueryKeysAsync(table, null);

        Assert.Equal(["b/1", "b/10", "b/2", "b/B", "b/a"], partition);
        Assert.Equal(["a/9", "b/1", "b/10", "b/2", "b/B", "b/a", "c/0"], all);
        Assert.Empty(await QueryKeysAsync(table, "none"));
        Assert.Empty(await QueryKeysAsync(NewTable(), null));
    }

    [Fact]
    public async Task QueryPrefixAsync_ReturnsOnlyThatPartitionsRowsStartingWithThePrefix_InRowKeyOrder()
    {
        var table = NewTable();
        var longKey = "8552001~" + new string('x', 200);
        foreach (var (pk, rk) in new[]
        {
            ("census", "8552001~2026-01-15"), ("census", "8552001~2025-01-16"), ("census", "85520010~2026-01-15"),
            ("census", "8552002~2026-01-15"), ("census", "8552001"), ("census", longKey), ("census", "855200~x"),
            ("placements", "8552001~2026-03-31"), ("census", "8552001~Ünï"),
        })
            await Tables.UpsertAsync(table, Row(pk, rk));

        var rows = new List<string>();
        await foreach (var row in Tables.QueryPrefixAsync(table, "census", "8552001~"))
            rows.Add($"{row.PartitionKey}/{row.RowKey}");

        string[] expected =
            ["census/8552001~2025-01-16", "census/8552001~2026-01-15", $"census/{longKey}", "census/8552001~Ünï"];
        Assert.Equal(expected, rows);
        await foreach (var _ in Tables.QueryPrefixAsync(table, "none", "8552001~")) Assert.Fail("an empty partition");
    }

    [Fact]
    public async Task QueryAsync_PartitionKeyWithQuote_IsMatchedLiterally()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row("o'brien", "1"));
        await Tables.UpsertAsync(table, Row("other", "1"));

        Assert.Equal(["o'brien/1"], await QueryKeysAsync(table, "o'brien"));
    }

    [Fact]
    public async Task UpsertAsync_EverySupportedType_RoundTripsTypeAndValue()
    {
        var table = NewTable();
        var when = new DateTimeOffset(2024, 9, 5, 14, 30, 15, 123, TimeSpan.Zero);
        var written = new Dictionary<string, object?>
        {
            ["Text"] = "Ünïcode – text, with 'quotes'",
            ["Empty"] = "",
            ["Big"] = 9_007_199_254_740_993L,
            ["SmallLong"] = 5L,
            ["Count"] = -42,
            ["Ratio"] = 0.1,
            ["Whole"] = 3.0,
            ["Flag"] = true,
            ["Off"] = false,
            ["When"] = when,
        };
        await Tables.UpsertAsync(table, new TableRow("p", "r", written));

        var read = (await Tables.GetAsync(table, "p", "r"))!.Properties;
        var queried = (await QueryAsync(table, "p")).Single().Properties;

        foreach (var properties in new[] { read, queried })
        {
            Assert.Equal(written.Keys.Order(), properties.Keys.Order());
            foreach (var (name, value) in written)
            {
                Assert.IsType(value!.GetType(), properties[name]);
                Assert.Equal(value, properties[name]);
            }
        }
    }

    [Fact]
    public async Task UpsertAsync_NullProperty_IsNotStored()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row("p", "r", ("Kept", "yes"), ("Missing", null)));

        var row = await Tables.GetAsync(table, "p", "r");

        Assert.False(row!.Properties.ContainsKey("Missing"));
        Assert.Equal("yes", row.GetString("Kept"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u007fb")]
    public async Task UpsertAsync_KeyWithForbiddenCharacter_ThrowsArgumentException(string key)
    {
        var table = NewTable();

        await Assert.ThrowsAsync<ArgumentException>(() => Tables.UpsertAsync(table, Row(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => Tables.UpsertAsync(table, Row("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => Tables.TryWriteAsync(table, Row("p", key), null));
        await Assert.ThrowsAsync<ArgumentException>(() => Tables.GetAsync(table, "p", key));
    }

    [Fact]
    public async Task UpsertAsync_KeyOver1KiB_ThrowsArgumentException()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row(new string('k', 512), new string('r', 512)));

        await Assert.ThrowsAsync<ArgumentException>(() => Tables.UpsertAsync(table, Row(new string('k', 513), "r")));
        Assert.NotNull(await Tables.GetAsync(table, new string('k', 512), new string('r', 512)));
    }

    [Fact]
    public async Task UpsertAsync_UnsupportedPropertyType_ThrowsArgumentException()
    {
        var table = NewTable();

        await Assert.ThrowsAsync<ArgumentException>(() => Tables.UpsertAsync(table, Row("p", "r", ("Id", Guid.NewGuid()))));
        await Assert.ThrowsAsync<ArgumentException>(() => Tables.UpsertAsync(table, Row("p", "r", ("At", DateTime.UtcNow))));
    }

    [Fact]
    public async Task TryWriteAsync_InsertWhenRowExists_ReturnsFalseAndKeepsRow()
    {
        var table = NewTable();
        Assert.True(await Tables.TryWriteAsync(table, Row("p", "r", ("Status", "first")), ifMatchETag: null));

        Assert.False(await Tables.TryWriteAsync(table, Row("p", "r", ("Status", "second")), ifMatchETag: null));

        Assert.Equal("first", (await Tables.GetAsync(table, "p", "r"))!.GetString("Status"));
    }

    [Fact]
    public async Task TryWriteAsync_CurrentETag_ReplacesAndStaleETag_ReturnsFalse()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row("p", "r", ("Status", "Received")));
        var original = await Tables.GetAsync(table, "p", "r");

        Assert.True(await Tables.TryWriteAsync(table, Row("p", "r", ("Status", "Accepted")), original!.ETag));
        Assert.False(await Tables.TryWriteAsync(table, Row("p", "r", ("Status", "Rejected")), original.ETag));

        var current = await Tables.GetAsync(table, "p", "r");
        Assert.Equal("Accepted", current!.GetString("Status"));
        Assert.NotEqual(original.ETag, current.ETag);
    }

    [Fact]
    public async Task TryWriteAsync_ETagForMissingRow_ReturnsFalse()
    {
        var table = NewTable();
        await Tables.UpsertAsync(table, Row("p", "r"));
        var etag = (await Tables.GetAsync(table, "p", "r"))!.ETag;

        Assert.False(await Tables.TryWriteAsync(table, Row("p", "other"), etag));
        Assert.Null(await Tables.GetAsync(table, "p", "other"));
    }

    [Fact]
    public async Task TryWriteAsync_20ConcurrentWriters_ExactlyOneWinsPerETag()
    {
        var table = NewTable();

        var inserts = await RaceAsync(table, etag: null);
        var insertWinner = Assert.Single(inserts, r => r.Won);
        var afterInsert = await Tables.GetAsync(table, "p", "r");
        Assert.Equal(insertWinner.Writer, afterInsert!.GetInt64("Writer"));

        var updates = await RaceAsync(table, afterInsert.ETag);
        var updateWinner = Assert.Single(updates, r => r.Won);
        var afterUpdate = await Tables.GetAsync(table, "p", "r");
        Assert.Equal(updateWinner.Writer, afterUpdate!.GetInt64("Writer"));
    }

    [Fact]
    public async Task UpsertManyAsync_250RowsInTwoPartitions_StoresEveryRowWithItsProperties()
    {
        var table = NewTable();
        // Over two full transactions in one partition and a partial one in the other.
        var rows = Enumerable.Range(0, 250)
            .Select(i => Row(i < 210 ? "a" : "b", i.ToString("D4"), ("Number", (long)i), ("Half", i / 2.0)))
            .ToList();

        await Tables.UpsertManyAsync(table, rows);

        var stored = await QueryAsync(table, null);
        Assert.Equal(rows.Select(r => $"{r.PartitionKey}/{r.RowKey}"), stored.Select(r => $"{r.PartitionKey}/{r.RowKey}"));
        Assert.All(stored, r => Assert.Equal(long.Parse(r.RowKey, System.Globalization.CultureInfo.InvariantCulture), r.Properties["Number"]));
        Assert.Equal(104.5, stored[209].Properties["Half"]);
    }

    [Fact]
    public async Task UpsertManyAsync_ExistingRows_ReplacesAllTheirProperties()
    {
        var table = NewTable();
        await Tables.UpsertManyAsync(table, [Row("p", "1", ("Old", "x"), ("Kept", 1L)), Row("p", "2", ("Old", "y"))]);

        await Tables.UpsertManyAsync(table, [Row("p", "1", ("Kept", 2L))]);

        var first = await Tables.GetAsync(table, "p", "1");
        Assert.Equal(2L, first!.Properties["Kept"]);
        Assert.False(first.Properties.ContainsKey("Old"));
        Assert.Equal("y", (await Tables.GetAsync(table, "p", "2"))!.GetString("Old"));
    }

    [Fact]
    public async Task UpsertManyAsync_SameKeysTwice_ThrowsArgumentExceptionAndWritesNothing()
    {
        var table = NewTable();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Tables.UpsertManyAsync(table, [Row("p", "1", ("V", "a")), Row("p", "2"), Row("p", "1", ("V", "b"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => Tables.UpsertManyAsync(table, [Row("p", "ok"), Row("p", "a/b")]));

        Assert.Empty(await QueryAsync(table, null));
    }

    [Fact]
    public async Task DeleteManyAsync_SomeRowsMissing_DeletesThoseThatExist()
    {
        var table = NewTable();
        await Tables.UpsertManyAsync(table, Enumerable.Range(0, 5).Select(i => Row("p", $"{i}")).Append(Row("q", "0")).ToList());

        // "never" sits between rows that exist, in the same partition, so one transaction meets a miss.
        await Tables.DeleteManyAsync(table, [new("p", "1"), new("p", "never"), new("p", "3"), new("q", "0"), new("z", "0")]);

        Assert.Equal(["p/0", "p/2", "p/4"], await QueryKeysAsync(table, null));
    }

    [Fact]
    public async Task DeleteManyAsync_TableNeverWritten_DoesNothing()
    {
        var table = NewTable();

        await Tables.DeleteManyAsync(table, [new("p", "1")]);

        Assert.Empty(await QueryAsync(table, null));
    }

    [Fact]
    public async Task QueryKeysAsync_ReturnsEveryKeyInQueryOrder()
    {
        var table = NewTable();
        foreach (var (pk, rk) in new[] { ("b", "2"), ("a", "9"), ("b", "10"), ("a", "A") })
            await Tables.UpsertAsync(table, Row(pk, rk, ("Value", "v")));

        var keys = new List<string>();
        await foreach (var key in Tables.QueryKeysAsync(table))
            keys.Add($"{key.PartitionKey}/{key.RowKey}");

        Assert.Equal(await QueryKeysAsync(table, null), keys);
        Assert.Equal(["a/9", "a/A", "b/10", "b/2"], keys);
    }

    private async Task<(bool Won, long Writer)[]> RaceAsync(string table, string? etag)
    {
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (await Tables.TryWriteAsync(table, Row("p", "r", ("Writer", (long)i)), etag), (long)i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(writers);
    }

    protected static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    protected static TableRow Row(string partitionKey, string rowKey, params (string Name, object? Value)[] properties) =>
        new(partitionKey, rowKey, properties.ToDictionary(p => p.Name, p => p.Value));

    protected async Task<string> ReadTextAsync(string path)
    {
        await using var stream = await Blobs.OpenReadAsync(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    protected async Task<List<string>> ListPathsAsync(string prefix)
    {
        var paths = new List<string>();
        await foreach (var info in Blobs.ListAsync(prefix))
            paths.Add(info.Path);
        return paths;
    }

    private async Task<List<TableRow>> QueryAsync(string table, string? partitionKey)
    {
        var rows = new List<TableRow>();
        await foreach (var row in Tables.QueryAsync(table, partitionKey))
            rows.Add(row);
        return rows;
    }

    private async Task<List<string>> QueryKeysAsync(string table, string? partitionKey) =>
        (await QueryAsync(table, partitionKey)).Select(r => $"{r.PartitionKey}/{r.RowKey}").ToList();
}
