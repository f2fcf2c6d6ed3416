using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Storage;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;
using M = SendPipeline.Core.Picture.ReturnCounts.Measures;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The demo's counts say the same thing everywhere: the package's cover sheet and <c>counts.csv</c>, its
/// manifest, the console and the dashboard, and all of them agree with the counts worked out here again,
/// independently, from the store's upload records (the latest upload of each submitter and return type).
/// </summary>
public sealed class CountsAgreeTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Demo_CoverManifestConsoleAndDashboard_StateTheCountsOfTheUploadRecords()
    {
        var root = Path.Combine(_dir, "demo");
        var demo = await CliRunner.Run("demo", "--out", root);
        Assert.Equal(0, demo.Exit);
        var quarter = FinancialQuarter.Containing(new DateOnly(2026, 3, 31));
        var expected = await RecountAsync(root, quarter);
        // The demo plants rejections: several from one submitter, and providers and a whole service whose
        // only return was rejected.
        Assert.True(expected.RejectedUploads > expected.RejectedSubmitters,
            $"{expected.RejectedUploads} uploads, {expected.RejectedSubmitters} submitters");
        Assert.NotEmpty(expected.Providers.Missing);
        Assert.Contains("svc-sts", expected.Services.Missing);

        var package = Path.Combine(root, "submissions", "2025-26-Q4", "v1");
        // The cover sheet (the workbook's first sheet): a row per count, as counts.csv has them.
        Assert.Equal(expected.Rows().Select(r => (r.Measure, r.Count.ToString(CultureInfo.InvariantCulture), r.Names)),
            CoverCounts(Path.Combine(package, SubmissionPackager.WorkbookName)));
        var csv = await File.ReadAllBytesAsync(Path.Combine(package, "counts.csv"));
        var table = SubmissionTable.Load(SubmissionTables.Counts, csv);
        Assert.Equal(expected.Rows(), SubmissionSnapshot.CountsOf(table, quarter)!.Rows());

        await using var json = File.OpenRead(Path.Combine(package, PackageManifest.FileName));
        var manifest = PackageManifest.Read(json);
        Assert.Equal(expected.Rows().ToDictionary(r => r.Measure, r => r.Count), manifest.Counts);
        var checks = manifest.Checks.ToDictionary(c => c.Id);
        var (unresolved, providers, split) = (checks[PreSubmissionChecks.UnresolvedErrors].Detail,
            checks[PreSubmissionChecks.ProviderReturns].Detail, checks[PreSubmissionChecks.ExpertsAtHandSplit]);
        var rejected = $"{expected.RejectedUploads} uploads from {expected.RejectedSubmitters} submitters were rejected";
        Assert.StartsWith(rejected, unresolved);
        Assert.StartsWith($"{expected.Providers.Returned} of {expected.Providers.Expected} providers expected", providers);
        Assert.StartsWith($"{expected.Services.Returned} of {expected.Services.Expected} services returned", split.Detail);
        Assert.Contains("svc-sts: no 2025-26 Q4 workforce return in force", split.Detail);
        Assert.Equal("FAIL (blocking)", split.Outcome);

        // The console and the dashboard say the same sentences.
        var page = await File.ReadAllTextAsync(Path.Combine(root, RebuildActivities.DashboardPath));
        var dashboard = WebUtility.HtmlDecode(page);
        foreach (var sentence in expected.Sentences())
        {
            Assert.Contains(sentence, demo.Out);
            Assert.Contains(sentence, dashboard);
        }
        Assert.Contains($"{expected.RejectedUploads} rejected from {expected.RejectedSubmitters} submitters", demo.Out);
        Assert.Contains(rejected, dashboard);
        Assert.DoesNotMatch(new Regex("[0-9]+ submitters' latest upload"), dashboard + demo.Out);
    }

    /// <summary>
    /// The counts from the upload records alone: the latest non-superseded upload per (subject, return type);
    /// providers expected are those whose placements upload is for the quarter's end, services those who sent
    /// a workforce or activity upload, each returned when that upload was accepted.
    /// </summary>
    private static async Task<ReturnCounts> RecountAsync(string root, FinancialQuarter quarter)
    {
        var stores = StoreFactory.Create(root);
        var latest = new Dictionary<(string, string), TableRow>();
        await foreach (var row in stores.Tables.QueryAsync(StorageLayout.UploadsTable))
        {
            if (row.GetString("Status") == "superseded") continue;
            var key = (row.GetString("Subject") ?? row.GetString("Submitter") ?? row.PartitionKey, row.GetString("ReturnType") ?? "");
            static (DateTimeOffset?, string) Order(TableRow r) => (r.GetDateTimeOffset("ReceivedUtc"), r.RowKey);
            if (!latest.TryGetValue(key, out var seen) || Order(row).CompareTo(Order(seen)) > 0) latest[key] = row;
        }
        var uploads = latest.Select(p => (Submitter: p.Key.Item1, ReturnType: p.Key.Item2, Row: p.Value)).ToList();
        bool Accepted(TableRow r) => r.GetString("Status") == "accepted";
        var rejected = uploads.Where(u => u.Row.GetString("Status") == "rejected").ToList();
        var providers = uploads.Where(u => u.ReturnType == "placements" && u.Row.GetString("Period") == "2026-03-31").ToList();
        var services = uploads.Where(u => u.ReturnType is "workforce" or "eah-activity").GroupBy(u => u.Submitter).ToList();
        bool Returned(IEnumerable<(string Submitter, string ReturnType, TableRow Row)> service) =>
            service.Any(u => u.ReturnType == "workforce" && Accepted(u.Row) && u.Row.GetString("Period") == quarter.ToString());
        var servicesMissing = services.Where(g => !Returned(g)).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        return new ReturnCounts(quarter.ToString(), uploads.Count, uploads.Select(u => u.Submitter).Distinct().Count(),
            rejected.Count, rejected.Select(u => u.Submitter).Distinct().Count(),
            new Coverage(providers.Count,
                [.. providers.Where(p => !Accepted(p.Row)).Select(p => p.Submitter).Order(StringComparer.Ordinal)]),
            new Coverage(services.Count, servicesMissing));
    }

    /// <summary>The cover's count rows: those under the "Count" heading, up to the next blank row.</summary>
    private static List<(string, string, string)> CoverCounts(string workbook)
    {
        using var stream = File.OpenRead(workbook);
        using var reader = new XlsxTabularReader(stream);
        var rows = new List<(string, string, string)>();
        var inCounts = false;
        while (reader.Read())
        {
            var first = reader[0].ToString();
            if (first == "Count") { inCounts = true; continue; }
            if (!inCounts) continue;
            // The block ends at a blank row or, where the writer leaves blank rows out, the next block's header.
            if (first.Length == 0 || first == "File") break;
            rows.Add((first, reader[1].ToString(), reader[2].ToString()));
        }
        return rows;
    }
}
