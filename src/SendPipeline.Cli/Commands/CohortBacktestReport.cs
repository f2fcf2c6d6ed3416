using System.Globalization;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline backtest --data-dir</c>: the cohort model and every simple method on LA totals and each placement
/// group, by horizon, with strictly out-of-sample interval coverage; then the cohort model against the best simple
/// method on the same cases, over every origin and over the latest ones; then LA totals origin by origin.
/// </summary>
internal static class CohortBacktestReport
{
    /// <summary>The recent regime: origins after the 2014 reforms had worked through.</summary>
    public const int LatestOrigins = 4;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Write(EhcpTables tables, TextWriter output, int ageLag = 0, bool fromRequests = false)
    {
        var result = CohortBacktest.Run(tables, ageLag: ageLag, fromRequests: fromRequests);
        output.WriteLine(string.Create(Inv,
            $"Origins (train through): {string.Join(", ", result.Origins.Select(AcademicYear.Format))}; " +
            $"outcomes scored: {result.Outcomes.Count}; age bands withheld: {ageLag} year(s); " +
            $"the cohort model's new plans {NewPlansOption.Describe(fromRequests)}."));
        output.WriteLine();
        output.WriteLine("| breakdown | method | horizon | forecasts | median APE | mean APE | with interval | inside 80% interval |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in result.Summaries.OrderBy(s => Rank(s.Breakdown)).ThenBy(s => s.Horizon)
                     .ThenBy(s => s.Method == CohortBacktest.Method ? 0 : 1))
            output.WriteLine(string.Create(Inv,
                $"| {s.Breakdown} | {s.Method} | {s.Horizon} | {s.Outcomes} | {s.MedianApe:P2} | {s.MeanApe:P2} | {s.WithInterval} | {Percent(s.Coverage)} |"));

        Compare(result.Summaries, "every origin", output);
        var latest = result.Origins.TakeLast(LatestOrigins).ToList();
        if (latest.Count > 0)
            Compare(CohortBacktest.Summarise(result.Outcomes.Where(o => latest.Contains(o.Origin))),
                $"the latest {latest.Count} origins ({AcademicYear.Format(latest[0])} on)", output);

        output.WriteLine();
        output.WriteLine("LA totals by origin, one year ahead (median APE), and the cohort model's interval " +
            "coverage one, two and three years ahead:");
        output.WriteLine();
        var methods = result.Summaries.Select(s => s.Method).Distinct().ToList();
        output.WriteLine("| origin | " + string.Join(" | ", methods) + " | coverage h=1 | h=2 | h=3 |");
        output.WriteLine("|---|" + string.Concat(methods.Select(_ => "---:|")) + "---:|---:|---:|");
        var totals = result.Outcomes.Where(o => o.Breakdown == PlacementGroups.AllPlans).ToList();
        foreach (var origin in totals.Where(o => o.Horizon == 1).GroupBy(o => o.Origin).OrderBy(g => g.Key))
        {
            var cells = methods.Select(m => origin.Where(o => o.Method == m)
                .Select(o => o.AbsolutePercentageError).Order().ToArray())
                .Select(a => a.Length == 0 ? "" : PredictionIntervals.Quantile(a, 0.5).ToString("P2", Inv));
            var coverage = Enumerable.Range(1, 3).Select(h => Percent(Coverage(totals
                .Where(o => o.Origin == origin.Key && o.Horizon == h && o.Method == CohortBacktest.Method))));
            output.WriteLine($"| {AcademicYear.Format(origin.Key)} | {string.Join(" | ", cells)} | " +
                $"{string.Join(" | ", coverage)} |");
        }
        return 0;
    }

    private static void Compare(IEnumerable<CohortSummary> summaries, string which, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"The cohort model against the best simple method, {which}:");
        output.WriteLine();
        output.WriteLine("| breakdown | horizon | best simple method | its median APE | cohort | improvement | cohort coverage |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var g in summaries.GroupBy(s => (s.Breakdown,
            s.Horizon)).OrderBy(g => Rank(g.Key.Breakdown)).ThenBy(g => g.Key.Horizon))
        {
            var cohort = g.Single(s => s.Method == CohortBacktest.Method);
            var best = g.Where(s => s.Method != CohortBacktest.Method).MinBy(s => s.MedianApe)!;
            output.WriteLine(string.Create(Inv,
                $"| {g.Key.Breakdown} | {g.Key.Horizon} | {best.Method} | {best.MedianApe:P2} | {cohort.MedianApe:P2} | {1 - cohort.MedianApe / best.MedianApe:P1} | {Percent(cohort.Coverage)} |"));
        }
    }

    private static double? Coverage(IEnumerable<CohortOutcome> outcomes)
    {
        var judged = outcomes.Where(o => o.Inside is not null).ToList();
        return judged.Count == 0 ? null : (double)judged.Count(o => o.Inside == true) / judged.Count;
    }

    private static string Percent(double? share) => share is { } s ? s.ToString("P1", Inv) : "n/a";

    private static int Rank(string breakdown) => breakdown == PlacementGroups.AllPlans ? -1
        : PlacementGroups.Breakdowns.ToList().IndexOf(breakdown);
}
