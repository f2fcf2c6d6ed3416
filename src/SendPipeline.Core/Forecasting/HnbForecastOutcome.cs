using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The HNB forecast of a picture, or why it could not run: one place that decides both, so the
/// rebuild's dataset, the DfE return's forecast table and <c>sendpipeline scenario</c> are always the same forecast.
/// </summary>
public sealed record HnbForecastOutcome(HnbForecastResult? Forecast, string? Skipped)
{
    /// <param name="tables">The DfE EHC plan tables, else the picture's (<see cref="LaPicture.DfeTables"/>, from the
    /// ehcp-history return in force): with them each placement category grows with its cohort group; without them
    /// (or without the LA's placement split in them) every category grows with the LA's total EHC plans.</param>
    public static HnbForecastOutcome For(LaPicture picture, string laCode, HnbAssumptions assumptions,
        EhcpTables? tables = null)
    {
        var (inputs, skipped) = Prepare(picture, laCode, assumptions, tables);
        return inputs is null ? new(null, skipped) : new(HnbForecast.Run(inputs, assumptions), null);
    }

    /// <summary>The forecast's inputs (for running many scenarios on one picture), or why there are none.</summary>
    public static (HnbInputs? Inputs, string? Skipped) Prepare(LaPicture picture, string laCode,
        HnbAssumptions assumptions, EhcpTables? tables = null)
    {
        tables ??= picture.DfeTables;
        var baseYear = assumptions.BaseYear;
        if (!picture.FinanceLines.Any(l => l.FinancialYear.Trim() == baseYear.ToString()
                && l.Basis.Trim().Equals(HnbForecast.ActualBasis, StringComparison.OrdinalIgnoreCase)))
            return (null, $"no Actual hnb-finance lines for the base year {baseYear}");
        var evidence = ReformEvidence.From(picture, laCode, tables);
        var (start, end) = (baseYear.StartYear, assumptions.EndYear.StartYear);
        if (tables is not null && CohortPlans.Project(tables, laCode, end) is { } cohort
            && cohort.Total(start) > 0)
            return (HnbForecast.Prepare(picture, laCode, CategoryGrowth.FromCohort(cohort, start, end), assumptions,
                evidence), null);
        if (CaseloadGrowth.For(picture, laCode, assumptions) is not { } growth)
            return (null,
                $"no ehcp-history caseload for LA {laCode} that {assumptions.GrowthMethod.Name} can forecast");
        return (HnbForecast.Prepare(picture, laCode, CategoryGrowth.Uniform(growth), assumptions, evidence,
            CaseloadGrowth.PlansIn(picture, laCode, assumptions, start)), null);
    }
}
