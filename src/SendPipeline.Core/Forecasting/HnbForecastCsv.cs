using System.Globalization;
using System.Text;

namespace SendPipeline.Core.Forecasting;

/// <summary>The HNB forecast as one tidy table (a row per year, scenario, S251 line and category) for Power BI and Excel.</summary>
public static class HnbForecastCsv
{
    public static void Write(HnbForecastResult result, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("FinancialYear,Scenario,S251Line,PlacementCategory,Amount");
        foreach (var r in result.Rows)
            w.WriteLine($"{r.FinancialYear},{r.Scenario},{r.S251Line},{r.Category},{r.Amount.ToString("0.00", CultureInfo.InvariantCulture)}");
    }
}
