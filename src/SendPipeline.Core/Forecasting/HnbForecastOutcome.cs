using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Forecasting.Levers;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Register;

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
        var (projected, notes) = OwnTables(picture, laCode, tables);
        if (projected is not null && CohortPlans.Project(projected, laCode, end) is { } cohort
            && cohort.Total(start) > 0)
            return (Noted(HnbForecast.Prepare(picture, laCode, CategoryGrowth.FromCohort(cohort, start, end),
                assumptions, evidence), notes), null);
        if (projected is not null && !ReferenceEquals(projected, tables))
            notes = [.. notes, $"The cohort could not project LA {laCode} from its own register: every category " +
                "grows with its total EHC plans."];
        if (CaseloadGrowth.For(picture, laCode, assumptions) is not { } growth)
            return (null,
                $"no ehcp-history caseload for LA {laCode} that {assumptions.GrowthMethod.Name} can forecast");
        return (Noted(HnbForecast.Prepare(picture, laCode, CategoryGrowth.Uniform(growth), assumptions, evidence,
            CaseloadGrowth.PlansIn(picture, laCode, assumptions, start)), notes), null);
    }

    private static HnbInputs Noted(HnbInputs inputs, IReadOnlyList<string> notes)
    {
        inputs.Notes = notes;
        return inputs;
    }

    /// <summary>
    /// The tables the cohort projects: with the LA's register in force, its own series in place of the published
    /// ones (<see cref="OwnReturns"/>); the notes say so, and where the register fell short.
    /// </summary>
    private static (EhcpTables? Tables, IReadOnlyList<string> Notes) OwnTables(LaPicture picture, string laCode,
        EhcpTables? tables)
    {
        if (picture.Register is not { } register) return (tables, []);
        if (tables is null)
            return (null, ["The LA's EHC plan register is in force, but without the DfE tables (ehcp-history) " +
                "there are no pooled rates to project it with: every category grows with the LA's total EHC plans."]);
        var own = OwnReturns.Apply(tables, register, laCode, SettingCategories.From(picture));
        return (own.Tables, own.Notes);
    }
}
