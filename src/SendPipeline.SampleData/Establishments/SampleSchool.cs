using System.Globalization;

namespace SendPipeline.SampleData.Establishments;

public enum SchoolKind
{
    Primary,
    Secondary,
    Special,
    /// <summary>Pupil referral unit or other alternative provision.</summary>
    AlternativeProvision,
}

/// <summary>A mainstream school's specialist provision; a school has at most one, so the census never sets both indicators.</summary>
public enum SpecialistProvision
{
    None,
    SenUnit,
    ResourcedProvision,
}

/// <summary>A synthetic establishment: its LAEstab, phase and the NC years it teaches.</summary>
public sealed record SampleSchool(
    string LaCode,
    int EstablishmentNumber,
    SchoolKind Kind,
    int Roll,
    int LowestYear,
    int HighestYear,
    SpecialistProvision Provision)
{
    public string LaEstab { get; } = LaCode + EstablishmentNumber.ToString("D4", CultureInfo.InvariantCulture);

    public bool IsMainstream => Kind is SchoolKind.Primary or SchoolKind.Secondary;
}
