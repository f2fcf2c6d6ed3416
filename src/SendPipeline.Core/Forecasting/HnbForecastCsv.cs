using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Forecasting;

/// <summary>The HNB forecast as one tidy table (a row per year, scenario, S251 line and category) for Power BI and Excel.</summary>
public static class HnbForecastCsv
{
    public static void Write(HnbForecastResult result, Stream output)
    {
        using var csv = ExcelCsv.Create(output, ExcelCsv.TableOptions);
        csv.WriteRecord(["FinancialYear", "Scenario", "S251Line", "PlacementCategory", "Amount"]);
        foreach (var r in result.Rows)
        {
            csv.WriteFields(r.FinancialYear, r.Scenario, r.S251Line, r.Category);
            csv.WriteField(r.Amount, "0.00");
            csv.EndRecord();
        }
    }
}
