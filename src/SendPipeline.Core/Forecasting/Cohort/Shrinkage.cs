namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>
/// Empirical-Bayes weights on each LA's own deviations from the pooled rate: how much of an LA's mean deviation
/// to keep, from how much its history supports it. With s² the spread of an LA's yearly deviations around its own
/// mean (pooled over LAs) and τ² the spread of LAs' true mean deviations (the spread of their observed means less
/// the part noise explains, s² · mean(1/n)), an LA with n deviations keeps w = τ² / (τ² + s² / n): more years,
/// more weight; LAs that differ little in truth, little weight for any. No constant is chosen.
/// </summary>
public static class Shrinkage
{
    /// <summary>The weight for an LA with <paramref name="n"/> deviations under the spreads estimated from
    /// <paramref name="deviations"/>.</summary>
    public static Func<int, double> Weights(IEnumerable<IReadOnlyList<double>> deviations)
    {
        var lists = deviations.Where(d => d.Count > 0).ToList();
        double within = 0;
        var withinDf = 0;
        foreach (var d in lists.Where(d => d.Count > 1))
        {
            var mean = d.Average();
            within += d.Sum(x => (x - mean) * (x - mean));
            withinDf += d.Count - 1;
        }
        if (withinDf == 0 || lists.Count < 2) return _ => 0;
        var s2 = within / withinDf;
        var means = lists.Select(d => d.Average()).ToList();
        var grand = means.Average();
        var between = means.Sum(m => (m - grand) * (m - grand)) / (means.Count - 1);
        var tau2 = Math.Max(0, between - s2 * lists.Average(d => 1.0 / d.Count));
        return n => n <= 0 || tau2 <= 0 ? 0 : tau2 / (tau2 + s2 / n);
    }
}
