using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline forecast-ehcp</c>: EHC plan caseloads for England and every LA, from the DfE
/// caseload file, with 80% intervals, to a CSV.
/// </summary>
public static class ForecastEhcpCommand
{
    public const string Usage =
        "sendpipeline forecast-ehcp --history FILE | --data-dir DIR [--by placement] [--new-plans trend|requests] " +
        "--train-through YYYYYY --horizon N --out FILE.csv [--method NAME]";

    public static int Run(CommandLine args, TextWriter output)
    {
        var dataDir = args.Option("data-dir");
        var by = args.Option("by");
        if (dataDir is not null) return RunCohort(args, dataDir, by, output);
        if (by is not null) throw new UsageException("--by placement needs --data-dir DIR (the DfE tables by placement).");
        var historyPath = args.Option("history") ?? throw new UsageException("forecast-ehcp needs --history FILE or --data-dir DIR.");
        var throughText = args.Option("train-through") ?? throw new UsageException("forecast-ehcp needs --train-through, e.g. 202122.");
        var horizonText = args.Option("horizon") ?? throw new UsageException("forecast-ehcp needs --horizon N.");
        var outPath = args.Option("out") ?? throw new UsageException("forecast-ehcp needs --out FILE.csv.");
        var methodName = args.Option("method");
        NewPlansOption.FromRequests(args.Option("new-plans"), dataDir: null);
        args.EnsureAllRead();

        if (!AcademicYear.TryParse(throughText, out var through))
            throw new UsageException($"--train-through must be a DfE time_period such as 202122, not '{throughText}'.");
        var horizon = args.Int("horizon", 0);
        if (horizon < 1) throw new UsageException($"--horizon must be 1 or more, not '{horizonText}'.");
        var method = methodName is null ? ForecastMethods.Default : ForecastMethods.Find(methodName)
            ?? throw new UsageException($"Unknown method '{methodName}'. Methods: {string.Join(", ", ForecastMethods.All.Select(m => m.Name))}.");
        var history = Histories.Read(historyPath);
        if (!history.Any(s => s.Plans.ContainsKey(through)))
            throw new UsageException($"--train-through {throughText} is not a year in {historyPath}.");

        ForecastResult result;
        try
        {
            result = EhcpForecast.Run(history, through, horizon, method);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var writer = new StreamWriter(outPath, append: false, new UTF8Encoding(false)))
            ForecastCsv.Write(writer, result.Rows);

        var areas = result.Rows.Select(r => r.Area).Distinct().Count();
        output.WriteLine($"{method.Name}: {areas} areas × {horizon} years from {AcademicYear.Format(through)} → {outPath} ({result.Rows.Count} rows).");
        var pool = PooledGrowth.Estimate(history, through);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Pooled growth {Math.Exp(pool.MeanLogGrowth) - 1:P1} a year; weight on an LA's own deviation {pool.Weight:0.00}; 80% interval at 1 year {Math.Exp(result.Intervals.LogQuantilesAt(1).Low) - 1:+0.0%;-0.0%} to {Math.Exp(result.Intervals.LogQuantilesAt(1).High) - 1:+0.0%;-0.0%}."));
        foreach (var s in result.Skipped)
            output.WriteLine($"  skipped {s.Area.LaName} ({s.Area.OldLaCode}): {s.Reason}");
        return 0;
    }

    /// <summary>The cohort model on the DfE tables: totals, and with <c>--by placement</c> each placement group.</summary>
    private static int RunCohort(CommandLine args, string dataDir, string? by, TextWriter output)
    {
        var throughText = args.Option("train-through") ?? throw new UsageException("forecast-ehcp needs --train-through, e.g. 202223.");
        var outPath = args.Option("out") ?? throw new UsageException("forecast-ehcp needs --out FILE.csv.");
        var horizon = args.Int("horizon", 0);
        if (args.Option("method") is { } method && method != CohortForecast.Method)
            throw new UsageException($"--data-dir forecasts with the cohort model; --method {method} reads --history instead.");
        if (args.Option("history") is not null)
            throw new UsageException("Give --history FILE or --data-dir DIR, not both: the folder's caseload.csv is the history.");
        var fromRequests = NewPlansOption.FromRequests(args.Option("new-plans"), dataDir);
        args.EnsureAllRead();
        if (horizon < 1) throw new UsageException("--horizon must be 1 or more.");
        if (by is not null && by != "placement") throw new UsageException($"--by must be 'placement', not '{by}'.");
        if (!AcademicYear.TryParse(throughText, out var through))
            throw new UsageException($"--train-through must be a DfE time_period such as 202223, not '{throughText}'.");
        var tables = DfeFolders.Read(dataDir);
        if (!tables.Totals.Values.Any(t => t.ContainsKey(through)))
            throw new UsageException($"--train-through {throughText} is not a year in {Path.Combine(dataDir, EhcpTables.CaseloadFile)}.");

        CohortForecastResult result;
        try
        {
            result = CohortForecast.Run(tables, through, horizon, byPlacement: by is not null, fromRequests);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var writer = new StreamWriter(outPath, append: false, new UTF8Encoding(false)))
            CohortForecastCsv.Write(writer, result.Rows);

        var areas = result.Rows.Select(r => r.Area).Distinct().Count();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        output.WriteLine($"{CohortForecast.Method}: {areas} areas × {horizon} years from {AcademicYear.Format(through)}" +
            $"{(by is null ? "" : " by placement")} → {outPath} ({result.Rows.Count} rows).");
        var (low, high) = result.Intervals[PlacementGroups.AllPlans].LogBounds(1);
        output.WriteLine(string.Create(inv,
            $"80% interval for an LA total at 1 year {Math.Exp(low) - 1:+0.0%;-0.0%} to {Math.Exp(high) - 1:+0.0%;-0.0%}, of which England's shared movement ±{Math.Exp(CohortIntervals.Z80 * result.Intervals[PlacementGroups.AllPlans].CommonSdAt(1)) - 1:0.0%}."));
        foreach (var note in tables.Notes) output.WriteLine($"  {note}");
        foreach (var group in result.Basis.GroupBy(b => b.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {group.Count()} LAs from {group.Key}");
        foreach (var s in result.Skipped)
            output.WriteLine($"  skipped {s.Area.LaName} ({s.Area.OldLaCode}): {s.Reason}");
        return 0;
    }
}
