using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The HNB forecast of a picture, or why it could not run: one place that decides both, so the
/// rebuild's dataset and the DfE return's forecast table are always the same forecast.
/// </summary>
public sealed record HnbForecastOutcome(HnbForecastResult? Forecast, string? Skipped)
{
    public static HnbForecastOutcome For(LaPicture picture, string laCode, HnbAssumptions assumptions)
    {
        var baseYear = assumptions.BaseYear;
        if (!picture.FinanceLines.Any(l => l.FinancialYear.Trim() == baseYear.ToString() && l.Basis.Trim().Equals(HnbForecast.ActualBasis, StringComparison.OrdinalIgnoreCase)))
            return new(null, $"no Actual hnb-finance lines for the base year {baseYear}");
        if (CaseloadGrowth.For(picture, laCode, assumptions) is not { } growth)
            return new(null, $"no ehcp-history caseload for LA {laCode} that {assumptions.GrowthMethod.Name} can forecast");
        return new(HnbForecast.Run(picture, laCode, growth, assumptions), null);
    }
}
