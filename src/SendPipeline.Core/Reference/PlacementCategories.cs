namespace SendPipeline.Core.Reference;

/// <summary>A placement category of spec 4.5 and the S251 top-up lines its spend falls on.</summary>
public sealed record PlacementCategory(string Code, string Meaning, IReadOnlyList<string> S251Lines);

public static class PlacementCategories
{
    public static readonly IReadOnlyList<PlacementCategory> All =
    [
        new("MMS", "mainstream school with top-up", ["1.2.1", "1.2.2"]),
        new("RP", "resourced provision or SEN unit in a mainstream school", ["1.2.1", "1.2.2"]),
        new("MSS", "maintained special school", ["1.2.1"]),
        new("ASS", "academy or free special school", ["1.2.2"]),
        new("INMSS", "independent or non-maintained special school", ["1.2.3"]),
        new("AP", "alternative provision, including pupil referral units", ["1.2.1", "1.2.2", "1.2.7"]),
        new("FE", "general further education college", ["1.2.2"]),
        new("SPI", "specialist post-16 institution", ["1.2.3"]),
        new("OTH", "other arrangement (home tuition, personal budget…)", ["1.2.11"]),
    ];

    /// <summary>Placements where the spec makes a missing EHC plan an error, not a query.</summary>
    public static readonly IReadOnlySet<string> RequireEhcp = new HashSet<string>(StringComparer.Ordinal) { "INMSS", "SPI" };

    public static PlacementCategory? Find(ReadOnlySpan<char> code)
    {
        foreach (var category in All)
            if (code.Equals(category.Code, StringComparison.OrdinalIgnoreCase)) return category;
        return null;
    }
}
