using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.SchoolCensus;

/// <summary>
/// The columns of the <c>school-census</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class SchoolCensusColumns
{
    public static readonly ColumnTable Table = new();

    public static readonly ReturnColumn LaEstab = Table.Required("LAEstab");
    public static readonly ReturnColumn CensusDate = Table.Required("CensusDate");
    public static readonly ReturnColumn UpnColumn = Table.Required("UPN");
    public static readonly ReturnColumn Dob = Table.Required("DOB");
    public static readonly ReturnColumn Sex = Table.Required("Sex");
    public static readonly ReturnColumn NcYear = Table.Required("NCYearActual");
    public static readonly ReturnColumn Provision = Table.Required("SENProvision");
    public static readonly ReturnColumn SenType1 = Table.Optional("SENType1");
    public static readonly ReturnColumn SenType2 = Table.Optional("SENType2");
    public static readonly ReturnColumn SenUnit = Table.Optional("SENUnitIndicator");
    public static readonly ReturnColumn ResourcedProvision = Table.Optional("ResourcedProvisionIndicator");
    public static readonly ReturnColumn TopUp = Table.Optional("TopUpFunding");
    public static readonly ReturnColumn EntryDate = Table.Optional("EntryDate");
}
