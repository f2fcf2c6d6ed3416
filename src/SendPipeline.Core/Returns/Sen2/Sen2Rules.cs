using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// The sen2 rules of spec 2 (sen2), 4.1 and 4.2. Ids are S2- and a number: 00xx the upload as a whole,
/// 01xx keys and links, 02xx the header module, 03xx values and codes, 04xx dates in order, 05xx ceased
/// plans, 06xx active plans, 07xx requests, and the person's UPN and ULN under the DfE census numbers
/// (S2-1510 is the DfE's 1510, as SC1510 and PL1510 are). The DfE's SEN2 technical specification numbers
/// its own checks, but its validation table could not be read through the search tool, so no rule here
/// claims a SEN2 number it cannot show: <see cref="DfeNumber"/> is null for all of them until it can.
/// Every issue also names its module (<see cref="Issue.Part"/>) and counts rows within it.
/// </summary>
public static class Sen2Rules
{
    private const string Scope = "sen2";

    /// <summary>The DfE SEN2 validation number a rule implements, where the specification gives one.</summary>
    public static string? DfeNumber(Rule rule) => null;

    public static readonly Rule NotAnExtract = new("S2-0001", Severity.Error, Scope,
        "The sen2 upload is neither a zip of the COLLECT Blade export's CSV files nor the pre-submission workbook: {detail}",
        "Upload the Blade export's module CSV files together in one .zip, or the pre-submission workbook as .xlsx.");

    public static readonly Rule UnknownEntry = new("S2-0002", Severity.Error, Scope,
        "The zip holds '{value}', which is not a module file of the Blade export.",
        "Keep only the export's files, named Blade-Export_{dd-mm-yyyy}_{module}.csv (module: sen2, person, " +
        "requests, assessment, namedplan, plandetail, activeplans, placementdetail, senneed), and zip them again.");

    public static readonly Rule NestedEntry = new("S2-0003", Severity.Error, Scope,
        "The zip holds '{value}' inside a folder; the module files must be at the top of the zip.",
        "Select the module files themselves (not the folder they are in) and zip them again.");

    public static readonly Rule DuplicateModule = new("S2-0004", Severity.Error, Scope,
        "The {part} module is in the upload twice ('{value}'); which one to use is unknowable.",
        "Keep one file (or sheet) for each module and upload again.");

    public static readonly Rule MissingModule = new("S2-0005", Severity.Error, Scope,
        "The {part} module is missing: there is no {where}.",
        "Export every module of the return and upload them together.");

    public static readonly Rule TooLarge = new("S2-0006", Severity.Error, Scope,
        "{detail}",
        "Check the upload is the Blade export itself; a real extract is a few hundred megabytes at most when unzipped.");

    public static readonly Rule UnknownSheet = new("S2-0007", Severity.Query, Scope,
        "The sheet '{value}' is not a module of the return and was ignored.",
        "Remove the sheet, or rename it if it was meant to be one of the modules.");

    public static readonly Rule HeaderRows = new("S2-0008", Severity.Error, Scope,
        "The sen2 module has {count} rows; an extract has exactly one (its reference date and LA).",
        "Export the return again: the sen2 (header) module has one row.");

    public static readonly Rule ReferenceDateAssumed = new("S2-0009", Severity.Query, Scope,
        "The workbook has no sen2 (header) sheet, so its reference date is taken as {value}, {detail}.",
        "Add the sen2 sheet with the extract's reference date and LA, or check the date above is the extract's.");

    public static readonly Rule DuplicateKey = new("S2-0100", Severity.Error, Scope,
        "{column} '{value}' is already used on row {first} of this module; a key identifies one row.",
        "Export the return again; if the duplicate remains, the case-management system holds a duplicate record.");

    public static readonly Rule ParentMissing = new("S2-0110", Severity.Error, Scope,
        "{column} '{value}' matches no row of the {parent} module.",
        "Export every module from the same run of the export, so each row's parent is in the extract.");

    public static readonly Rule LaNotOurs = new("S2-0200", Severity.Error, Scope,
        "The extract is for LA {value}, not this LA ({la}).",
        "Upload your own LA's extract; lea must be your LA's 3-digit code.");

