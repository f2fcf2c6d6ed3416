namespace SendPipeline.SampleData.Defects;

/// <summary>The defects the generator can plant, named as the manifest names them, with the severity spec 2 gives each.</summary>
public static class DefectKinds
{
    // school-census
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

    // placements
    public const string ProviderIdNotSubmitter = "providerid-not-submitter";
    public const string ReturnDateDiffers = "return-date-differs";
    public const string InvalidUln = "invalid-uln";
    public const string NoLearnerId = "no-upn-or-uln";
    public const string InvalidPlacementCategory = "invalid-placement-category";
    public const string StartAfterReturnDate = "start-after-return-date";
    public const string EndBeforeStart = "end-before-start";
    public const string CostOverMillion = "cost-over-1m";
    public const string CostNotPositive = "cost-not-positive";
    public const string CostOver250k = "cost-over-250k";
    public const string InvalidFundingElement = "invalid-funding-element";
    public const string NsaPrimaryNeed = "nsa-primary-need";
    public const string NoEhcpSpecialist = "no-ehcp-inmss-spi";
    public const string NoEhcpElsewhere = "no-ehcp-elsewhere";
    public const string OtherHomeLa = "other-home-la";
    public const string OverlappingPlacement = "overlapping-placement";

    // workforce
    public const string QuarterDiffers = "quarter-differs";
    public const string DuplicatePostId = "duplicate-post-id";
    public const string InvalidDiscipline = "invalid-discipline";
    public const string InvalidRole = "invalid-role";
    public const string FteOutOfRange = "fte-out-of-range";
    public const string InvalidStatus = "invalid-status";
    public const string NegativeCost = "negative-cost";
    public const string InvalidFundingSource = "invalid-funding-source";
    public const string TransformationWithoutEnd = "transformation-without-end";

    // eah-activity
    public const string BadLaEstab = "bad-laestab";
    public const string SettingNotOpen = "setting-not-known-open";
    public const string DaysOutOfRange = "days-out-of-range";
    public const string DaysNotHalf = "days-not-half";
    public const string InvalidActivityType = "invalid-activity-type";
    public const string BadQuarter = "bad-quarter";

    // hnb-finance
    public const string BadFinancialYear = "bad-financial-year";
    public const string UnknownS251Line = "unknown-s251-line";
    public const string InvalidBasis = "invalid-basis";
    public const string NegativeAmount = "negative-amount";
    public const string BadMoney = "bad-money";
    public const string DuplicateFinanceLine = "duplicate-finance-line";

    // establishments
    public const string BadUrn = "bad-urn";
    public const string DuplicateUrn = "duplicate-urn";
    public const string InvalidLaCode = "invalid-la-code";
    public const string BadEstablishmentNumber = "bad-establishment-number";
    public const string BadNumberOfPupils = "bad-number-of-pupils";
    public const string InvalidEstablishmentStatus = "invalid-establishment-status";

    // any return: spec 1, "an unknown column is a query"
    public const string UnknownColumn = "unknown-column";

    public const string Error = "error";
    public const string Query = "query";

    public static readonly IReadOnlyList<string> Census =
    [
        WrongCheckLetter, DuplicateUpn, BadLaInUpn, NonNumericUpn, BadLastChar, TemporaryUpn, AgeOutOfRange,
        BadDateFormat, NcYearFarFromAge, InvalidSenType, NsaWithEhcp, SenType2EqualsSenType1, BothUnitAndRp,
        TopUpWithN, EntryAfterCensus, CensusDateDiffers, SexInvalid, MissingRequiredValue, LaEstabNotSubmitter,
    ];

    public static readonly IReadOnlyList<string> Placements =
    [
        ProviderIdNotSubmitter, ReturnDateDiffers, InvalidUln, NoLearnerId, InvalidPlacementCategory, StartAfterReturnDate,
        EndBeforeStart, CostOverMillion, CostNotPositive, CostOver250k, InvalidFundingElement, NsaPrimaryNeed, NoEhcpSpecialist,
        NoEhcpElsewhere, OtherHomeLa, OverlappingPlacement, TemporaryUpn, BadDateFormat, AgeOutOfRange, UnknownColumn,
    ];

    public static readonly IReadOnlyList<string> Workforce =
    [
        QuarterDiffers, DuplicatePostId, InvalidDiscipline, InvalidRole, FteOutOfRange, InvalidStatus, NegativeCost,
        InvalidFundingSource, TransformationWithoutEnd, UnknownColumn,
    ];

    public static readonly IReadOnlyList<string> EahActivity =
        [BadLaEstab, SettingNotOpen, DaysOutOfRange, DaysNotHalf, InvalidActivityType, BadQuarter, InvalidDiscipline];

    public static readonly IReadOnlyList<string> HnbFinance =
        [BadFinancialYear, UnknownS251Line, InvalidBasis, NegativeAmount, BadMoney, DuplicateFinanceLine, UnknownColumn];

    public static readonly IReadOnlyList<string> Establishments =
        [BadUrn, DuplicateUrn, InvalidLaCode, BadEstablishmentNumber, BadNumberOfPupils, InvalidEstablishmentStatus];

    /// <summary>Every kind the default options plant, across all return types.</summary>
    public static readonly IReadOnlyList<string> All =
        Census.Concat(Placements).Concat(Workforce).Concat(EahActivity).Concat(HnbFinance).Concat(Establishments)
            .Concat(Sen2.Sen2DefectKinds.Errors).Concat(Sen2.Sen2DefectKinds.Queries).Distinct().ToArray();

    /// <summary>The kinds planted in files of one return type.</summary>
    public static IReadOnlyList<string> For(string returnType) => returnType switch
    {
        Core.Uploads.ReturnTypes.SchoolCensus => Census,
        Core.Uploads.ReturnTypes.Placements => Placements,
        Core.Uploads.ReturnTypes.Workforce => Workforce,
        Core.Uploads.ReturnTypes.EahActivity => EahActivity,
        Core.Uploads.ReturnTypes.HnbFinance => HnbFinance,
        Core.Uploads.ReturnTypes.Establishments => Establishments,
        Core.Uploads.ReturnTypes.Sen2 => [.. Sen2.Sen2DefectKinds.Errors, .. Sen2.Sen2DefectKinds.Queries],
        _ => [],
    };

    /// <summary>"Unusual but possible": the DfE's queries and the spec's. Everything else makes the file rejected.</summary>
    public static string SeverityOf(string kind) =>
        Sen2.Sen2DefectKinds.Queries.Contains(kind) ? Query
        : kind is TemporaryUpn or NcYearFarFromAge or CostOver250k or NoEhcpElsewhere or OtherHomeLa or SettingNotOpen or UnknownColumn ? Query : Error;

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
