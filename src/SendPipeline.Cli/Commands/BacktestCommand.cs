using System.Globalization;
using SendPipeline.Core.Forecasting;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline backtest</c>: every forecast method scored on rolling origins within the history
/// file, as the markdown table docs/forecasting.md carries.
/// </summary>
public static class BacktestCommand
{
    public const string Usage =
        "sendpipeline backtest --history FILE | --data-dir DIR [--age-lag N] [--new-plans trend|requests]";

    public static int Run(CommandLine args, TextWriter output)
    {
        var dataDir = args.Option("data-dir");
        var historyPath = args.Option("history");
        var ageLag = args.Int("age-lag", 0);
        var newPlans = args.Option("new-plans");
        args.EnsureAllRead();
        var fromRequests = NewPlansOption.FromRequests(newPlans, dataDir);
        if (dataDir is not null)
            return CohortBacktestReport.Write(DfeFolders.Read(dataDir), output, ageLag, fromRequests);
        if (historyPath is null) throw new UsageException("backtest needs --history FILE or --data-dir DIR.");
        var history = Histories.Read(historyPath);
        var result = Backtest.Run(history, ForecastMethods.All);

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"Origins (train through): {string.Join(", ", result.Origins.Select(AcademicYear.Format))}; LAs scored: {result.Evaluated.Count}; skipped (a year missing, suppressed or under another code): {result.Skipped.Count}."));
        if (result.Skipped.Count > 0)
            output.WriteLine("Skipped: " + string.Join("; ", result.Skipped.Select(a => $"{a.LaName} ({a.OldLaCode})")));
        output.WriteLine();
        output.WriteLine("| method | horizon | forecasts | median APE | mean APE | inside 80% interval |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in result.Summaries.OrderBy(s => s.Horizon))
            output.WriteLine(string.Create(inv, $"| {s.Method} | {s.Horizon} | {s.Outcomes} | {s.MedianApe:P2} | {s.MeanApe:P2} | {s.Coverage:P1} |"));
        return 0;
    }
}
