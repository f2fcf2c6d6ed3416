using System.Runtime.CompilerServices;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Register;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// The datasets computed from one picture, kept for as long as that picture lives, so the steps that
/// present them again (the dashboard, the Power BI tables) reuse the rebuild's own results instead of
/// recomputing them: the same numbers, at no second cost. Keyed by the picture instance, which
/// <see cref="PictureLoader"/> replaces whenever the returns in force change.
/// </summary>
public sealed class DerivedDatasets(string laCode)
{
    private readonly ConditionalWeakTable<LaPicture, DataQualityReport> _dataQuality = new();
    private readonly ConditionalWeakTable<LaPicture, WorkforceCapacity> _workforce = new();
    private readonly ConditionalWeakTable<LaPicture, HnbForecastOutcome> _hnb = new();
    private readonly ConditionalWeakTable<LaPicture, CaseloadOf> _caseload = new();
    private readonly ConditionalWeakTable<LaPicture, RegisterFiguresOf> _register = new();
    private readonly ConditionalWeakTable<LaPicture, FieldOf> _field = new();

    /// <summary>A holder, since the table keeps class values and with no DfE tables there is no field.</summary>
    private sealed record FieldOf(Core.Field.LaField? Field);

    /// <summary>The LA among its statistical neighbours, region and England; null with no DfE tables.</summary>
    public Core.Field.LaField? Field(LaPicture picture) =>
        _field.GetValue(picture,
            p => new FieldOf(p.DfeTables is { } t ? Core.Field.LaField.Build(t, laCode) : null)).Field;

    /// <summary>A holder, since the table keeps class values and an LA with no sen2 extract has no figures.</summary>
    private sealed record RegisterFiguresOf(Sen2Figures? Figures);

    /// <summary>The register's figures (timeliness, requests, reviews …), or null with no sen2 extract in force.</summary>
    public Sen2Figures? RegisterFigures(LaPicture picture) =>
        _register.GetValue(picture, p => new RegisterFiguresOf(p.Register is { } r ? Sen2FiguresBuilder.Build(r) : null)).Figures;

    /// <summary>A holder, since the table keeps class values and an LA with no history has no caseload.</summary>
    private sealed record CaseloadOf(LaCaseload? Caseload);

    /// <summary>The LA's EHC plan caseload and its forecast to the assumptions' end year, with 80% intervals.</summary>
    public LaCaseload? Caseload(LaPicture picture) =>
        _caseload.GetValue(picture, p => new CaseloadOf(CrossReturnChecks.ForecastCaseload(p, laCode))).Caseload;

    public DataQualityReport DataQuality(LaPicture picture) =>
        _dataQuality.GetValue(picture, p => DataQualityReport.Build(p, laCode, Caseload(p)));

    public WorkforceCapacity Workforce(LaPicture picture) => _workforce.GetValue(picture, p => WorkforceCapacity.Build(p, SplitRules.From(p.Assumptions)));

    public HnbForecastOutcome Hnb(LaPicture picture) => _hnb.GetValue(picture, p => HnbForecastOutcome.For(p, laCode, HnbAssumptions.From(p.Assumptions)));
}
