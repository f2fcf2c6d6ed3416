namespace SendPipeline.SampleData.Placements;

/// <summary>One funded placement, typed; the provider's style turns it into text when the file is built.</summary>
internal sealed record PlacementRow(
    string? Upn,
    string? Uln,
    DateOnly Dob,
    string Category,
    DateOnly Start,
    DateOnly? End,
    bool Residential,
    decimal AnnualCost,
    string FundingElement,
    string PrimaryNeed,
    bool Ehcp,
    string HomeLa);

public enum ProviderKind
{
    MaintainedSpecial,
    AcademySpecial,
    IndependentSpecial,
    PupilReferralUnit,
    IndependentAp,
    FeCollege,
    SpecialistPost16,
    Mainstream,
    /// <summary>The LA itself, for home tuition and personal budgets, uploaded by an officer.</summary>
    LocalAuthority,
}

/// <summary>How one provider's finance system writes its return.</summary>
internal sealed record PlacementStyle(bool UkDates, bool YesNo, bool BlankWhenFalse, bool PoundsWithSeparators, string FileName, Tables.TableEncoding Encoding);

/// <summary>A provider and the placements it returns for the quarter.</summary>
internal sealed class ProviderReturn(string providerId, string submitter, ProviderKind kind, string name, PlacementStyle style, Establishments.SampleSchool? school)
{
    public string ProviderId { get; } = providerId;
    /// <summary>The provider itself, or <c>la</c> for a file an officer uploads on its behalf.</summary>
    public string Submitter { get; } = submitter;
    public ProviderKind Kind { get; } = kind;
    public string Name { get; } = name;
    public PlacementStyle Style { get; } = style;
    public Establishments.SampleSchool? School { get; } = school;
    public List<PlacementRow> Rows { get; } = [];
}
