using SendPipeline.Core.PowerBi;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.PowerBi;

/// <summary>What one table's export did: rows written and rows of an earlier rebuild removed.</summary>
public sealed record StarTableExport(string Table, string StorageTable, int Written, int Removed);

/// <summary>
/// Copies the star schema into Table Storage for Power BI's Azure Table connector: each
/// <see cref="StarTable"/> to the table <see cref="StarTable.StorageTableName"/> (<c>factplacement</c>),
/// keyed and typed as <see cref="StarTableRows"/> describes, so that afterwards the storage table holds
/// exactly the schema's rows: rows an earlier, larger rebuild left behind are deleted.
/// </summary>
/// <remarks>
/// Azure has no transaction across partitions, so a refresh that runs during an export can see part of
/// the new rows. The rows are written before the stale ones are removed, so a failed export leaves every
/// new row in place and the next export removes the rest. The Parquet files under <c>powerbi/</c> are
/// replaced whole and are the consistent source; schedule a Table refresh away from rebuilds.
/// Rows are written a row group at a time (<see cref="StarRows"/>), so a fact of millions of rows is never
/// held whole; a row that does not fit its column is refused before its group is written.
/// The port cannot list tables, so a table is emptied only when it is one of the star's known tables
/// (<see cref="StarSchemaShape.All"/>) that this schema lacks: above all the pupil-level facts once a
/// suppression threshold is set, which must not linger where a refresh would still read them.
/// </remarks>
public sealed class StarTableExporter(ITableStore tables)
{
    public async Task<IReadOnlyList<StarTableExport>> ExportAsync(StarSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var exports = new List<StarTableExport>(schema.Tables.Count);
        foreach (var table in schema.Tables)
            exports.Add(await ExportAsync(table, cancellationToken));
        var present = schema.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var other in StarSchemaShape.All().Tables.Where(t => !present.Contains(t.Name)))
            exports.Add(await ExportAsync(other with { Source = StarRows.None }, cancellationToken));
        return exports;
    }

    public async Task<StarTableExport> ExportAsync(StarTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = table.StorageTableName;

        // Listed before writing, so the sweep below can only ever remove rows of an earlier export.
        var before = new List<TableKey>();
        await foreach (var key in tables.QueryKeysAsync(name, cancellationToken))
            before.Add(key);

        var written = 0;
        foreach (var group in table.Groups())
        {
            await tables.UpsertManyAsync(name, StarTableRows.ToRows(group, written), cancellationToken);
            written += group.Count;
        }

        var stale = before.Where(k => !StarTableRows.IsRowOf(k, written)).ToList();
        await tables.DeleteManyAsync(name, stale, cancellationToken);
        return new StarTableExport(table.Name, name, written, stale.Count);
    }
}
