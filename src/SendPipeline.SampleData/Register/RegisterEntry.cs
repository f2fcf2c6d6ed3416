using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData.Register;

/// <summary>A GIAS establishment type, with the placement category a child placed there falls in (spec 4.5).</summary>
internal sealed record GiasType(int Code, string Name, string Group, string? Category, bool MakesCensusReturn)
{
    public static readonly GiasType Community = new(1, "Community school", "Local authority maintained schools", "MMS", true);
    public static readonly GiasType VoluntaryAided = new(2, "Voluntary aided school", "Local authority maintained schools", "MMS", true);
    public static readonly GiasType VoluntaryControlled = new(3, "Voluntary controlled school", "Local authority maintained schools", "MMS", true);
    public static readonly GiasType Foundation = new(5, "Foundation school", "Local authority maintained schools", "MMS", true);
    public static readonly GiasType CommunitySpecial = new(7, "Community special school", "Special schools", "MSS", true);
    public static readonly GiasType OtherIndependentSpecial = new(10, "Other independent special school", "Independent schools", "INMSS", false);
    public static readonly GiasType FoundationSpecial = new(12, "Foundation special school", "Special schools", "MSS", true);
    public static readonly GiasType PupilReferralUnit = new(14, "Pupil referral unit", "Local authority maintained schools", "AP", true);
    public static readonly GiasType AcademyConverter = new(28, "Academy converter", "Academies", "MMS", true);
    public static readonly GiasType AcademySpecialConverter = new(33, "Academy special converter", "Special schools", "ASS", true);
    public static readonly GiasType AcademySponsorLed = new(34, "Academy sponsor led", "Academies", "MMS", true);
    public static readonly GiasType FreeSchool = new(35, "Free schools", "Free Schools", "MMS", true);
    public static readonly GiasType FreeSchoolSpecial = new(36, "Free schools special", "Free Schools", "ASS", true);
    public static readonly GiasType AcademyApConverter = new(38, "Academy alternative provision converter", "Academies", "AP", true);
    public static readonly GiasType OtherIndependent = new(11, "Other independent school", "Independent schools", "AP", false);
    public static readonly GiasType FurtherEducation = new(18, "Further education", "Colleges", "FE", false);
    public static readonly GiasType SpecialPost16 = new(56, "Special post 16 institution", "Special schools", "SPI", false);

    public bool IsAcademy => Group is "Academies" or "Free Schools" || Code == AcademySpecialConverter.Code;
}

internal sealed record GiasStatus(int Code, string Name)
{
    public static readonly GiasStatus Open = new(1, "Open");
    public static readonly GiasStatus Closed = new(2, "Closed");
    public static readonly GiasStatus ProposedToClose = new(3, "Open, but proposed to close");

    public bool IsOpen => Code != Closed.Code;
}

/// <summary>
/// One row of the register, with the generated school it describes when it has one, and the UKPRN GIAS gives
/// colleges and post-16 providers (which return placements under it).
/// </summary>
internal sealed record RegisterEntry(
    int Urn,
    string LaCode,
    int EstablishmentNumber,
    string Name,
    GiasType Type,
    string Phase,
    int LowAge,
    int HighAge,
    GiasStatus Status,
    int? NumberOfPupils,
    DateOnly OpenDate,
    DateOnly? CloseDate,
    string Street,
    string Town,
    string Postcode,
    string Gender,
    SampleSchool? School,
    string? Ukprn = null)
{
    public string LaEstab => LaCode + EstablishmentNumber.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
