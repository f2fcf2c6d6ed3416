namespace SendPipeline.SampleData.Defects;

/// <summary>The defects the generator can plant, named as the manifest names them, with the severity spec 2 gives each.</summary>
public static class DefectKinds
{
    public const string WrongCheckLetter = "wrong-check-letter";
    public const string DuplicateUpn = "duplicate-upn";
    public const string BadLaInUpn = "bad-la-in-upn";
    public const string NonNumericUpn = "non-numeric-upn";
    public const string BadLastChar = "bad-last-char";
    public const string TemporaryUpn = "temporary-upn";
    public const string AgeOutOfRange = "age-out-of-range";
    public const string BadDateFormat = "bad-date-format";
    public const string NcYearFarFromAge = "ncyear-far-from-age";
    public const string InvalidSenType = "invalid-sen-type";
    public const string NsaWithEhcp = "nsa-with-ehcp";
    public const string SenType2EqualsSenType1 = "sentype2-equals-sentype1";
    public const string BothUnitAndRp = "both-unit-and-rp";
    public const string TopUpWithN = "topup-with-n";
    public const string EntryAfterCensus = "entry-after-census";
    public const string CensusDateDiffers = "census-date-differs";
    public const string SexInvalid = "sex-invalid";
    public const string MissingRequiredValue = "missing-required-value";
    public const string LaEstabNotSubmitter = "laestab-not-submitter";

    public const string Error = "error";
    public const string Query = "query";

    public static readonly IReadOnlyList<string> All =
    [
        WrongCheckLetter, DuplicateUpn, BadLaInUpn, NonNumericUpn, BadLastChar, TemporaryUpn, AgeOutOfRange,
        BadDateFormat, NcYearFarFromAge, InvalidSenType, NsaWithEhcp, SenType2EqualsSenType1, BothUnitAndRp,
        TopUpWithN, EntryAfterCensus, CensusDateDiffers, SexInvalid, MissingRequiredValue, LaEstabNotSubmitter,
    ];

    /// <summary>"Unusual but possible": the DfE's queries. Everything else makes the file rejected.</summary>
    public static string SeverityOf(string kind) => kind is TemporaryUpn or NcYearFarFromAge ? Query : Error;

    /// <summary>The DfE census rule number behind the UPN defects (spec 4.1), for cross-reference.</summary>
    public static string? DfeRuleOf(string kind) => kind switch
    {
        WrongCheckLetter => "1510",
        DuplicateUpn => "1520",
        BadLaInUpn => "1530",
        NonNumericUpn => "1540",
        BadLastChar => "1550",
        TemporaryUpn => "1560",
        _ => null,
    };
}
