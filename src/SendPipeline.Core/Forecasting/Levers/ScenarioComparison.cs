using System.Globalization;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Forecasting.Levers;

/// <summary>A named scenario: an assumptions set (docs/assumptions.md) whose reform levers it runs.</summary>
public sealed record NamedScenario(string Name, HnbAssumptions Assumptions);

/// <summary>One column of the comparison: plans and spend by S251 line, by year.</summary>
public sealed record ScenarioColumn(string Name, HnbForecastResult Forecast, string Scenario)
{
    public decimal? Plans(string year) =>
        Forecast.Plans.FirstOrDefault(p => p.FinancialYear == year && p.Scenario == Scenario)?.Plans;

    public decimal Total(string year) => Forecast.Total(year, Scenario);

    public IReadOnlyList<(string Line, decimal Amount)> ByLine(string year) => Forecast.ByLine(year, Scenario);
}

/// <summary>
/// Named scenarios side by side (<c>sendpipeline scenario</c>): the baseline of the assumptions in force, then each
/// scenario's reform, all from one set of inputs.
/// </summary>
public sealed record ScenarioComparison(IReadOnlyList<ScenarioColumn> Columns)
{
    public const string BaselineName = "baseline";

    public static ScenarioComparison Run(HnbInputs inputs, HnbAssumptions inForce,
        IEnumerable<NamedScenario> scenarios)
    {
        var columns = new List<ScenarioColumn>
        {
            new(BaselineName, HnbForecast.Run(inputs, inForce), HnbAssumptions.Baseline),
        };
        foreach (var s in scenarios)
            columns.Add(new ScenarioColumn(s.Name, HnbForecast.Run(inputs, s.Assumptions), HnbAssumptions.Reform));
        return new ScenarioComparison(columns);
    }

    public IReadOnlyList<string> Years => Columns[0].Forecast.Years;

    /// <summary>Every S251 line any column spends on, in spec 4.6 order.</summary>
    public IReadOnlyList<string> Lines =>
        [.. Columns.SelectMany(c => Years.SelectMany(y => c.ByLine(y).Select(l => l.Line))).Distinct()
            .OrderBy(S251Lines.Order).ThenBy(l => l, StringComparer.Ordinal)];

    /// <summary>The comparison as one tidy table: scenario, year, measure (plans or spend), S251 line,
    /// value.</summary>
    public void WriteCsv(Stream output)
    {
        using var csv = ExcelCsv.Create(output, ExcelCsv.TableOptions);
        csv.WriteRecord(["Scenario", "FinancialYear", "Measure", "S251Line", "Value"]);
        foreach (var column in Columns)
            foreach (var year in Years)
            {
                if (column.Plans(year) is { } plans) Row(csv, column.Name, year, "plans", null, plans, "0");
                Row(csv, column.Name, year, "spend", "total", column.Total(year), "0.00");
                foreach (var (line, amount) in column.ByLine(year))
                    Row(csv, column.Name, year, "spend", line, amount, "0.00");
            }
    }

    private static void Row(CsvHelper.CsvWriter csv, string scenario, string year, string measure, string? line,
        decimal value, string format)
    {
        csv.WriteFields(scenario, year, measure, line);
        csv.WriteField(value, format);
        csv.EndRecord();
    }
}

/// <summary>What a goal seek found: the lever value that reaches the target, or the spend the range allows.</summary>
public sealed record GoalSeekResult(ReformLever Lever, string Year, decimal Target, bool Reached, decimal? Value,
    decimal? SpendAtValue, decimal SpendAtMin, decimal SpendAtMax)
{
    public string Describe() => Reached
        ? Text($"{Lever.Key} = {Value:0.######} {Lever.Unit} gives £{SpendAtValue / 1e6m:N2}m in {Year} ")
          + Text($"(target £{Target / 1e6m:N2}m)")
        : Text($"The target £{Target / 1e6m:N2}m in {Year} cannot be reached with {Lever.Key} in its range ")
          + Text($"{Lever.RangeText} {Lever.Unit}: spend runs from £{SpendAtMin / 1e6m:N2}m (at {Lever.Min}) ")
          + Text($"to £{SpendAtMax / 1e6m:N2}m (at {Lever.Max}).");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Finds the value of one lever, within its documented range and with every other assumption of the scenario held,
/// at which the reform scenario's spend in a year equals a target: bisection, since spend moves one way as a lever
/// rises (<see cref="ReformEffect"/>). A target outside the spend at the two ends of the range cannot be reached.
/// </summary>
public static class GoalSeek
{
    /// <summary>Halvings of the range: 2^-40 of it is far below any value an officer would set.</summary>
    private const int Steps = 40;

    /// <summary>Twelve decimal places: finer than any lever needs, and short enough to be read back as an
    /// assumption's value.</summary>
    private static decimal Midpoint(decimal lo, decimal hi) => Math.Round((lo + hi) / 2, 12);

    public static GoalSeekResult Seek(HnbInputs inputs, HnbAssumptions scenario, ReformLever lever, string year,
        decimal target)
    {
        if (!FinancialYear.TryParse(year, out var fy) || fy.StartYear <= scenario.BaseYear.StartYear
            || fy.StartYear > scenario.EndYear.StartYear)
            throw new ArgumentException(
                $"The year {year} is not a forecast year ({scenario.BaseYear} is the base year, " +
                $"{scenario.EndYear} the last).",
                nameof(year));
        decimal Spend(decimal value) =>
            HnbForecast.Run(inputs, scenario.WithLever(lever, value)).Total(fy.ToString(), HnbAssumptions.Reform);
        var (lo, hi) = (lever.Min, lever.Max);
        var (atMin, atMax) = (Spend(lo), Spend(hi));
        if (target < Math.Min(atMin, atMax) || target > Math.Max(atMin, atMax))
            return new GoalSeekResult(lever, fy.ToString(), target, false, null, null, atMin, atMax);
        var falling = atMax <= atMin;
        for (var i = 0; i < Steps; i++)
        {
            var mid = Midpoint(lo, hi);
            if ((Spend(mid) > target) == falling) lo = mid;
            else hi = mid;
        }
        var value = Midpoint(lo, hi);
        return new GoalSeekResult(lever, fy.ToString(), target, true, value, Spend(value), atMin, atMax);
    }
}
