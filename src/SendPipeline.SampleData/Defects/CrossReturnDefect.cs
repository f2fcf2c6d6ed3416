namespace SendPipeline.SampleData.Defects;

/// <summary>
/// A defect no single file shows: every file it needs is valid on its own, and only a check
/// across returns finds it. <paramref name="Files"/> are the uploads involved; <paramref name="Detail"/>
/// names the child, setting or post.
/// </summary>
public sealed record CrossReturnDefect(string Kind, IReadOnlyList<string> Files, string Detail);

public static class CrossReturnKinds
{
    /// <summary>One UPN on roll at two schools in the same census.</summary>
    public const string SameChildTwoCensus = "same-child-two-census";
    /// <summary>A child on roll at one school in the census and placed at another setting in placements.</summary>
    public const string SameChildCensusAndPlacement = "same-child-census-and-placement";
    /// <summary>An INMSS or SPI placement (which needs an EHC plan) of a child the census shows only without one.</summary>
    public const string SpecialistPlacementWithoutCensusEhcp = "specialist-placement-without-census-ehcp";
    /// <summary>A census or activity setting the register has as Closed.</summary>
    public const string SettingClosedInRegister = "setting-closed-in-register";
    /// <summary>A census or activity setting the register does not list.</summary>
    public const string SettingMissingFromRegister = "setting-missing-from-register";
    /// <summary>A transformation post whose TimeLimitedUntil is before the quarter's start.</summary>
    public const string TransformationPostExpired = "transformation-post-expired";
    /// <summary>A school open in the register with pupils on roll, of a type that makes the census, that made no census upload.</summary>
    public const string OpenSchoolWithoutCensus = "open-school-without-census";

    public static readonly IReadOnlyList<string> All =
    [
        SameChildTwoCensus, SameChildCensusAndPlacement, SpecialistPlacementWithoutCensusEhcp, SettingClosedInRegister,
        SettingMissingFromRegister, TransformationPostExpired, OpenSchoolWithoutCensus,
    ];
}
