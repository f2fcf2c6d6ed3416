using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.SchoolCensus;

/// <summary>
/// The school census rules of spec section 2 and 4.1. UPN rules keep the DfE's own numbers
/// (1510–1560) so a SENCo can match them to what their MIS says.
/// </summary>
public static class SchoolCensusRules
{
    private const string Scope = "school-census";

    public static readonly Rule LaEstabFormat = new("SC1000", Severity.Error, Scope,
        "LAEstab '{value}' is not 7 digits.",
        "Enter the school's 7-digit LAEstab: the 3-digit LA code followed by the 4-digit establishment number.");

    public static readonly Rule LaEstabNotSubmitter = new("SC1001", Severity.Error, Scope,
        "The file is for LAEstab {value} (first on row {row}) but was uploaded by {submitter}.",
        "Upload each school's census into that school's own folder, or correct LAEstab.");

    public static readonly Rule LaEstabOtherLa = new("SC1002", Severity.Error, Scope,
        "LAEstab {value} belongs to LA {la}, not to this local authority ({ourLa}).",
        "Send the census to the LA that maintains or hosts the school.");

    public static readonly Rule CensusDateDiffers = new("SC1100", Severity.Error, Scope,
        "CensusDate {value} differs from {first} on the first row; a return covers one census.",
        "Use the same census date on every row, or split the file by census.");

    public static readonly Rule NotCensusDay = new("SC1101", Severity.Query, Scope,
        "CensusDate {value} is not a census day (the nearest is {nearest}).",
        "Census days are the first Thursday of October and the third Thursday of January and May; check the date.");

    public static readonly Rule UpnLength = new("SC1500", Severity.Error, Scope,
        "UPN '{value}' has {length} characters; a UPN has 13.",
        "Copy the pupil's UPN from your MIS exactly: 13 characters, a letter first.");

    public static readonly Rule UpnCheckLetter = new("SC1510", Severity.Error, Scope,
        "UPN {value} has the wrong check letter (expected {expected}).",
        "The UPN has a typing error; copy it again from the pupil's record or the common transfer file.");

    public static readonly Rule UpnDuplicate = new("SC1520", Severity.Error, Scope,
        "UPN {value} is also on row {firstRow}: each pupil appears once.",
        "Remove the duplicate row, or correct the UPN of one of the two pupils.");

    public static readonly Rule UpnLaCode = new("SC1530", Severity.Error, Scope,
        "Characters 2–4 of UPN {value} ('{la}') are not a valid LA code.",
        "Check the UPN against the pupil's record; characters 2–4 are the LA code of the school that allocated it.");

    public static readonly Rule UpnNotNumeric = new("SC1540", Severity.Error, Scope,
        "Characters 5–12 of UPN {value} are not all digits.",
        "Check the UPN against the pupil's record; characters 5–12 are always digits.");

    public static readonly Rule UpnLastCharacter = new("SC1550", Severity.Error, Scope,
        "Character 13 of UPN {value} ('{last}') is neither a digit nor a valid check letter.",
        "Check the UPN against the pupil's record; the last character is a digit, or a letter for a temporary UPN.");

    public static readonly Rule UpnTemporary = new("SC1560", Severity.Query, Scope,
        "UPN {value} is a temporary UPN.",
        "Replace the temporary UPN with the pupil's permanent UPN when it is known (from the previous school's CTF).");

    public static readonly Rule AgeOutOfRange = new("SC1600", Severity.Error, Scope,
        "A date of birth of {value} makes the pupil {age} on the census date; census pupils are aged 2 to 25.",
        "Check the date of birth (day before month in dd/mm/yyyy) against the pupil's record.");

    public static readonly Rule SexInvalid = new("SC1700", Severity.Error, Scope,
        "Sex '{value}' is not M or F.",
        "Enter M or F as recorded in the school census.");

    public static readonly Rule NcYearInvalid = new("SC1800", Severity.Error, Scope,
        "NCYearActual '{value}' is not a year group.",
        "Use N1, N2, R, 1 to 14, or X for no year group.");

