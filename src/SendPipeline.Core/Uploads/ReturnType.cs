namespace SendPipeline.Core.Uploads;

/// <summary>The return types of spec section 2, by the name used in upload paths.</summary>
public static class ReturnTypes
{
    public const string SchoolCensus = "school-census";
    public const string Placements = "placements";
    public const string Workforce = "workforce";
    public const string EahActivity = "eah-activity";
    public const string HnbFinance = "hnb-finance";
    public const string Establishments = "establishments";
    public const string EhcpHistory = "ehcp-history";
    public const string Assumptions = "assumptions";

    public static readonly IReadOnlyList<string> All =
    [
        SchoolCensus, Placements, Workforce, EahActivity, HnbFinance, Establishments, EhcpHistory, Assumptions,
    ];

    /// <summary>Spec 1: XLSX is accepted only for the returns schools, providers and services fill in by hand.</summary>
    public static bool AcceptsXlsx(string returnType) =>
        returnType is SchoolCensus or Placements or Workforce or EahActivity;

    public static bool IsKnown(string returnType) => All.Contains(returnType, StringComparer.Ordinal);
}
