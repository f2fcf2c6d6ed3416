namespace SendPipeline.Core.Submission;

/// <summary>What a column holds, which fixes how the CSV writes it and the workbook types it.</summary>
public enum ColumnKind
{
    /// <summary>An identifier (time_period, LA codes, LAEstab): text, never summed, and a leading zero stays.</summary>
    Code,
    Text,
    /// <summary>A whole number of things (pupils, placements, posts).</summary>
    Count,
    /// <summary>A quantity that may have decimals (FTE, days).</summary>
    Number,
    /// <summary>Pounds, to the penny in the CSV; negative for a deduction.</summary>
    Money,
    /// <summary>Percentage points: 82.5 is 82.5%.</summary>
    Percent,
    /// <summary>A calendar date, yyyy-mm-dd in the CSV and a real date in the workbook.</summary>
    Date,
}

/// <summary>
/// One column of a table of the return: the one place its name, unit, kind and meaning are written.
/// The CSV's header, the workbook's header and the notes sheet's definition all come from here.
/// </summary>
public sealed record SubmissionColumn(string Name, ColumnKind Kind, string Definition, string? Unit = null)
{
    /// <summary>The name with its unit, the header of both the CSV and the sheet: "amount (£)", "share (%)".</summary>
    public string Header => (Unit ?? DefaultUnit) is { } unit ? $"{Name} ({unit})" : Name;

    private string? DefaultUnit => Kind switch { ColumnKind.Money => "£", ColumnKind.Percent => "%", _ => null };

    public bool IsNumeric => Kind is ColumnKind.Count or ColumnKind.Number or ColumnKind.Money or ColumnKind.Percent;
}
