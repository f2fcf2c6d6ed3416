using SendPipeline.SampleData.Register;

namespace SendPipeline.SampleData.National;

/// <summary>
/// A kind of setting in the national register, in about its share of GIAS's open establishments.
/// <see cref="CensusWeight"/> is its share of SEN pupils per school (0: it makes no census return);
/// special schools' pupils all have EHC plans and the school returns them as placements too.
/// </summary>
internal sealed record NationalKind(GiasType Type, string Phase, int PerThousand, int MinRoll, int MaxRoll, int FirstNumber, int CensusWeight, string? PlacementCategory)
{
    private static readonly GiasType NurserySchool = new(15, "Local authority nursery school", "Local authority maintained schools", null, true);
    private static readonly GiasType OtherIndependent = new(11, "Other independent school", "Independent schools", null, false);

    public static readonly IReadOnlyList<NationalKind> All =
    [
        new(GiasType.Community, "Primary", 345, 120, 450, 2000, 10, null),
        new(GiasType.AcademyConverter, "Primary", 345, 150, 500, 2500, 10, null),
        new(GiasType.AcademyConverter, "Secondary", 140, 700, 1500, 4000, 30, null),
        new(GiasType.CommunitySpecial, "Not applicable", 25, 60, 200, 7000, 12, "MSS"),
        new(GiasType.AcademySpecialConverter, "Not applicable", 20, 60, 200, 7100, 12, "ASS"),
        new(GiasType.PupilReferralUnit, "Not applicable", 15, 20, 80, 1100, 4, null),
        new(NurserySchool, "Nursery", 15, 60, 120, 1000, 0, null),
        new(GiasType.OtherIndependentSpecial, "Not applicable", 30, 30, 120, 6000, 0, "INMSS"),
        new(OtherIndependent, "Not applicable", 65, 100, 700, 6200, 0, null),
    ];

    public bool MakesCensus => CensusWeight > 0;

    /// <summary>The kind of the i-th setting of an LA: a fixed interleaving, so every LA gets the same mix.</summary>
    public static NationalKind Of(int index)
    {
        var slot = (int)((index * 617L) % 1000); // 617 is coprime with 1000: the slots visit every share evenly.
        foreach (var kind in All)
        {
            if (slot < kind.PerThousand) return kind;
            slot -= kind.PerThousand;
        }
        return All[0];
    }
}
