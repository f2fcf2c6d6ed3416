using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.PowerBi;
using SendPipeline.Core.Workforce;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.PowerBi;

namespace SendPipeline.Workflows.Rebuild;

public sealed partial class RebuildActivities
{
    public const string PowerBiFolder = StorageLayout.PowerBi;

    /// <summary>
    /// Builds the star schema from the picture with the same datasets the other steps write (shared through
    /// <see cref="DerivedDatasets"/> when the steps run in one worker, rebuilt from the same picture when
    /// Durable runs them on another), and writes
    /// <c>powerbi/{table}/{table}.parquet</c> and <c>.csv</c> at paths that never change, so a scheduled
    /// refresh keeps working; then <c>schema.json</c> and <c>lineage.json</c>. Any other blob under
    /// <c>powerbi/</c> is then deleted: a table no longer in the schema (the pupil-level facts once a
    /// suppression threshold is set) must not linger where a refresh would still read it.
    /// </summary>
    public async Task<PowerBiSummary> BuildPowerBiAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        var secretSource = options.PupilKeySecret ?? new StorePupilKeySecret(blobs);
        var secret = await secretSource.GetAsync(cancellationToken);
        var picture = await Pictures.LoadAsync(cancellationToken);
        var schema = StarSchemaBuilder.Build(picture, _derived.Hnb(picture).Forecast, _derived.Caseload(picture),
            _derived.Workforce(picture), _derived.DataQuality(picture),
            new StarSchemaOptions(secret, options.SuppressUnder), _derived.Field(picture));

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in schema.Tables) written.UnionWith([ParquetPath(table), CsvPath(table)]);
        var rows = 0L;
        // Tables are independent files: writing them side by side overlaps each blob's round trip (or fsync).
        // Facts first: dim_date covers the dates they hold, which are noted as their rows are made.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        foreach (var dimensions in new[] { false, true })
            await Parallel.ForEachAsync(schema.Tables.Where(t => t.IsDimension == dimensions), parallel, WriteAsync);
        var schemaPath = $"{PowerBiFolder}/schema.json";
        await blobs.WriteRenderedAsync(schemaPath, "application/json", s => StarSchemaJson.Write(schema, s), cancellationToken);
        await WriteLineageAsync(PowerBiFolder, DatasetLineage.PowerBi, picture, cancellationToken);
        written.UnionWith([schemaPath, $"{PowerBiFolder}/{LineageFile}"]);

        if (options.ExportStarTables) await new StarTableExporter(tables).ExportAsync(schema, cancellationToken);

        var stale = await blobs.ListAsync(PowerBiFolder + "/", cancellationToken).Where(b => !written.Contains(b.Path)).Select(b => b.Path).ToListAsync(cancellationToken);
        foreach (var path in stale) await blobs.DeleteAsync(path, cancellationToken);
        return new PowerBiSummary(schema.Tables.Count, rows, options.SuppressUnder, secretSource.Source, stale.Count,
            PowerBiFolder);

        async ValueTask WriteAsync(StarTable table, CancellationToken ct)
        {
            using var parquet = new RenderBuffer();
            using var csv = new RenderBuffer();
            Interlocked.Add(ref rows, await StarTableFiles.WriteAsync(table, parquet, csv, ct));
            await blobs.WriteAsync(ParquetPath(table), parquet.Rewind(), overwrite: true,
                "application/vnd.apache.parquet", ct);
            await blobs.WriteAsync(CsvPath(table), csv.Rewind(), overwrite: true, "text/csv", ct);
        }
    }

    /// <summary><c>powerbi/{table}/{table}.parquet</c>: the same path every rebuild, so a scheduled refresh keeps working.</summary>
    public static string ParquetPath(StarTable table) => $"{PowerBiFolder}/{table.Name}/{table.Name}.parquet";

    public static string CsvPath(StarTable table) => $"{PowerBiFolder}/{table.Name}/{table.Name}.csv";
}
