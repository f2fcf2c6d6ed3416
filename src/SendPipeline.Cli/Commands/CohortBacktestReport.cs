using System.Globalization;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline backtest --data-dir</c>: the cohort model and every simple method on LA totals and each placement
/// group, by horizon, with strictly out-of-sample interval coverage, then how the cohort model compares with the
/// best simple method on the same cases.
/// </summary>
internal static class CohortBacktestReport
{
    public static int Write(EhcpTables tables, TextWriter output)
    {
        var result = CohortBacktest.Run(tables);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"Origins (train through): {string.Join(", ", result.Origins.Select(AcademicYear.Format))}; outcomes scored: {result.Outcomes.Count}."));
        output.WriteLine();
        output.WriteLine("| breakdown | method | horizon | forecasts | median APE | mean APE | with interval | inside 80% interval |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in Ordered(result.Summaries))
            output.WriteLine(string.Create(inv,
                $"| {s.Breakdown} | {s.Method} | {s.Horizon} | {s.Outcomes} | {s.MedianApe:P2} | {s.MeanApe:P2} | {s.WithInterval} | {(s.Coverage is { } c ? c.ToString("P1", inv) : "n/a")} |"));
        output.WriteLine();
        output.WriteLine("| breakdown | horizon | best simple method | its median APE | cohort | improvement | cohort coverage |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var g in result.Summaries.GroupBy(s => (s.Breakdown, s.Horizon)).OrderBy(g => Rank(g.Key.Breakdown)).ThenBy(g => g.Key.Horizon))
        {
            var cohort = g.Single(s => s.Method == CohortBacktest.Method);
            var best = g.Where(s => s.Method != CohortBacktest.Method).MinBy(s => s.MedianApe)!;
            output.WriteLine(string.Create(inv,
                $"| {g.Key.Breakdown} | {g.Key.Horizon} | {best.Method} | {best.MedianApe:P2} | {cohort.MedianApe:P2} | {1 - cohort.MedianApe / best.MedianApe:P1} | {(cohort.Coverage is { } c ? c.ToString("P1", inv) : "n/a")} |"));
        }
        output.WriteLine();
        output.WriteLine("LA totals by origin, one year ahead (median APE):");
        output.WriteLine();
        var methods = result.Summaries.Select(s => s.Method).Distinct().ToList();
        output.WriteLine("| origin | " + string.Join(" | ", methods) + " |");
        output.WriteLine("|---|" + string.Concat(methods.Select(_ => "---:|")));
        foreach (var origin in result.Outcomes.Where(o => o.Breakdown == PlacementGroups.AllPlans && o.Horizon == 1)
            .GroupBy(o => o.Origin).OrderBy(g => g.Key))
        {
            var cells = methods.Select(m => origin.Where(o => o.Method == m).Select(o => o.AbsolutePercentageError).Order().ToArray())
                .Select(a => a.Length == 0 ? "" : PredictionIntervals.Quantile(a, 0.5).ToString("P2", inv));
            output.WriteLine($"| {AcademicYear.Format(origin.Key)} | {string.Join(" | ", cells)} |");
        }
        return 0;
    }

    private static IEnumerable<CohortSummary> Ordered(IEnumerable<CohortSummary> summaries) =>
        summaries.OrderBy(s => Rank(s.Breakdown)).ThenBy(s => s.Horizon).ThenBy(s => s.Method == CohortBacktest.Method ? 0 : 1);

    private static int Rank(string breakdown) => breakdown == PlacementGroups.AllPlans ? -1
        : PlacementGroups.All.Select(g => g.Breakdown).Concat(PlacementGroups.Totals.Select(t => t.Breakdown)).ToList().IndexOf(breakdown);
}
