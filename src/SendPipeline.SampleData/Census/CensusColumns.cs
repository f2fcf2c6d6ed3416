using C = SendPipeline.Core.Returns.SchoolCensus.SchoolCensusColumns;

namespace SendPipeline.SampleData.Census;

/// <summary>
/// The <c>school-census</c> columns in spec order, from the return's own column table; the indexes keep row
/// arrays and header in step.
/// </summary>
public static class CensusColumns
{
    public static readonly int LaEstab = C.LaEstab.Position;
    public static readonly int CensusDate = C.CensusDate.Position;
    public static readonly int Upn = C.UpnColumn.Position;
    public static readonly int Dob = C.Dob.Position;
    public static readonly int Sex = C.Sex.Position;
    public static readonly int NcYearActual = C.NcYear.Position;
    public static readonly int SenProvision = C.Provision.Position;
    public static readonly int SenType1 = C.SenType1.Position;
    public static readonly int SenType2 = C.SenType2.Position;
    public static readonly int SenUnitIndicator = C.SenUnit.Position;
    public static readonly int ResourcedProvisionIndicator = C.ResourcedProvision.Position;
    public static readonly int TopUpFunding = C.TopUp.Position;
    public static readonly int EntryDate = C.EntryDate.Position;

    public static readonly IReadOnlyList<string> Names = [.. C.Table.Select(c => c.Name)];
}
