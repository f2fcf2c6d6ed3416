using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Picture;

/// <summary>
/// Checks that only make sense across returns, run on every rebuild of the LA's picture. All are
/// queries: each is unusual but can be right (dual registration is real), so officers chase them,
/// and no school's accepted return is rejected after the fact by another's upload.
/// Messages never carry a pupil identifier: they point at the upload and row instead.
/// </summary>
public static class CrossReturnRules
{
    private const string Scope = "cross-return";

    public static readonly Rule SameChildTwoCensuses = new("XR1001", Severity.Query, Scope,
        "The pupil on row {row} is also on the {census} census of {other} (row {otherRow}).",
        "Check whether the pupil is dual registered; if not, the school the pupil has left should remove them from its census.");

    public static readonly Rule SameChildCensusAndPlacement = new("XR1002", Severity.Query, Scope,
        "The child on row {row} has a placement ({category}) with provider {other} (row {otherRow}) that is live on the census date {census}.",
        "Check whether the child attends both; if not, correct the census or end the placement.");

    public static readonly Rule SpecialistPlacementWithoutPlan = new("XR1003", Severity.Query, Scope,
        "The child on row {row} has a placement ({category}) and is on a school census ({school}), but without an EHC plan (SENProvision E) in any census.",
        "Check the child's EHC plan status with the SEN team; the school census or the placement return may be wrong.");

    public static readonly Rule CensusSettingNotInRegister = new("XR1004", Severity.Query, Scope,
        "LAEstab {laEstab} made a census return but is not in the establishments register.",
        "Upload an up-to-date GIAS extract as the establishments return, or check the LAEstab.");

    public static readonly Rule CensusSettingClosed = new("XR1005", Severity.Query, Scope,
        "LAEstab {laEstab} made a census return but is closed in the establishments register.",
        "Check whether the school has reopened or merged; update the register or withdraw the census.");

    public static readonly Rule ActivitySettingNotInRegister = new("XR1006", Severity.Query, Scope,
        "Activity on row {row} is for LAEstab {laEstab}, which is not in the establishments register.",
        "Check the setting's LAEstab with the service, or upload an up-to-date register.");

    public static readonly Rule ActivitySettingClosed = new("XR1007", Severity.Query, Scope,
        "Activity on row {row} is for LAEstab {laEstab}, which is closed in the establishments register.",
        "Check with the service where the support was delivered.");

    public static readonly Rule EhcpTotalsDiffer = new("XR1008", Severity.Query, Scope,
        "{ours} children with EHC plans in the {census} census and placements against {expected}: "
        + "a difference of {difference} ({percent}), outside {range}.",
        "A count outside the forecast's interval (or 5% from the DfE's figure for the same year) usually means missing "
        + "census returns or placements; chase the settings listed as missing, and check the SEN2 return.");

    public static readonly Rule TransformationPostExpired = new("XR1009", Severity.Query, Scope,
        "Transformation post {postId} (row {row}) was time-limited until {until}, before the quarter {quarter} began.",
        "End the post in the next workforce return, or extend its time limit with the approval recorded.");

    public static readonly Rule SchoolWithoutCensus = new("XR1010", Severity.Query, Scope,
        "{name} ({laEstab}) has {pupils} pupils on roll but no census for {census}.",
        "Chase the school for its census return.");

    // The LA's EHC plan register (sen2) against the schools' and providers' returns. The register is the
    // LA's own record, so these point officers at the register row and the return row that disagree.

    public static readonly Rule ActivePlanNowhere = new("XR1011", Severity.Query, Scope,
        "The child on row {row} of the register's person module has an active EHC plan placed at {setting}, "
        + "but is on no {census} census and in no placement in force.",
        "Check where the child is educated: chase the setting's census or placement return, or correct the "
        + "register's placement (placementdetail).");

    public static readonly Rule CensusPlanNotInRegister = new("XR1012", Severity.Query, Scope,
        "The pupil on row {row} has SEN provision E (an EHC plan) on the {census} census, but the LA's register "
        + "(sen2 of {reference}) has no plan in force for them.",
        "Check the child's plan with the SEN team: either the school's census or the LA's register is wrong.");

    public static readonly Rule PlacementDisagreesWithRegister = new("XR1013", Severity.Query, Scope,
        "The child on row {row} is placed with provider {provider}, but the LA's register places them at {setting} "
        + "(placementdetail row {registerRow}).",
        "Check which setting the child attends; correct the placement return or the register.");

    public static readonly Rule RegisterCountDiffers = new("XR1014", Severity.Query, Scope,
        "The LA's register (sen2 of {reference}) has {ours} active EHC plans against {expected}: a difference of "
        + "{difference} ({percent}), outside {range}.",
        "A register far from the DfE's caseload usually means plans not closed when they ceased, or records missing "
        + "from the extract; check ceased plans and transfers in and out.");

    public static readonly Rule SettingSilentForActivePlans = new("XR1015", Severity.Query, Scope,
        "{count} children with active EHC plans are placed at {setting} in the LA's register, and not one of them is "
        + "on the {census} census or in a placement in force.",
        "Chase {setting}'s census or placement return; if the children have moved on, correct the register's "
        + "placements (placementdetail).");

    public static readonly IReadOnlyList<Rule> All =
    [
        SameChildTwoCensuses, SameChildCensusAndPlacement, SpecialistPlacementWithoutPlan, CensusSettingNotInRegister, CensusSettingClosed,
        ActivitySettingNotInRegister, ActivitySettingClosed, EhcpTotalsDiffer, TransformationPostExpired, SchoolWithoutCensus,
        ActivePlanNowhere, CensusPlanNotInRegister, PlacementDisagreesWithRegister, RegisterCountDiffers,
        SettingSilentForActivePlans,
    ];
}
