namespace SendPipeline.Core.Reference;

/// <summary>A Section 251 high-needs line of spec 4.6.</summary>
public sealed record S251Line(string Code, string Description);

public static class S251Lines
{
    /// <summary>Place-funding deductions: the only line whose amount may be negative (spec 2 hnb-finance).</summary>
    public const string PlaceFunding = "1.0.2";

    public static readonly IReadOnlyList<S251Line> All =
    [
        new("1.0.2", "place funding (academies and colleges)"),
        new("1.2.1", "top-up, maintained schools"),
        new("1.2.2", "top-up, academies, free schools and colleges"),
        new("1.2.3", "top-up and other, independent and non-maintained providers"),
        new("1.2.4", "additional high-needs targeted funding for mainstream"),
        new("1.2.5", "SEN support services"),
        new("1.2.6", "hospital education"),
        new("1.2.7", "other alternative provision services"),
        new("1.2.8", "support for inclusion"),
        new("1.2.9", "special schools and PRUs in financial difficulty"),
        new("1.2.10", "PFI/BSF costs"),
        new("1.2.11", "direct payments"),
        new("1.2.13", "therapies and other health-related services"),
    ];

    public static S251Line? Find(ReadOnlySpan<char> code)
    {
        foreach (var line in All)
            if (code.SequenceEqual(line.Code)) return line;
        return null;
    }

    /// <summary>A line's position in spec 4.6 order; a code that is not a line sorts last.</summary>
    public static int Order(string code)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i].Code == code) return i;
        return int.MaxValue;
    }
}
