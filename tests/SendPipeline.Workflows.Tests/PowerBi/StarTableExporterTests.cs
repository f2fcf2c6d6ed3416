using SendPipeline.Core.PowerBi;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.PowerBi;

namespace SendPipeline.Workflows.Tests.PowerBi;

public sealed class StarTableExporterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-star-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;

    public StarTableExporterTests() => _store = new LocalFolderStore(_root, flushToDisk: false);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly StarColumn[] PlacementColumns =
    [
        new("SettingKey", StarColumnType.Int64),
        new("AnnualCost", StarColumnType.Decimal),
        new("PhaseName", StarColumnType.String, Nullable: true),
        new("StartDate", StarColumnType.Date),
        new("IsIndependent", StarColumnType.Boolean),
    ];

    private static StarTable Placements(int count, string? phase = "Primary") =>
        Placements(PlacementRows(count, phase));

    private static StarTable Placements(IReadOnlyList<object?[]> rows) =>
        new("fact_placement", "one row per placement", PlacementColumns, rows);

    private static List<object?[]> PlacementRows(int count, string? phase = "Primary") =>
    [
        .. Enumerable.Range(0, count).Select(i => new object?[]
        {
            (long)i, 1000m + i + 0.25m, i % 2 == 0 ? phase : null, new DateOnly(2025, 9, 1).AddDays(i), i % 3 == 0,
        }),
    ];

    [Fact]
    public async Task ExportAsync_SecondExportWithFewerRows_LeavesExactlyTheNewRows()
    {
        var exporter = new StarTableExporter(_store);
        await exporter.ExportAsync(Placements(2_500));

        var second = await exporter.ExportAsync(Placements(1_200, phase: "Secondary"));

        var stored = await RowsAsync("factplacement");
        Assert.Equal(new StarTableExport("fact_placement", "factplacement", 1_200, 1_300), second);
        Assert.Equal(1_200, stored.Count);
        Assert.Equal(Enumerable.Range(0, 1_200).Select(i => (long)i), stored.Select(r => r.GetInt64("SettingKey")));
        Assert.All(stored.Where((_, i) => i % 2 == 0), r => Assert.Equal("Secondary", r.GetString("PhaseName")));
        Assert.All(stored.Where((_, i) => i % 2 == 1), r => Assert.False(r.Properties.ContainsKey("PhaseName")));
    }

    [Fact]
    public async Task ExportAsync_EmptyTable_RemovesEveryEarlierRow()
    {
        var exporter = new StarTableExporter(_store);
        await exporter.ExportAsync(Placements(3));

        var export = await exporter.ExportAsync(Placements(0));

        Assert.Equal(3, export.Removed);
        Assert.Empty(await RowsAsync("factplacement"));
    }

    [Fact]
    public async Task ExportAsync_Row_KeysByPositionAndTypesEveryColumn()
    {
        await new StarTableExporter(_store).ExportAsync(Placements(1_001));

        var first = await _store.GetAsync("factplacement", "000000", "0000000000");
        var odd = await _store.GetAsync("factplacement", "000000", "0000000001");
        var last = await _store.GetAsync("factplacement", "000001", "0000001000");

        Assert.Equal(0L, first!.Properties["SettingKey"]);
        Assert.Equal(1000.25, first.Properties["AnnualCost"]);
        Assert.Equal("Primary", first.Properties["PhaseName"]);
        Assert.Equal(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero), first.Properties["StartDate"]);
        Assert.Equal(true, first.Properties["IsIndependent"]);
        Assert.False(odd!.Properties.ContainsKey("PhaseName"));
        Assert.Equal(1000L, last!.Properties["SettingKey"]);
    }

    [Fact]
    public async Task ExportAsync_Schema_WritesEachTableUnderItsStorageName()
    {
        var dimension = new StarTable("dim_setting", "one row per setting", [new("SettingKey", StarColumnType.Int64)],
            [[1L], [2L]], Key: "SettingKey");
        var schema = new StarSchema([dimension, Placements(2)], [new StarForeignKey("fact_placement", "SettingKey", "dim_setting")]);

        var exports = await new StarTableExporter(_store).ExportAsync(schema);

        Assert.Equal(["dimsetting", "factplacement"], exports.Take(2).Select(e => e.StorageTable));
        Assert.All(exports.Skip(2), e => Assert.Equal(0, e.Written));
        Assert.Equal(2, (await RowsAsync("dimsetting")).Count);
        Assert.Equal(2, (await RowsAsync("factplacement")).Count);
    }

    [Fact]
    public async Task ExportAsync_SchemaWithoutThePupilLevelFacts_EmptiesTheirTablesFromAnEarlierExport()
    {
        var exporter = new StarTableExporter(_store);
        await exporter.ExportAsync(new StarSchema([Placements(3)], []));

        await exporter.ExportAsync(new StarSchema([], []));

        Assert.Empty(await RowsAsync("factplacement"));
    }

    [Theory]
    [InlineData(0, 1)]        // an int where the column is Int64
    [InlineData(1, 1.5)]      // a double where the column is Decimal
    [InlineData(3, "2025-09-01")]
    [InlineData(4, null)]     // a null in a column that is not nullable
    public async Task ExportAsync_ValueNotOfItsColumnType_ThrowsAndWritesNothing(int column, object? value)
    {
        var rows = PlacementRows(2);
        rows[1][column] = value;
        var table = Placements(rows);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => new StarTableExporter(_store).ExportAsync(table));

        Assert.Contains(PlacementColumns[column].Name, error.Message);
        Assert.Empty(await RowsAsync("factplacement"));
    }

    [Fact]
    public async Task ExportAsync_RowWithTooFewValues_Throws()
    {
        var table = Placements([[1L, 2m]]);

        await Assert.ThrowsAsync<InvalidDataException>(() => new StarTableExporter(_store).ExportAsync(table));
    }

    private async Task<List<TableRow>> RowsAsync(string table)
    {
        var rows = new List<TableRow>();
        await foreach (var row in _store.QueryAsync(table))
            rows.Add(row);
        return rows;
    }
}
