namespace SendPipeline.Core.Forecasting;

/// <summary>An area the DfE reports: England (National) or one LA under one code.</summary>
public sealed record Area(string GeographicLevel, string OldLaCode, string LaName)
{
    public const string National = "National", LocalAuthority = "Local authority";

    public bool IsNational => GeographicLevel == National;
}

/// <summary>
/// One area's EHC plan caseload each January, keyed by academic year (first calendar year). A
/// suppressed or missing year is absent, so a series can have gaps.
/// </summary>
public sealed record CaseloadSeries(Area Area, IReadOnlyDictionary<int, double> Plans)
{
    /// <summary>
    /// The unbroken run of years ending at <paramref name="through"/>: what a forecast made then
    /// could have used. Empty when that year itself is missing (a code that had ended, or a
    /// suppressed total), because a forecast must start from a known caseload.
    /// </summary>
    public double[] RunThrough(int through)
    {
        var run = new List<double>();
        for (var year = through; Plans.TryGetValue(year, out var plans); year--) run.Add(plans);
        run.Reverse();
        return [.. run];
    }

    /// <summary>The same area with only the years up to <paramref name="through"/>: what was known then.</summary>
    public CaseloadSeries Truncate(int through) =>
        this with { Plans = Plans.Where(p => p.Key <= through).ToDictionary(p => p.Key, p => p.Value) };
}
