namespace SendPipeline.SampleData.Census;

/// <summary>
/// One pupil row, typed so that each school's export style (date order, boolean spelling, CSV or
/// XLSX) is applied only when the file is written.
/// </summary>
public sealed class CensusRecord
{
    public required string LaEstab { get; set; }
    public DateOnly CensusDate { get; set; }
    public required string Upn { get; set; }
    public DateOnly? Dob { get; set; }
    public string Sex { get; set; } = "";
    public string NcYear { get; set; } = "";
    public string Provision { get; set; } = "";
    public string? SenType1 { get; set; }
    public string? SenType2 { get; set; }
    public bool? SenUnit { get; set; }
    public bool? ResourcedProvision { get; set; }
    public bool? TopUp { get; set; }
    public DateOnly? EntryDate { get; set; }

    /// <summary>Text written verbatim in place of a typed value, for defects no typed value can express (a malformed date).</summary>
    public Dictionary<int, string>? RawCells { get; set; }

    public void SetRaw(int column, string text) => (RawCells ??= [])[column] = text;
}