    public static readonly Rule NcYearUnusualForAge = new("SC1810", Severity.Query, Scope,
        "National curriculum year {value} is unusual for a pupil aged {age} on the census date",
        "Check the pupil's year group and date of birth; if the pupil is taught out of year group, this query can stand.");

    public static readonly Rule ProvisionInvalid = new("SC1900", Severity.Error, Scope,
        "SENProvision '{value}' is not E, K or N.",
        "Use E (EHC plan), K (SEN support) or N (no SEN provision).");

    public static readonly Rule SenType1Missing = new("SC2000", Severity.Error, Scope,
        "SENType1 is blank but the pupil has SEN provision {provision}.",
        "Enter the pupil's primary type of need (a DfE SEN type code such as ASD, SEMH, SLCN).");

    public static readonly Rule SenType1Invalid = new("SC2010", Severity.Error, Scope,
        "SENType1 '{value}' is not a DfE SEN type code.",
        "Use one of SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH, NSA.");

    public static readonly Rule SenTypeWithoutProvision = new("SC2020", Severity.Error, Scope,
        "{column} is '{value}' but SENProvision is N; a pupil without SEN provision has no SEN type.",
        "Clear {column}, or correct SENProvision to E or K.");

    public static readonly Rule NsaWithoutSenSupport = new("SC2030", Severity.Error, Scope,
        "SENType1 NSA is only valid with SEN support (K), but SENProvision is {provision}.",
        "A pupil with an EHC plan has an assessed need: enter it instead of NSA.");

    public static readonly Rule DownSyndromeTooEarly = new("SC2040", Severity.Error, Scope,
        "{column} DS (Down syndrome) is only a census code from January 2025; this census is {census}.",
        "Use the type of need recorded before DS was introduced (for example SLD or MLD).");

    public static readonly Rule SenType2Invalid = new("SC2100", Severity.Error, Scope,
        "SENType2 '{value}' is not a DfE SEN type code.",
        "Use one of SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH, or leave blank.");

    public static readonly Rule SenType2Nsa = new("SC2110", Severity.Error, Scope,
        "SENType2 cannot be NSA.",
        "Leave SENType2 blank when there is no secondary need.");

    public static readonly Rule SenType2SameAsType1 = new("SC2120", Severity.Error, Scope,
        "SENType2 {value} is the same as SENType1.",
        "Leave SENType2 blank, or enter a different secondary need.");

    public static readonly Rule UnitAndResourcedProvision = new("SC2200", Severity.Error, Scope,
        "SENUnitIndicator and ResourcedProvisionIndicator are both Y.",
        "A pupil is in a SEN unit or a resourced provision, not both: set one to N.");

    public static readonly Rule TopUpWithoutSen = new("SC2300", Severity.Error, Scope,
        "TopUpFunding is Y but SENProvision is N.",
        "Top-up funding is only for pupils with SEN provision E or K: correct one of the two.");

    public static readonly Rule EntryAfterCensus = new("SC2400", Severity.Error, Scope,
        "EntryDate {value} is after the census date {census}.",
        "A pupil on the census must have joined by the census date: check the entry date.");

    public static readonly UpnRuleSet Upn = new(UpnLength, UpnCheckLetter, UpnLaCode, UpnNotNumeric, UpnLastCharacter, UpnTemporary);

    public static readonly IReadOnlyList<Rule> All =
    [
        LaEstabFormat, LaEstabNotSubmitter, LaEstabOtherLa, CensusDateDiffers, NotCensusDay, UpnLength, UpnCheckLetter,
        UpnDuplicate, UpnLaCode, UpnNotNumeric, UpnLastCharacter, UpnTemporary, AgeOutOfRange, SexInvalid,
        NcYearInvalid, NcYearUnusualForAge, ProvisionInvalid, SenType1Missing, SenType1Invalid, SenTypeWithoutProvision,
        NsaWithoutSenSupport, DownSyndromeTooEarly, SenType2Invalid, SenType2Nsa, SenType2SameAsType1,
        UnitAndResourcedProvision, TopUpWithoutSen, EntryAfterCensus,
    ];
}