    public static readonly Rule CodeNotInList = new("S2-0300", Severity.Error, Scope,
        "'{value}' in {column} is not a code of the SEN2 {column} list (code list {version}).",
        "Use one of the codes of the SEN2 technical specification for {column}; the code list names them.");

    public static readonly Rule CodeNotConfirmed = new("S2-0301", Severity.Query, Scope,
        "'{value}' in {column} is not in our {column} list, which is not yet confirmed against the DfE's "
        + "specification (code list {version}).",
        "Check {column} against the SEN2 technical specification; if the code is the DfE's, tell the pipeline team "
        + "to add it to the code list.");

    public static readonly Rule CodeBlank = new("S2-0310", Severity.Query, Scope,
        "{column} is blank; the January return needs it, so it is listed here to complete.",
        "Record {column} in the case-management system before the January return.");

    public static readonly Rule SenTypeInvalid = new("S2-0320", Severity.Error, Scope,
        "'{value}' in sentype is not a SEN type of need for an EHC plan (spec 4.3, not NSA).",
        "Use one of SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS or OTH.");

    public static readonly Rule LaCodeInvalid = new("S2-0330", Severity.Error, Scope,
        "'{value}' in {column} is not a 3-digit LA code (spec 4.4).",
        "Enter the LA's 3-digit DfE code, for example 855.");

    public static readonly Rule UrnInvalid = new("S2-0340", Severity.Error, Scope,
        "'{value}' in urn is not a 6-digit URN.",
        "Enter the setting's URN from Get Information About Schools, or leave it blank and give the sensetting code.");

    public static readonly Rule UkprnInvalid = new("S2-0341", Severity.Error, Scope,
        "'{value}' in ukprn is not an 8-digit UKPRN starting with 1.",
        "Enter the provider's UKPRN from the UK Register of Learning Providers, or leave it blank.");

    public static readonly Rule NoSetting = new("S2-0350", Severity.Error, Scope,
        "The placement has no urn, no ukprn and no sensetting, so where the child or young person is is unknown.",
        "Enter the setting's URN or UKPRN, or a sensetting code (OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO).");

    public static readonly Rule RankInvalid = new("S2-0360", Severity.Error, Scope,
        "'{value}' in {column} is not a rank (a whole number from 1).",
        "Rank the entries 1, 2, … with 1 the main one.");

    public static readonly Rule RequestOutcomeBeforeReceived = new("S2-0400", Severity.Error, Scope,
        "The request outcome date {value} is before the request was received ({earlier}).",
        "Check both dates (day before month in dd/mm/yyyy); the decision comes after the request.");

    public static readonly Rule AssessmentOutcomeTooEarly = new("S2-0410", Severity.Error, Scope,
        "The assessment outcome date {value} is before the request's {what} ({earlier}).",
        "Check both dates; an assessment ends after the request is received and the decision to assess made.");

    public static readonly Rule PlanIssuedTooEarly = new("S2-0420", Severity.Error, Scope,
        "The plan's start date {value} is before the {what} ({earlier}).",
        "Check both dates; a plan is issued after the assessment's outcome.");

    public static readonly Rule PlanCeasedBeforeIssued = new("S2-0430", Severity.Error, Scope,
        "The plan's cease date {value} is before it was issued ({earlier}).",
        "Check both dates (day before month in dd/mm/yyyy).");

    public static readonly Rule PlacementLeftBeforeEntry = new("S2-0440", Severity.Error, Scope,
        "The leaving date {value} is before the entry date ({earlier}).",
        "Check both dates (day before month in dd/mm/yyyy).");

    public static readonly Rule CeasedWithoutReason = new("S2-0500", Severity.Error, Scope,
        "The plan ceased on {date} but has no ceasereason.",
        "Enter why the plan ceased: a ceasereason code 1 to 9.");

    public static readonly Rule ReasonWithoutCeaseDate = new("S2-0510", Severity.Error, Scope,
        "The plan has ceasereason {reason} but no ceasedate.",
        "Enter the date the plan ceased, or clear the reason if the plan has not ceased.");

