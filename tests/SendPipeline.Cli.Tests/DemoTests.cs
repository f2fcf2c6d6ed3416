using System.Text.Json;
using SendPipeline.Cli;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Returns;
using SendPipeline.SampleData;
using SendPipeline.SampleData.Defects;
using SendPipeline.Storage;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// The sample LA through the real ingest: every planted defect must be reported at its row and
/// column with its severity, and every file must end with the status the generator expects.
/// </summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ingest_SampleLa_ReportsEveryPlantedDefectWhereItIs()
    {
        var sample = SampleLaGenerator.Generate(new SampleLaOptions { Seed = 7 }, _dir);
        var stores = StoreFactory.Create(_dir);

        var results = await IngestCommand.IngestAsync(stores, "855");

        Assert.Equal(sample.Uploads.Count, results.Count);
        var byPath = results.ToDictionary(r => r.Validation.UploadPath);
        // Only the return types the pipeline validates yet; the rest are checked as their validators land.
        var validated = sample.Uploads.Where(u => ReturnRegistry.Find(u.ReturnType) is not null).Select(u => u.File).ToHashSet();
        Assert.Contains(validated, f => f.Contains("/school-census/"));
        foreach (var file in sample.Uploads.Where(u => validated.Contains(u.File)))
            Assert.True(file.ExpectedStatus == byPath[file.File].Validation.Status, $"{file.File}: expected {file.ExpectedStatus}, got {byPath[file.File].Validation.Status}");
        foreach (var defect in sample.Defects.Where(d => validated.Contains(d.File)))
        {
            await using var json = await stores.Blobs.OpenReadAsync(byPath[defect.File].Reports!.Json);
            var report = ReportJson.Read(json);
            Assert.True(report.Issues.Any(i => i.Row == defect.Row && i.Column == defect.Column && i.Severity.ToString().Equals(defect.ExpectedSeverity, StringComparison.OrdinalIgnoreCase)),
                $"{defect.Kind} planted at {defect.File} row {defect.Row} column {defect.Column} was not reported as a {defect.ExpectedSeverity}");
        }
        Assert.All(DefectKinds.All, kind => Assert.Contains(sample.Defects, d => d.Kind == kind));
    }

    [Fact]
    public async Task Rebuild_SampleLa_FindsEveryDefectPlantedAcrossReturns()
    {
        var sample = SampleLaGenerator.Generate(new SampleLaOptions { Seed = 7, EhcpHistoryPath = GenerateCommand.HistoryPath(new CommandLine([], new HashSet<string>())) }, _dir);
        var stores = StoreFactory.Create(_dir);
        await IngestCommand.IngestAsync(stores, "855");

        var result = await RebuildCommand.RebuildAsync(stores, "855", "test");

        await using var json = await stores.Blobs.OpenReadAsync(result.DataQuality.ReportJson);
        var report = DataQualityWriters.ReadJson(json);
        Assert.NotEmpty(sample.CrossReturnDefects);
        foreach (var defect in sample.CrossReturnDefects)
        {
            var rules = defect.Kind switch
            {
                "same-child-two-census" => new[] { "XR1001" },
                "same-child-census-and-placement" => ["XR1002"],
                "specialist-placement-without-census-ehcp" => ["XR1003"],
                "setting-closed-in-register" => ["XR1005", "XR1007"],
                "setting-missing-from-register" => ["XR1004", "XR1006"],
                "transformation-post-expired" => ["XR1009"],
                "open-school-without-census" => ["XR1010"],
                _ => throw new InvalidOperationException($"No check is mapped to the planted kind {defect.Kind}."),
            };
            Assert.True(report.Issues.Any(i => rules.Contains(i.RuleId) && (defect.Files.Contains(i.File) || defect.Detail.Contains(i.Submitter))),
                $"{defect.Kind} ({defect.Detail}) was not found by {string.Join('/', rules)}");
        }
        // The workforce dataset lists the same expired posts for the officer who owns the Experts at Hand budget.
        foreach (var expired in sample.CrossReturnDefects.Where(d => d.Kind == "transformation-post-expired"))
            Assert.Contains(result.Workforce.Findings, f => f.StartsWith($"Transformation post {expired.Detail.Split(' ')[1]} ", StringComparison.Ordinal));
        // The sample's quarter, 2025-26 Q4, is in the Oakfield outreach window and Oakfield's posts are grant-funded.
        Assert.Equal(true, result.Workforce.OutreachInWindow);
        Assert.True(result.Workforce.OutreachEahFte > 0);
    }

    [Fact]
    public async Task Rebuild_SampleLaWithShippedAssumptions_ReproducesTheSchoolsForumFigures()
    {
        var noArgs = new CommandLine([], new HashSet<string>());
        SampleLaGenerator.Generate(new SampleLaOptions { Seed = 1, EhcpHistoryPath = GenerateCommand.HistoryPath(noArgs), AssumptionsPath = GenerateCommand.AssumptionsPath(noArgs) }, _dir);

        var stores = StoreFactory.Create(_dir);
        var (_, rebuild) = await IngestCommand.IngestAndRebuildAsync(stores, "855");

        var hnb = rebuild!.Hnb;
        Assert.Null(hnb.Skipped);
        // Spec 4.7 and the schools forum paper: £131.2m in 2024-25; £208.3m by 2027-28 without reform (±3%).
        Assert.Equal(131.2m, Math.Round(hnb.Totals.Single(t => t.FinancialYear == "2024-25").Baseline / 1_000_000m, 1));
        var end = hnb.Totals.Single(t => t.FinancialYear == "2027-28");
        Assert.True(end.Reform < end.Baseline);
        // Lineage: built from the LA's finance, the DfE history, the uploaded assumptions, the Experts at Hand days
        // (the reform levers' evidence) and the LA's register (its own history in place of the published one), never
        // from workforce posts.
        await using var lineageJson = await stores.Blobs.OpenReadAsync($"{hnb.Folder}/lineage.json");
        var lineage = JsonSerializer.Deserialize<DatasetLineage>(lineageJson, ReportJson.Options)!;
        Assert.Equal(["assumptions", "eah-activity", "ehcp-history", "establishments", "hnb-finance", "placements", "school-census", "sen2"], lineage.Returns.Select(r => r.ReturnType).Distinct());
        Assert.StartsWith("The LA's EHC plan register (sen2, as at 2026-03-31) replaces the published figures",
            hnb.Notes[0]);
        Assert.Equal(AssumptionsLineage.Uploaded, Assert.Single(lineage.Assumptions!).Source);
        // The published figures last, with the numbers in the message: each category grows on its own cohort path and
        // INMSS and AP carry the cost growth calibrated to the paper (docs/forecasting.md "Calibration to the
        // published figures"), so a change to the cohort model that moves them is seen here.
        var growth = string.Join(", ", hnb.EndYearByCategory.Select(c => $"{c.Category} {c.EndBaseline / c.BaseYear - 1:P0}"));
        Assert.True(end.Baseline >= 208.3m * 0.97m * 1_000_000m && end.Baseline <= 208.3m * 1.03m * 1_000_000m,
            $"2027-28 baseline £{end.Baseline / 1_000_000m:N1}m is not within 3% of £208.3m; growth by category: {growth}");
        // The fastest-growing categories are independent and non-maintained special and AP.
        var fastest = hnb.EndYearByCategory.OrderByDescending(c => c.EndBaseline / c.BaseYear).Take(2).Select(c => c.Category).Order();
        Assert.True(fastest.SequenceEqual(["AP", "INMSS"]), $"The fastest-growing categories are not AP and INMSS: {growth}");
    }

    [Fact]
    public async Task Demo_RunTwice_GivesTheSameSummaryAndClearsOnlyItsOwnFolder()
    {
        var root = Path.Combine(_dir, "demo");

        var first = await CliRunner.Run("demo", "--out", root, "--seed", "3");
        var second = await CliRunner.Run("demo", "--out", root, "--seed", "3");

        Assert.Equal(0, first.Exit);
        Assert.Equal(Lines(first.Out, "Ingested"), Lines(second.Out, "Ingested"));
        // The sign-off commands it prints run as printed, each with the demo's signer key for that role.
        var commands = second.Out.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("sendpipeline signoff ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, commands.Count);
        var signed = await CliRunner.Run([.. System.Text.RegularExpressions.Regex.Matches(commands[0]["sendpipeline ".Length..], "\"([^\"]*)\"|(\\S+)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)]);
        Assert.True(signed.Exit == 0, signed.Out + signed.Err);
        Assert.Contains("Alex Morgan signed as LA Chief Executive", signed.Out);
        Assert.Contains("accepted", first.Out);
        var foreign = Path.Combine(_dir, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "mine");
        var refused = await CliRunner.Run("demo", "--out", foreign);
        Assert.Equal(2, refused.Exit);
        Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
    }

    private static string Lines(string text, string prefix) => string.Join('\n', text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)));
}
