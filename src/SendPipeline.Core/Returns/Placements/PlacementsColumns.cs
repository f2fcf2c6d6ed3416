using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.Placements;

/// <summary>
/// The columns of the <c>placements</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class PlacementsColumns
{
    public static readonly ColumnTable Table = new();

    // UPN and ULN are each optional as columns: a provider of post-16 places may only hold ULNs, a
    // school only UPNs. That one of the two is on every row is a row rule (PL1200).
    public static readonly ReturnColumn ProviderId = Table.Required("ProviderId");
    public static readonly ReturnColumn ReturnDate = Table.Required("ReturnDate");
    public static readonly ReturnColumn UpnColumn = Table.Optional("UPN");
    public static readonly ReturnColumn UlnColumn = Table.Optional("ULN");
    public static readonly ReturnColumn Dob = Table.Required("DOB");
    public static readonly ReturnColumn Category = Table.Required("PlacementCategory");
    public static readonly ReturnColumn Start = Table.Required("PlacementStart");
    public static readonly ReturnColumn End = Table.Optional("PlacementEnd");
    public static readonly ReturnColumn Residential = Table.Optional("Residential");
    public static readonly ReturnColumn AnnualCost = Table.Required("AnnualCost");
    public static readonly ReturnColumn FundingElement = Table.Required("FundingElement");
    public static readonly ReturnColumn PrimaryNeed = Table.Required("PrimaryNeed");
    public static readonly ReturnColumn Ehcp = Table.Required("EHCP");
    public static readonly ReturnColumn HomeLa = Table.Required("HomeLA");
}
