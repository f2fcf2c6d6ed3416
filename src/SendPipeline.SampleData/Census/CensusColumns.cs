namespace SendPipeline.SampleData.Census;

/// <summary>The <c>school-census</c> columns in spec order; the index constants keep row arrays and header in step.</summary>
public static class CensusColumns
{
    public const int LaEstab = 0;
    public const int CensusDate = 1;
    public const int Upn = 2;
    public const int Dob = 3;
    public const int Sex = 4;
    public const int NcYearActual = 5;
    public const int SenProvision = 6;
    public const int SenType1 = 7;
    public const int SenType2 = 8;
    public const int SenUnitIndicator = 9;
    public const int ResourcedProvisionIndicator = 10;
    public const int TopUpFunding = 11;
    public const int EntryDate = 12;

    public static readonly IReadOnlyList<string> Names =
    [
        "LAEstab", "CensusDate", "UPN", "DOB", "Sex", "NCYearActual", "SENProvision", "SENType1", "SENType2",
        "SENUnitIndicator", "ResourcedProvisionIndicator", "TopUpFunding", "EntryDate",
    ];
}
