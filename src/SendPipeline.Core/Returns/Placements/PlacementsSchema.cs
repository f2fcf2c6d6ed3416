using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Placements;

/// <summary>The <c>placements</c> return: high-needs placements, from each provider, each quarter (spec 2).</summary>
public sealed class PlacementsSchema : IReturnSchema
{
    public static readonly PlacementsSchema Instance = new();

    // Spec order; the validator addresses columns by these positions.
    internal const int ProviderId = 0, ReturnDate = 1, UpnColumn = 2, UlnColumn = 3, Dob = 4, Category = 5, Start = 6, End = 7,
        Residential = 8, AnnualCost = 9, FundingElement = 10, PrimaryNeed = 11, Ehcp = 12, HomeLa = 13;

    public string ReturnType => ReturnTypes.Placements;

    // UPN and ULN are each optional as columns: a provider of post-16 places may only hold ULNs, a
    // school only UPNs. That one of the two is on every row is a row rule (PL1200).
    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("ProviderId", true), new("ReturnDate", true), new("UPN", false), new("ULN", false), new("DOB", true),
        new("PlacementCategory", true), new("PlacementStart", true), new("PlacementEnd", false), new("Residential", false),
        new("AnnualCost", true), new("FundingElement", true), new("PrimaryNeed", true), new("EHCP", true), new("HomeLA", true),
    ];

    public IReadOnlyList<Rule> Rules => PlacementsRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new PlacementsValidator(this, context, columns, issues, canonical);
}
