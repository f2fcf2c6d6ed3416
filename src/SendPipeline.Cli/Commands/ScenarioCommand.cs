using System.Globalization;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Reference;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline scenario [FILE …]</c>: runs named scenario files (assumptions CSVs of reform levers,
/// docs/assumptions.md) against the LA's returns in force and prints them beside the baseline: EHC plans and spend
/// by S251 line, by year. With <c>--goal</c> it seeks the value of one lever that brings the reform spend of a year
/// to the target. Exit 0 done (the target reached), 1 the target cannot be reached within the lever's range, 2 could
/// not run.
/// </summary>
public static class ScenarioCommand
{
    public const string Usage = "sendpipeline scenario [FILE ...] [--store DIR | --connection CONNECTION-STRING] " +
        "[--la CODE] [--out FILE.csv] [--goal POUNDS --year YYYY-YY --lever KEY]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        var outPath = args.Option("out");
        var goalText = args.Option("goal");
        var year = args.Option("year");
        var leverKey = args.Option("lever");
        args.EnsureAllRead();
        var goal = ParseGoal(goalText, year, leverKey, args.Positional.Count);
        var files = ReadFiles(args.Positional, la);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var picture = await new PictureLoader(stores.Blobs, stores.Tables).LoadReturnsInForceAsync();
        var loaded = clock.Elapsed;
        var inForce = HnbAssumptions.From(picture.Assumptions);
        var (inputs, skipped) = HnbForecastOutcome.Prepare(picture, la, inForce);
        if (inputs is null) throw new UsageException($"The HNB forecast cannot run on this store: {skipped}.");
        // No file: the reform scenario of the assumptions in force is the one scenario.
        var scenarios = files.Count == 0
            ? [new NamedScenario(inForce.Version ?? HnbAssumptions.Reform, inForce)]
            : files.Select(f => f.On(picture.Assumptions)).ToList();
        // The inputs (each category's growth path) are gathered for the years in force, and columns side by side
        // must share their years.
        if (scenarios.FirstOrDefault(s => s.Assumptions.BaseYear != inForce.BaseYear
                || s.Assumptions.EndYear != inForce.EndYear) is { } moved)
            throw new UsageException($"Scenario {moved.Name} changes the forecast years " +
                $"({moved.Assumptions.BaseYear} to {moved.Assumptions.EndYear}); scenarios run over the years " +
                $"of the assumptions in force ({inForce.BaseYear} to {inForce.EndYear}), so leave " +
                "forecast/base-year and forecast/end-year out of it.");

        if (goal is { } g)
        {
            var scenarioYears = scenarios[0].Assumptions;
            if (!FinancialYear.TryParse(g.Year, out var goalYear)
                || goalYear.StartYear <= scenarioYears.BaseYear.StartYear
                || goalYear.StartYear > scenarioYears.EndYear.StartYear)
                throw new UsageException($"--year {g.Year} is not a forecast year: the forecast runs from " +
                    $"{scenarioYears.BaseYear} (the base year) to {scenarioYears.EndYear}.");
            var result = GoalSeek.Seek(inputs, scenarios[0].Assumptions, g.Lever, g.Year, g.Target);
            var sought = clock.Elapsed - loaded;
            output.WriteLine($"Goal seek on scenario {scenarios[0].Name}, LA {la}:");
            output.WriteLine("  " + result.Describe());
            output.WriteLine(Timing("Sought", sought, loaded));
            return result.Reached ? 0 : 1;
        }

        var comparison = ScenarioComparison.Run(inputs, inForce, scenarios);
        var ran = clock.Elapsed - loaded;
        Print(comparison, inputs, la, output);
        output.WriteLine(Timing($"Ran {scenarios.Count} scenario(s)", ran, loaded));
        if (outPath is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            await using var stream = File.Create(outPath);
            comparison.WriteCsv(stream);
            output.WriteLine($"Written: {outPath}");
        }
        return 0;
    }

    private sealed record Goal(decimal Target, string Year, ReformLever Lever);

    private static Goal? ParseGoal(string? goal, string? year, string? lever, int files)
    {
        if (goal is null)
        {
            if (year is not null || lever is not null) throw new UsageException("--year and --lever go with --goal.");
            return null;
        }
        if (!decimal.TryParse(goal, NumberStyles.Number, CultureInfo.InvariantCulture, out var target) || target <= 0)
            throw new UsageException($"--goal must be an amount in pounds such as 190000000, not '{goal}'.");
        if (year is null || !FinancialYear.TryParse(year, out _))
            throw new UsageException("--goal needs --year, a financial year such as 2027-28.");
        var levers = string.Join(", ", ReformLevers.Levers.Select(l => l.Key));
        if (lever is null) throw new UsageException($"--goal needs --lever, one of {levers}.");
        var found = ReformLevers.Levers.FirstOrDefault(l => l.Key.Equals(lever, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--lever '{lever}' is not a reform lever; use one of {levers}.");
        if (files > 1)
            throw new UsageException(
                "--goal seeks on one scenario: give one FILE, or none for the assumptions in force.");
        return new Goal(target, year, found);
    }

    private static List<ScenarioFile> ReadFiles(IReadOnlyList<string> paths, string la)
    {
        var files = new List<ScenarioFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new UsageException($"No scenario file at '{path}'.");
            using var stream = File.OpenRead(path);
            var (scenario, errors) = ScenarioFile.Read(stream, path, la);
            if (scenario is null)
                throw new UsageException(string.Join(Environment.NewLine,
                    errors.Prepend($"{path} is not a usable scenario:")));
            if (files.Any(f => f.Name == scenario.Name))
                throw new UsageException(
                    $"Two scenarios are named '{scenario.Name}': give each file its own meta/assumptions-version.");
            files.Add(scenario);
        }
        return files;
    }

    private static void Print(ScenarioComparison comparison, HnbInputs inputs, string la, TextWriter output)
    {
        var columns = comparison.Columns;
        output.WriteLine($"Scenarios for LA {la}: placement categories grow with " +
            (inputs.Growth.Basis == CategoryGrowth.CohortBasis ? "their DfE placement group's cohort projection"
                : "the LA's total EHC plans (no DfE placement tables in force)") + ".");
        foreach (var source in inputs.Evidence.Sources) output.WriteLine($"  evidence: {source}");
        output.WriteLine();
        output.WriteLine($"  {"year",-9}{"",-16}" + string.Concat(columns.Select(c => $"{Cut(c.Name),14}")));
        foreach (var year in comparison.Years)
        {
            if (columns.Any(c => c.Plans(year) is not null))
                output.WriteLine($"  {year,-9}{"EHC plans",-16}" + string.Concat(columns.Select(c =>
                    string.Create(CultureInfo.InvariantCulture, $"{c.Plans(year),14:N0}"))));
            output.WriteLine($"  {year,-9}{"spend £m",-16}"
                + string.Concat(columns.Select(c => Millions(c.Total(year)))));
            foreach (var line in comparison.Lines)
                output.WriteLine($"  {"",-9}{"  " + line,-16}" + string.Concat(columns.Select(c =>
                    Millions(c.ByLine(year).FirstOrDefault(l => l.Line == line).Amount))));
        }
    }

    /// <summary>How long the work took beside the read, so a slow run says which part was slow.</summary>
    private static string Timing(string what, TimeSpan work, TimeSpan read) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} in {work.TotalMilliseconds:0} ms, ")
        + string.Create(CultureInfo.InvariantCulture,
            $"after reading the returns in force in {read.TotalMilliseconds:0} ms.");

    private static string Millions(decimal amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount / 1_000_000m,14:N1}");

    private static string Cut(string name) => name.Length <= 13 ? name : name[..12] + "…";
}
