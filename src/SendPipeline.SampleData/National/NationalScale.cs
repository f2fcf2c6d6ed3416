namespace SendPipeline.SampleData.National;

/// <summary>
/// How big England is for the national bench: settings in the register, SEN pupils on school
/// censuses, and children with EHC plans (on a census with SENProvision E, or placed out of one).
/// </summary>
public sealed record NationalScale(int Settings, int SenPupils, int EhcpPlans)
{
    /// <summary>About England's size: 24,000 settings, 1.9 million SEN pupils, 650,000 EHC plans.</summary>
    public static NationalScale England { get; } = new(24_000, 1_900_000, 650_000);
}

/// <summary>An upload of the rest of England, and the LA whose pipeline ingests it (a school's census is checked against its own LA).</summary>
public sealed record NationalUpload(string LaCode, string UploadPath);

public sealed record NationalSampleResult(IReadOnlyList<NationalUpload> Uploads, int Settings, long CensusRows, long EhcpOnCensus, long PlacedOutOfCensus);
