using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Placements;

/// <summary>
/// The placements rules of spec 2, 4.1–4.5, numbered by column in spec order as in the census.
/// UPN rules keep the DfE's numbers (PL1510–PL1560 as SC1510–SC1560) so a provider's MIS message
/// and ours match. There is no PL1520: a child may have two placements in a quarter (a move), so a
/// repeated UPN is not itself wrong; overlapping placements of one child are (PL1930).
/// </summary>
public static class PlacementsRules
{
    private const string Scope = "placements";

    public static readonly Rule ProviderIdFormat = new("PL1000", Severity.Error, Scope,
        "ProviderId '{value}' is neither a 6-digit URN nor an 8-digit UKPRN starting with 1.",
        "Enter the provider's URN (6 digits, from Get Information About Schools) or UKPRN (8 digits starting with 1, from the UK Register of Learning Providers).");

    public static readonly Rule ProviderIdNotSubmitter = new("PL1001", Severity.Error, Scope,
        "The file is for provider {value} (first on row {row}) but was uploaded by {submitter}.",
        "Upload each provider's placements into that provider's own folder (by the same URN or UKPRN as in ProviderId), or correct ProviderId.");

    public static readonly Rule ReturnDateDiffers = new("PL1100", Severity.Error, Scope,
        "ReturnDate {value} differs from {first} on the first row; a return covers one quarter.",
        "Use the same return date on every row, or split the file by quarter.");

    public static readonly Rule ReturnDateNotQuarterEnd = new("PL1101", Severity.Error, Scope,
        "ReturnDate {value} is not the last day of a financial quarter (the quarter it falls in ends {quarterEnd}).",
        "Use the last day of the quarter the return covers: 30 June, 30 September, 31 December or 31 March.");

    public static readonly Rule NoIdentifier = new("PL1200", Severity.Error, Scope,
        "Both UPN and ULN are blank; each placement needs the child's UPN or the young person's ULN.",
        "Enter the UPN from the school record or, for a learner without one, the 10-digit ULN.");

    public static readonly Rule UpnLength = new("PL1500", Severity.Error, Scope,
        "UPN '{value}' has {length} characters; a UPN has 13.",
        "Copy the UPN from the child's school record exactly: 13 characters, a letter first. Leave it blank if the learner has only a ULN.");

    public static readonly Rule UpnCheckLetter = new("PL1510", Severity.Error, Scope,
        "UPN {value} has the wrong check letter (expected {expected}).",
        "The UPN has a typing error; copy it again from the child's record or the common transfer file.");

    public static readonly Rule UpnLaCode = new("PL1530", Severity.Error, Scope,
        "Characters 2–4 of UPN {value} ('{la}') are not a valid LA code.",
        "Check the UPN against the child's record; characters 2–4 are the LA code of the school that allocated it.");

    public static readonly Rule UpnNotNumeric = new("PL1540", Severity.Error, Scope,
        "Characters 5–12 of UPN {value} are not all digits.",
        "Check the UPN against the child's record; characters 5–12 are always digits.");

    public static readonly Rule UpnLastCharacter = new("PL1550", Severity.Error, Scope,
        "Character 13 of UPN {value} ('{last}') is neither a digit nor a valid check letter.",
        "Check the UPN against the child's record; the last character is a digit, or a letter for a temporary UPN.");

    public static readonly Rule UpnTemporary = new("PL1560", Severity.Query, Scope,
        "UPN {value} is a temporary UPN.",
        "Replace the temporary UPN with the child's permanent UPN when it is known (from the previous school's CTF).");

    public static readonly Rule UlnFormat = new("PL1600", Severity.Error, Scope,
        "ULN '{value}' is not 10 digits with a first digit other than 0.",
        "Copy the learner's 10-digit Unique Learner Number exactly; if Excel shows it as 1.23E+09, format the column as Text and enter it again.");

    public static readonly Rule UlnCheckDigit = new("PL1610", Severity.Error, Scope,
        "ULN {value} fails the Unique Learner Number check, so a digit is wrong or two are swapped.",
        "Copy the ULN again from the learner's record (the Learning Records Service or the ILR).");

    public static readonly Rule UlnRequiredFrom16 = new("PL1620", Severity.Error, Scope,
        "The learner is {age} on the return date and has no UPN, so a ULN is required; UPN and ULN are both blank.",
        "Enter the learner's 10-digit ULN (every learner from 16 has one), or their UPN if they still have a school record.");

    public static readonly Rule AgeOver25 = new("PL1700", Severity.Error, Scope,
        "A date of birth of {value} makes the young person {age} on the return date; placements are for ages 0 to 25.",
        "Check the date of birth (day before month in dd/mm/yyyy); if it is right, the placement is no longer funded from the high-needs block and should not be in the return.");

    public static readonly Rule DobAfterReturnDate = new("PL1710", Severity.Error, Scope,
        "The date of birth {value} is after the return date {returnDate}.",
        "Check the date of birth (day before month in dd/mm/yyyy) against the child's record.");

    public static readonly Rule CategoryInvalid = new("PL1800", Severity.Error, Scope,
        "PlacementCategory '{value}' is not a placement category code.",
        "Use one of MMS, RP, MSS, ASS, INMSS, AP, FE, SPI, OTH (see the data specification, 4.5).");

    public static readonly Rule StartAfterReturnDate = new("PL1900", Severity.Error, Scope,
        "PlacementStart {value} is after the return date {returnDate}; the return covers placements that have started.",
        "Check the start date (day before month in dd/mm/yyyy), or report the placement in the quarter it starts.");