    public static readonly Rule NoCurrentPlacement = new("S2-0600", Severity.Error, Scope,
        "The active plan has no placement current on the reference date ({date}).",
        "Add the child or young person's current placement (with sensetting NEET, NIEC or NIEO if there is none).");

    public static readonly Rule RankOneNeed = new("S2-0610", Severity.Error, Scope,
        "The active plan has {count} needs of rank 1; it must have exactly one (its main need).",
        "Give the plan's main need sentyperank 1 and its other needs 2, 3, ….");

    public static readonly Rule TwoOpenRequests = new("S2-0700", Severity.Query, Scope,
        "The person has more than one open request (no outcome yet); the first is on row {first}.",
        "Check whether one request repeats the other; close or withdraw the one that is not live.");

    public static readonly Rule NoIdentifier = new("S2-1200", Severity.Error, Scope,
        "The person has no upn, no uniquelearnernumber and no upnunknown reason.",
        "Enter the UPN or ULN, or the upnunknown code that says why neither is known.");

    public static readonly Rule UpnLength = new("S2-1500", Severity.Error, Scope,
        "UPN '{value}' has {length} characters; a UPN has 13.",
        "Copy the UPN from the pupil's school record exactly: 13 characters, a letter first.");

    public static readonly Rule UpnCheckLetter = new("S2-1510", Severity.Error, Scope,
        "UPN {value} has the wrong check letter (expected {expected}).",
        "The UPN has a typing error; copy it again from the pupil's record or the common transfer file.");

    public static readonly Rule UpnLaCode = new("S2-1530", Severity.Error, Scope,
        "Characters 2–4 of UPN {value} ('{la}') are not a valid LA code.",
        "Check the UPN against the pupil's record; characters 2–4 are the LA code of the school that allocated it.");

    public static readonly Rule UpnNotNumeric = new("S2-1540", Severity.Error, Scope,
        "Characters 5–12 of UPN {value} are not all digits.",
        "Check the UPN against the pupil's record; characters 5–12 are always digits.");

    public static readonly Rule UpnLastCharacter = new("S2-1550", Severity.Error, Scope,
        "Character 13 of UPN {value} ('{last}') is neither a digit nor a valid check letter.",
        "Check the UPN against the pupil's record; the last character is a digit, or a letter for a temporary UPN.");

    public static readonly Rule UpnTemporary = new("S2-1560", Severity.Query, Scope,
        "UPN {value} is a temporary UPN.",
        "Replace the temporary UPN with the permanent one when it is known.");

    public static readonly Rule UlnInvalid = new("S2-1600", Severity.Error, Scope,
        "ULN '{value}' is not a Unique Learner Number: 10 digits, the first not 0, passing the ULN check (spec 4.2).",
        "Copy the learner's ULN again from the Learning Records Service; format the column as Text in Excel.");

    public static readonly UpnRuleSet Upn = new(UpnLength, UpnCheckLetter, UpnLaCode, UpnNotNumeric, UpnLastCharacter,
        UpnTemporary);

    public static readonly IReadOnlyList<Rule> All =
    [
        NotAnExtract, UnknownEntry, NestedEntry, DuplicateModule, MissingModule, TooLarge, UnknownSheet, HeaderRows,
        ReferenceDateAssumed, DuplicateKey, ParentMissing, LaNotOurs, CodeNotInList, CodeNotConfirmed, CodeBlank, SenTypeInvalid,
        LaCodeInvalid, UrnInvalid, UkprnInvalid, NoSetting, RankInvalid, RequestOutcomeBeforeReceived,
        AssessmentOutcomeTooEarly, PlanIssuedTooEarly, PlanCeasedBeforeIssued, PlacementLeftBeforeEntry,
        CeasedWithoutReason, ReasonWithoutCeaseDate, NoCurrentPlacement, RankOneNeed, TwoOpenRequests, NoIdentifier,
        UpnLength, UpnCheckLetter, UpnLaCode, UpnNotNumeric, UpnLastCharacter, UpnTemporary, UlnInvalid,
    ];
}
