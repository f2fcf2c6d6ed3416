using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;
using Parquet;
using SendPipeline.Cli.Commands;
using SendPipeline.Cli.Tests.Privacy;
using SendPipeline.SampleData;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Issue 9, privacy: after the demo's ingest, rebuild and submission, no UPN, ULN or date of birth
/// from the uploads appears in any log line or structured-log property, any activity input or output
/// (what Durable keeps in its history), any exception, or any file officers or the DfE receive
/// (<c>datasets/</c>, <c>powerbi/</c>, <c>submissions/</c>).
/// Not scanned, by design: <c>reports/</c>, the validation report that goes back to the school that
/// sent the file and must name its own pupils' rows, and <c>accepted/</c>, the canonical returns, which
/// are the inputs kept for rebuilds rather than outputs.
/// </summary>
public sealed class PrivacyScanTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DemoRun_LeaksNoPupilIdentifierIntoLogsActivitiesOrOutputs()
    {
        var options = new SampleLaOptions { Seed = 5 };
        SampleLaGenerator.Generate(options, _dir);
        var ids = UploadedIdentifiers.Read(_dir);
        Assert.True(ids.Upns.Count > 1000 && ids.Ulns.Count > 10 && ids.UkBirthDates.Count > 100, $"too few identifiers read: {ids.Upns.Count} UPNs, {ids.Ulns.Count} ULNs, {ids.UkBirthDates.Count} dd/mm/yyyy dates");

        var logs = new RecordingLoggerProvider();
        using var loggers = new LoggerFactory([logs]);
        var activities = new ActivityRecorder();
        var hooks = new PipelineHooks(loggers, activities.Decorate);
        var stores = StoreFactory.Create(_dir);
        var exceptions = new List<string>();
        try
        {
            var (_, rebuild) = await IngestCommand.IngestAndRebuildAsync(stores, "855", hooks: hooks);
            Assert.NotNull(rebuild);
            await SubmitCommand.SubmitAsync(stores, "855", options.ServiceQuarter.ToString(), deliver: false, delivery: null, hooks);
        }
        catch (Exception e)
        {
            exceptions.Add(e.ToString());
        }

        var scanner = new IdentifierScanner(ids);
        foreach (var (category, text) in logs.Entries) scanner.Scan($"log {category}", text, pupilLevel: true);
        foreach (var (location, json) in activities.Records) scanner.Scan($"activity {location}", json, pupilLevel: true);
        foreach (var text in exceptions) scanner.Scan("exception", text, pupilLevel: true);
        var files = 0;
        foreach (var folder in new[] { "datasets", "powerbi", "submissions" })
            foreach (var file in Directory.GetFiles(Path.Combine(_dir, folder), "*", SearchOption.AllDirectories))
            {
                files++;
                // ISO dates of birth are not searched in published files: dim_date and every dated table hold
                // the same calendar dates. Whether a pupil's own row carries their date of birth is checked by
                // joining on the pupil key in tests/powerbi/analyst-check.mjs (PowerBiAnalystTests).
                foreach (var (part, text) in await TextsAsync(file))
                    scanner.Scan(Path.GetRelativePath(_dir, file) + part, text, pupilLevel: false);
            }

        Assert.Empty(exceptions.Select(e => e.Split('\n')[0]));
        Assert.True(logs.Entries.Count > 50, $"only {logs.Entries.Count} log entries recorded: the loggers are not reaching the activities");
        Assert.Contains(activities.Records, r => r.Location.StartsWith("BuildPowerBi output", StringComparison.Ordinal));
        Assert.Contains(activities.Records, r => r.Location.StartsWith("PublishPackage output", StringComparison.Ordinal));
        Assert.True(files > 60, $"only {files} output files scanned");
        Assert.True(scanner.Findings.Count == 0, "Pupil identifiers found:\n" + string.Join('\n', scanner.Findings));
        // The scanner itself must find what is there: the school's own reports name its pupils.
        var control = new IdentifierScanner(ids);
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "reports"), "*.csv", SearchOption.AllDirectories))
            control.Scan(file, await File.ReadAllTextAsync(file), pupilLevel: true);
        Assert.Contains(control.Findings, f => f.Contains(" UPN ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The text of a file as a reader would see it: Parquet is Snappy-compressed, so its values are read
    /// back with Parquet.Net; a workbook or zip is read entry by entry; anything else as UTF-8.
    /// </summary>
    private static async Task<List<(string Part, string Text)>> TextsAsync(string file)
    {
        var texts = new List<(string, string)>();
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".parquet":
                await using (var reader = await ParquetReader.CreateAsync(file))
                {
                    for (var g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        // Text and whole-number columns: where a UPN, a ULN or a date as text could be.
                        foreach (var field in reader.Schema.GetDataFields())
                        {
                            var rows = checked((int)group.RowCount);
                            var values = new StringBuilder();
                            if (field.ClrType == typeof(string))
                            {
                                var cells = new string?[rows];
                                await group.ReadAsync(field, cells.AsMemory(), null);
                                foreach (var cell in cells) values.Append(cell).Append('\n');
                            }
                            else if (field.ClrType == typeof(long))
                            {
                                var cells = new long?[rows];
                                await group.ReadAsync<long>(field, cells.AsMemory(), null);
                                foreach (var cell in cells) values.Append(cell?.ToString(CultureInfo.InvariantCulture)).Append('\n');
                            }
                            else continue;
                            texts.Add(($" column {field.Name}", values.ToString()));
                        }
                    }
                }
                break;
            case ".xlsx" or ".zip":
                using (var zip = ZipFile.OpenRead(file))
                    foreach (var entry in zip.Entries)
                    {
                        using var reader = new StreamReader(entry.Open());
                        texts.Add(($" entry {entry.FullName}", await reader.ReadToEndAsync()));
                    }
                break;
            default:
                texts.Add(("", await File.ReadAllTextAsync(file)));
                break;
        }
        return texts;
    }
}
