using SendPipeline.Core.Reference;

namespace SendPipeline.SampleData.Finance;

internal sealed record FinanceRow(FinancialYear Year, string Line, string Basis, decimal Amount, string Note);

/// <summary>
/// High Needs Block lines by year. 2024-25 totals the forum paper's £131.2m; the mix leans on
/// top-ups (1.2.1–1.2.3) and alternative provision (1.2.7), and grows fastest in independent and
/// non-maintained placements and AP, on the way to the paper's £208.3m in 2027-28.
/// </summary>
internal static class HnbFinancePlanner
{
    public const decimal Total202425 = 131_200_000m;

    /// <summary>Share of 2024-25 net spend, and yearly growth, per line.</summary>
    private static readonly (string Line, double Share, double Growth, string Note)[] Lines =
    [
        ("1.0.2", -0.065, 0.08, "Place funding deducted for academies and colleges (£10k a place)"),
        ("1.2.1", 0.19, 0.10, "Top-up to maintained mainstream, special schools and PRUs"),
        ("1.2.2", 0.285, 0.12, "Top-up to academies, free schools and colleges"),
        ("1.2.3", 0.33, 0.24, "Independent and non-maintained special schools and specialist post-16 – fees"),
        ("1.2.4", 0.022, 0.05, ""),
        ("1.2.5", 0.048, 0.04, "SEN support services"),
        ("1.2.6", 0.011, 0.03, ""),
        ("1.2.7", 0.07, 0.26, "Alternative provision commissioned outside PRUs"),
        ("1.2.8", 0.018, 0.04, ""),
        ("1.2.9", 0.002, 0.0, ""),
        ("1.2.10", 0.003, 0.02, "PFI unitary charge share"),
        ("1.2.11", 0.016, 0.15, "Direct payments and personal budgets"),
        ("1.2.13", 0.02, 0.08, "Therapies commissioned with the ICB"),
    ];

    public static List<FinanceRow> Plan(FinancialYear middle, Random rng)
    {
        var rows = new List<FinanceRow>();
        var shareSum = Lines.Sum(l => l.Share);
        var actual = Lines.Select(l => Pounds(Total202425 * (decimal)(l.Share / shareSum))).ToArray();
        // Rounding to the pound must not move the total off the published figure.
        actual[2] += Total202425 - actual.Sum();

        var previous = new FinancialYear(middle.StartYear - 1);
        var next = new FinancialYear(middle.StartYear + 1);
        for (var i = 0; i < Lines.Length; i++)
        {
            var (line, _, growth, note) = Lines[i];
            var jitter = 1 + (rng.NextDouble() - 0.5) * 0.02;
            rows.Add(new FinanceRow(previous, line, "Actual", Pounds(actual[i] / (decimal)((1 + growth) * jitter)), note));
            rows.Add(new FinanceRow(middle, line, "Actual", actual[i], note));
            var budget = Pounds(actual[i] * (decimal)(1 + growth * 0.8));
            rows.Add(new FinanceRow(next, line, "Budget", budget, note));
            // Demand-led lines run over budget; the rest come in close to it.
            var over = line is "1.2.3" or "1.2.7" or "1.2.2" ? 1.06 + rng.NextDouble() * 0.04 : 0.99 + rng.NextDouble() * 0.02;
            rows.Add(new FinanceRow(next, line, "Forecast", Pounds(budget * (decimal)over), note));
        }
        return rows;
    }

    private static decimal Pounds(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);
}
