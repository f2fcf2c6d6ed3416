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

    /// <summary>The canonical (upper-case) code, or null when <paramref name="value"/> is not one.</summary>
    public static string? Canonical(ReadOnlySpan<char> value)
    {
        foreach (var code in All)
            if (value.Equals(code, StringComparison.OrdinalIgnoreCase)) return code;
        return null;
    }
}
