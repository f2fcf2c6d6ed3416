namespace SendPipeline.Core.Reference;

/// <summary>Who funds a setting's top-up, as the S251 lines see it: the LA (maintained), the DfE (academy or free school), or neither.</summary>
public enum Governance
{
    /// <summary>Not a type we can place: colleges, sixth form centres, special post-16 institutions, a blank or unknown name.</summary>
    Unknown,
    Maintained,
    Academy,
    Independent,
}

/// <summary>The kind of setting a pupil with an EHC plan there is placed in (spec 4.5).</summary>
public enum SettingKind
{
    Other,
    Mainstream,
    Special,
    AlternativeProvision,
}

/// <summary>A register entry's <c>TypeOfEstablishment (name)</c>, classified.</summary>
public sealed record EstablishmentType(Governance Governance, SettingKind Kind);

/// <summary>
/// Reads the GIAS <c>TypeOfEstablishment (name)</c> of the establishments register. A placement or
/// census row never says whether a school is maintained or an academy; the register does, and the
/// S251 top-up lines split on exactly that (1.2.1 maintained, 1.2.2 academies).
/// </summary>
public static class EstablishmentTypes
{
    /// <summary>The maintained types by their GIAS name; every other state-funded school type is an academy or free school.</summary>
    private static readonly string[] Maintained =
    [
        "Community school", "Voluntary aided school", "Voluntary controlled school", "Foundation school",
        "Community special school", "Foundation special school", "Pupil referral unit", "Local authority nursery school",
    ];

    /// <summary>Academies whose GIAS name has neither "Academy" nor "Free school" in it.</summary>
    private static readonly string[] OtherAcademies = ["University technical college", "Studio schools", "City technology college"];

    public static EstablishmentType Classify(string? typeName)
    {
        var name = (typeName ?? "").Trim();
        return new EstablishmentType(GovernanceOf(name), KindOf(name));
    }

    /// <summary>
    /// The placement category of a pupil with an EHC plan on the census of a school of this type, or
    /// null when the type says too little: special schools by who runs them (MSS, ASS, INMSS),
    /// pupil referral units and AP academies AP, other maintained and academy schools MMS.
    /// </summary>
    public static string? CensusCategory(EstablishmentType type) => (type.Kind, type.Governance) switch
    {
        (SettingKind.AlternativeProvision, not Governance.Unknown) => "AP",
        (SettingKind.Special, Governance.Maintained) => "MSS",
        (SettingKind.Special, Governance.Academy) => "ASS",
        (SettingKind.Special, Governance.Independent) => "INMSS",
        (SettingKind.Mainstream, Governance.Maintained or Governance.Academy) => "MMS",
        _ => null,
    };

    private static Governance GovernanceOf(string name)
    {
        if (name.Length == 0) return Governance.Unknown;
        if (Maintained.Any(m => name.Equals(m, StringComparison.OrdinalIgnoreCase))) return Governance.Maintained;
        if (name.Contains("academy", StringComparison.OrdinalIgnoreCase) || name.Contains("free school", StringComparison.OrdinalIgnoreCase)
            || OtherAcademies.Any(a => name.Equals(a, StringComparison.OrdinalIgnoreCase)))
            return Governance.Academy;
        if (name.Contains("independent", StringComparison.OrdinalIgnoreCase) || name.Equals("Non-maintained special school", StringComparison.OrdinalIgnoreCase))
            return Governance.Independent;
        return Governance.Unknown;
    }

    private static SettingKind KindOf(string name)
    {
        if (name.Equals("Pupil referral unit", StringComparison.OrdinalIgnoreCase) || name.Contains("alternative provision", StringComparison.OrdinalIgnoreCase))
            return SettingKind.AlternativeProvision;
        // "Special post 16 institution" is a specialist college (SPI), not a special school.
        if (name.Contains("special", StringComparison.OrdinalIgnoreCase) && !name.Contains("post 16", StringComparison.OrdinalIgnoreCase))
            return SettingKind.Special;
        return GovernanceOf(name) is Governance.Maintained or Governance.Academy ? SettingKind.Mainstream : SettingKind.Other;
    }
}
