namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// Excel's rules for sheet names. A name that breaks them is refused rather than silently renamed:
/// the sheet names are part of what the DfE reads, so the caller should choose them.
/// </summary>
public static class SheetNames
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first rule a sheet name breaks.</summary>
    public static void Check(IReadOnlyList<WorkbookSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        // Excel compares sheet names without regard to case.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var problem = ProblemWith(sheet.Name);
            if (problem is not null) throw new ArgumentException($"Sheet name '{sheet.Name}' {problem}.", nameof(sheets));
            if (!seen.Add(sheet.Name))
                throw new ArgumentException($"Sheet name '{sheet.Name}' is used twice (Excel ignores case); each sheet needs its own name.", nameof(sheets));
        }
    }

    /// <summary>Why Excel would refuse the name, or null when it is valid.</summary>
    public static string? ProblemWith(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "is empty";
        if (name.Length > MaxLength) return $"is {name.Length} characters long; Excel allows at most {MaxLength}";
        var forbidden = name.IndexOfAny(Forbidden);
        if (forbidden >= 0) return $"contains '{name[forbidden]}'; Excel forbids any of {string.Join(' ', Forbidden)}";
        if (name.StartsWith('\'') || name.EndsWith('\'')) return "starts or ends with an apostrophe, which Excel forbids";
        if (name.Equals("History", StringComparison.OrdinalIgnoreCase)) return "is reserved by Excel";
        if (name.Any(char.IsControl) || CellText.Clean(name) != name) return "contains a control character";
        return null;
    }
}
