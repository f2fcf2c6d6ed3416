namespace SendPipeline.SampleData.Tests;

/// <summary>A small LA for tests that need their own generation and not the full-size one.</summary>
internal static class SmallLa
{
    public static readonly SampleLaOptions Options = new()
    {
        PrimarySchools = 30,
        SecondarySchools = 8,
        SpecialSchools = 2,
        AlternativeProvisionSettings = 1,
        EhcpPupils = 900,
        SenSupportPupils = 2_000,
        SchoolsExportingWholeRoll = 1,
        XlsxSchools = 1,
    };
}
