using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Establishments;

/// <summary>The establishments rules of spec 2 (a GIAS extract) and 4.4, numbered by column in spec order.</summary>
public static class EstablishmentsRules
{
    private const string Scope = "establishments";

    public static readonly Rule UrnFormat = new("ES1000", Severity.Error, Scope,
        "URN '{value}' is not 6 digits.",
        "Use the establishment's 6-digit URN as GIAS gives it; download the extract from GIAS again if it was edited.");

    public static readonly Rule UrnDuplicate = new("ES1010", Severity.Error, Scope,
        "URN {value} is also on row {firstRow}: each establishment appears once in the register.",
        "Remove the duplicate row (a GIAS extract lists each URN once), or correct the URN of one of the two.");

    public static readonly Rule LaCodeInvalid = new("ES1100", Severity.Error, Scope,
        "LA (code) '{value}' is not a valid 3-digit LA code.",
        "Use the 3-digit DfE LA code as GIAS gives it. A national GIAS download also lists establishments outside English LAs (code 000 or 001, such as British schools overseas): download the establishments of your LA and of the LAs you place children in instead.");

    public static readonly Rule EstablishmentNumberFormat = new("ES1200", Severity.Error, Scope,
        "EstablishmentNumber '{value}' is not a 4-digit establishment number.",
        "Use the 4-digit establishment number as GIAS gives it (the last four digits of the LAEstab).");

    public static readonly Rule EstablishmentNumberShort = new("ES1210", Severity.Error, Scope,
        "EstablishmentNumber '{value}' has {length} digits; establishment numbers have 4, so its leading zeros were probably lost when the file was opened and saved in a spreadsheet.",
        "Restore the leading zeros ({padded}), or upload the extract exactly as downloaded from GIAS without opening and saving it in Excel.");

    public static readonly Rule NumberOfPupilsInvalid = new("ES1300", Severity.Error, Scope,
        "NumberOfPupils '{value}' is not a whole number of 0 or more.",
        "Enter the number of pupils as a whole number such as 212, or leave it blank when it is not known.");

    public static readonly Rule StatusInvalid = new("ES1400", Severity.Error, Scope,
        "EstablishmentStatus (name) '{value}' is not a GIAS establishment status.",
        "Use the status as GIAS writes it: Open, Closed, \"Open, but proposed to close\" or Proposed to open.");

    public static readonly IReadOnlyList<Rule> All =
    [
        UrnFormat, UrnDuplicate, LaCodeInvalid, EstablishmentNumberFormat, EstablishmentNumberShort, NumberOfPupilsInvalid, StatusInvalid,
    ];
}
