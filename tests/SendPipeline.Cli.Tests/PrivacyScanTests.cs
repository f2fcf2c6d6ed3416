using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
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
        Assert.True(ids.Sen2People > 1000 && ids.PairNeedles.Count > 2000,
            $"too few SEN2 people read: {ids.Sen2People} people, {ids.PairNeedles.Count} names and postcodes");

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
        var births = new PupilBirthDates(ids, await File.ReadAllBytesAsync(Path.Combine(_dir, "secrets", "pupil-key")));
        foreach (var (category, text) in logs.Entries) scanner.Scan($"log {category}", text, pupilLevel: true);
        foreach (var (location, json) in activities.Records) scanner.Scan($"activity {location}", json, pupilLevel: true);
        foreach (var text in exceptions) scanner.Scan("exception", text, pupilLevel: true);
        var files = 0;
        foreach (var folder in new[] { "datasets", "powerbi", "submissions" })
            foreach (var file in Directory.GetFiles(Path.Combine(_dir, folder), "*", SearchOption.AllDirectories))
            {
                files++;
                var location = Path.GetRelativePath(_dir, file);
                // An ISO date alone is a calendar date here (dim_date, every dated table), so dates of birth
                // are found by joining each pupil-level row's key to that pupil's uploaded birth dates.
                foreach (var (part, text) in await PublishedFileReader.TextsAsync(file))
                    scanner.Scan(location + part, text, pupilLevel: false);
                births.Check(location, await PublishedFileReader.RowsAsync(file));
            }

        Assert.Empty(exceptions.Select(e => e.Split('\n')[0]));
        Assert.True(logs.Entries.Count > 50, $"only {logs.Entries.Count} log entries recorded: the loggers are not reaching the activities");
        Assert.Contains(activities.Records, r => r.Location.StartsWith("BuildPowerBi output", StringComparison.Ordinal));
        Assert.Contains(activities.Records, r => r.Location.StartsWith("PublishPackage output", StringComparison.Ordinal));
        Assert.True(files > 60, $"only {files} output files scanned");
        Assert.True(scanner.Findings.Count == 0, "Pupil identifiers found:\n" + string.Join('\n', scanner.Findings));
        Assert.True(births.Findings.Count == 0, "Dates of birth found:\n" + string.Join('\n', births.Findings));
        Assert.True(births.RowsMatched > 100, $"only {births.RowsMatched} published rows joined to an uploaded pupil: "
            + "the birth-date check is not reaching pupil-level facts");
        // The scanner itself must find what is there: the school's own reports name its pupils.
        var control = new IdentifierScanner(ids);
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "reports"), "*.csv", SearchOption.AllDirectories))
            control.Scan(file, await File.ReadAllTextAsync(file), pupilLevel: true);
        Assert.Contains(control.Findings, f => f.Contains(" UPN ", StringComparison.Ordinal));
        // …and the LA's own SEN2 report names its people: the name and postcode scan finds them there.
        var sen2Control = new IdentifierScanner(ids);
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "accepted"), "*.zip", SearchOption.AllDirectories))
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(file);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                sen2Control.Scan(file + "/" + entry.Name, await reader.ReadToEndAsync(), pupilLevel: true);
            }
        }
        Assert.Contains(sen2Control.Findings, f => f.Contains(" name or postcode ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The scan's own control (issue 15: "skips Parquet text columns"): a Parquet file with a UPN in a text
    /// column, a ULN in a whole-number column, a date of birth in a date column and as a date key, a UPN
    /// nested in a list, dictionary-encoded repeats and two row groups, read by the same reader and scanners
    /// as the demo's outputs. Each must be found; a reader that skips a column type fails here.
    /// </summary>
    [Fact]
    public async Task ParquetControl_IdentifiersInEveryColumnTypeAndRowGroup_AreAllFound()
    {
        var upload = Path.Combine(_dir, "uploads", "school-census", "855");
        Directory.CreateDirectory(upload);
        await File.WriteAllTextAsync(Path.Combine(upload, "census.csv"),
            "UPN,ULN,DOB\nA123456789012,,14/03/2012\nB123456789012,1234567890,02/11/2010\nC123456789012,,05/06/2011\n");
        var ids = UploadedIdentifiers.Read(_dir);
        var secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var key = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(secret, "A123456789012"u8));
        var published = Path.Combine(_dir, "published", "fact_control.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(published)!);
        await WriteControlParquetAsync(published, key);

        var scanner = new IdentifierScanner(ids);
        foreach (var (part, text) in await PublishedFileReader.TextsAsync(published))
            scanner.Scan("control" + part, text, pupilLevel: false);
        var births = new PupilBirthDates(ids, secret);
        births.Check("control", await PublishedFileReader.RowsAsync(published));

        Assert.Contains("control column Code: 1 distinct UPN value(s)", scanner.Findings);
        Assert.Contains("control column Ref: 1 distinct ULN value(s)", scanner.Findings);
        Assert.Contains("control column Tags: 1 distinct UPN value(s)", scanner.Findings);
        Assert.Contains("control column Born: 1 row(s) hold the pupil's own date of birth", births.Findings);
        Assert.Contains("control column BornKey: 1 row(s) hold the pupil's own date of birth", births.Findings);
        Assert.Equal(1, births.RowsMatched);
    }

    /// <summary>Two row groups: filler first, the identifiers only in the second.</summary>
    private static async Task WriteControlParquetAsync(string file, string pupilKey)
    {
        var schema = new ParquetSchema(
            new DataField<string>("PupilKey"), new DataField<string>("Code"), new DataField<long>("Ref"),
            new DataField<DateOnly>("Born"), new DataField<long>("BornKey"), new DataField<decimal>("Fte"),
            new DataField<bool>("Ehcp"), new ListField("Tags", new DataField<string>("element")));
        var groups = new[]
        {
            (Key: "filler", Code: "N/A", Ref: 1L, Born: new DateOnly(2020, 1, 1), Tag: "none"),
            (Key: pupilKey, Code: "A123456789012", Ref: 1234567890L, Born: new DateOnly(2012, 3, 14),
                Tag: "C123456789012"),
        };
        var rows = groups.SelectMany(g => Enumerable.Range(0, 3).Select(i =>
            (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["PupilKey"] = i == 0 ? g.Key : "filler", ["Code"] = i == 0 ? g.Code : "N/A", ["Ref"] = i == 0 ? g.Ref : 1L,
                ["Born"] = i == 0 ? g.Born : new DateOnly(2020, 1, 1),
                ["BornKey"] = i == 0 ? g.Born.Year * 10000L + g.Born.Month * 100 + g.Born.Day : 20200101L,
                ["Fte"] = 1.5m, ["Ehcp"] = true,
                // Parquet.Net's untyped lists of text hold ReadOnlyMemory<char>, not string.
                ["Tags"] = new List<ReadOnlyMemory<char>?> { (i == 0 ? g.Tag : "none").AsMemory(), "none".AsMemory() },
            })).ToList();
        await using (var stream = File.Create(file))
            await ParquetSerializer.SerializeUntypedAsync(rows, schema, stream,
                new ParquetOptions { RowGroupSize = 3 });
        await using var reader = await ParquetReader.CreateAsync(file);
        Assert.Equal(2, reader.RowGroupCount);
    }
}
