namespace SendPipeline.Core.PowerBi;

/// <summary>
/// A star table written as its Parquet file and its CSV in one reading of its rows: a row group is made once
/// and goes to both, so the pupil-grain facts are made (sorted, keyed) once per rebuild, not once per file.
/// </summary>
public static class StarTableFiles
{
    /// <returns>The rows written.</returns>
    public static async Task<long> WriteAsync(StarTable table, Stream parquet, Stream csv,
        CancellationToken cancellationToken = default, int groupSize = StarRows.RowGroupSize)
    {
        var rows = 0L;
        await using var parquetWriter = await StarParquetWriter.CreateAsync(table.Columns, parquet, cancellationToken);
        using var csvWriter = new StarCsvWriter(table.Columns, csv);
        foreach (var group in table.Groups(groupSize))
        {
            await parquetWriter.WriteAsync(group, cancellationToken);
            csvWriter.Write(group);
            rows += group.Count;
        }
        return rows;
    }
}
