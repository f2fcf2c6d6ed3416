namespace SendPipeline.Core.Reference;

/// <summary>DfE SEN type of need codes (spec 4.3).</summary>
public static class SenTypes
{
    public const string NoSpecialistAssessment = "NSA";
    public const string DownSyndrome = "DS";

    /// <summary>DS became a census code in January 2025; before then it is not a valid type.</summary>
    public static readonly DateOnly DownSyndromeFrom = new(2025, 1, 1);

    public static readonly IReadOnlyList<string> All =
        ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "DS", "OTH", "NSA"];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> ByCode =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All, c => c, c => c, StringComparer.OrdinalIgnoreCase);

    // A span lookup: every census row has one or two codes, so no string is made to look them up.
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    // Codes as an MIS writes them, in capitals, found by length and exact comparison before the case-blind hash.
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Exact =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All, c => c, c => c, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical (upper-case) code, or null when <paramref name="value"/> is not one.</summary>
    public static string? Canonical(ReadOnlySpan<char> value) =>
        Exact.TryGetValue(value, out var code) || BySpan.TryGetValue(value, out code) ? code : null;

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["SPLD"] = "Specific learning difficulty", ["MLD"] = "Moderate learning difficulty", ["SLD"] = "Severe learning difficulty",
        ["PMLD"] = "Profound and multiple learning difficulty", ["SEMH"] = "Social, emotional and mental health",
        ["SLCN"] = "Speech, language and communication needs", ["HI"] = "Hearing impairment", ["VI"] = "Vision impairment",
        ["MSI"] = "Multi-sensory impairment", ["PD"] = "Physical disability", ["ASD"] = "Autistic spectrum disorder", ["DS"] = "Down syndrome",
        ["OTH"] = "Other difficulty or disability", ["NSA"] = "SEN support but no specialist assessment of type of need",
    };

    /// <summary>The need in words (spec 4.3), or the code itself when it is not one.</summary>
    public static string Meaning(string code) => Meanings.GetValueOrDefault(code, code);
}