    public static readonly Rule EndBeforeStart = new("PL1910", Severity.Error, Scope,
        "PlacementEnd {value} is before PlacementStart {start}.",
        "Check both dates (day before month in dd/mm/yyyy); leave PlacementEnd blank while the placement goes on.");

    public static readonly Rule StartBeforeBirth = new("PL1920", Severity.Error, Scope,
        "PlacementStart {value} is before the date of birth {dob}.",
        "Check the start date and the date of birth (day before month in dd/mm/yyyy).");

    public static readonly Rule OverlappingPlacement = new("PL1930", Severity.Error, Scope,
        "This child (the same {identifier} as row {firstRow}) has a placement starting {start} ({end}) that overlaps the one on row {firstRow}.",
        "A child has one funded placement at a time: end the earlier placement (it may end on the day the next starts), remove the duplicate row, or correct the {identifier} of one of the two.");

    public static readonly Rule CostNotPositive = new("PL2000", Severity.Error, Scope,
        "AnnualCost {value} is not more than £0.",
        "Enter the placement's annual cost in pounds, more than 0 (credits and refunds are not part of this return).");

    public static readonly Rule CostHigh = new("PL2010", Severity.Query, Scope,
        "AnnualCost {value} is over £250,000 a year, which is unusual for one placement.",
        "Check the amount is the annual cost of this one placement (not a total, and not in pence); if it is right, this query can stand.");

    public static readonly Rule CostImplausible = new("PL2020", Severity.Error, Scope,
        "AnnualCost {value} is over £1,000,000 a year, more than any single placement costs.",
        "Check the amount is the annual cost of this one placement in pounds (not a total for several, and not in pence).");

    public static readonly Rule FundingElementInvalid = new("PL2100", Severity.Error, Scope,
        "FundingElement '{value}' is not PLACE, TOPUP or FULL.",
        "Use PLACE (place funding), TOPUP (element 3 top-up) or FULL (the whole fee, independent and non-maintained providers).");

    public static readonly Rule FullFeeUnusual = new("PL2110", Severity.Query, Scope,
        "FundingElement FULL (the whole fee) is for independent and non-maintained providers, but PlacementCategory is {category}, which is funded by place funding and top-up.",
        "Check the category and the funding element; for a maintained school, academy or college, report the top-up (TOPUP) or place funding (PLACE).");

    public static readonly Rule PrimaryNeedInvalid = new("PL2200", Severity.Error, Scope,
        "PrimaryNeed '{value}' is not a DfE SEN type code.",
        "Use one of SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH.");

    public static readonly Rule PrimaryNeedNsa = new("PL2210", Severity.Error, Scope,
        "PrimaryNeed cannot be NSA (no specialist assessment): a funded placement has an assessed primary need.",
        "Enter the primary need from the child's EHC plan or assessment (a code such as ASD, SEMH, SLCN).");

    public static readonly Rule DownSyndromeTooEarly = new("PL2220", Severity.Error, Scope,
        "PrimaryNeed DS (Down syndrome) is only a code from January 2025; this return is for {returnDate}.",
        "Use the type of need recorded before DS was introduced (for example SLD or MLD).");

    public static readonly Rule EhcpRequired = new("PL2300", Severity.Error, Scope,
        "EHCP is N, but a placement in category {category} requires an EHC plan.",
        "Check the child's EHC plan status; independent and non-maintained special schools (INMSS) and specialist post-16 institutions (SPI) are only funded under an EHC plan.");

    public static readonly Rule EhcpMissing = new("PL2310", Severity.Query, Scope,
        "EHCP is N for a funded {category} placement; most high-needs placements are under an EHC plan.",
        "Check the child's EHC plan status; if the placement is funded without a plan (for example while an assessment is under way), this query can stand.");

    public static readonly Rule HomeLaInvalid = new("PL2400", Severity.Error, Scope,
        "HomeLA '{value}' is not a valid 3-digit LA code.",
        "Enter the 3-digit DfE code of the local authority where the child lives (for example {ourLa}).");

    public static readonly Rule HomeLaOther = new("PL2410", Severity.Query, Scope,
        "HomeLA {value} ({laName}) is not this local authority ({ourLa}): the placement is reported but not counted.",
        "Send this placement to the child's home LA; if the child's home LA is {ourLa}, correct HomeLA.");

    public static readonly UpnRuleSet Upn = new(UpnLength, UpnCheckLetter, UpnLaCode, UpnNotNumeric, UpnLastCharacter, UpnTemporary);

    public static readonly IReadOnlyList<Rule> All =
    [
        ProviderIdFormat, ProviderIdNotSubmitter, ReturnDateDiffers, ReturnDateNotQuarterEnd, NoIdentifier, UpnLength,
        UpnCheckLetter, UpnLaCode, UpnNotNumeric, UpnLastCharacter, UpnTemporary, UlnFormat, UlnCheckDigit,
        UlnRequiredFrom16, AgeOver25, DobAfterReturnDate, CategoryInvalid, StartAfterReturnDate, EndBeforeStart,
        StartBeforeBirth, OverlappingPlacement, CostNotPositive, CostHigh, CostImplausible, FundingElementInvalid,
        FullFeeUnusual, PrimaryNeedInvalid, PrimaryNeedNsa, DownSyndromeTooEarly, EhcpRequired, EhcpMissing,
        HomeLaInvalid, HomeLaOther,
    ];
}
