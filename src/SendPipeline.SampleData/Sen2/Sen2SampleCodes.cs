using Outcomes = SendPipeline.Core.Register.Sen2Outcomes;

namespace SendPipeline.SampleData.Sen2;

/// <summary>
/// The coded items of the sample's SEN2 extract that spec 2 leaves to the DfE's SEN2 person-level technical
/// specification, taken from the project's code list (Core's Returns/Sen2/sen2-codes-2024.csv) so a clean sample
/// extract is clean to the validator. The outcome codes Core's figures read (<see cref="Core.Register.Sen2Outcomes"/>)
/// are taken from there, so the two cannot drift apart. The codes spec 2 gives itself (ceasereason 1-9, sensetting,
/// sentype) are used as the spec writes them.
/// </summary>
internal static class Sen2SampleCodes
{
    // requestoutcome: assessment agreed, decided not to assess, request withdrawn.
    public const string RequestToAssess = Outcomes.RequestToAssessCode, RequestNotToAssess = Outcomes.RequestNotToAssessCode,
        RequestWithdrawn = Outcomes.RequestWithdrawnCode;

    // assessmentoutcome: plan to be issued, decided not to issue, withdrawn.
    public const string AssessmentToIssue = Outcomes.AssessmentToIssueCode, AssessmentNotToIssue = Outcomes.AssessmentNotToIssueCode,
        AssessmentWithdrawn = Outcomes.AssessmentWithdrawnCode;

    // reviewoutcome: plan maintained, amended.
    public const string ReviewMaintain = "M", ReviewAmend = "A";

    /// <summary>
    /// requestsource: 1 the young person or a parent, 2 a school or other education setting, 3 health care
    /// professionals, 4 social care professionals, 5 other.
    /// </summary>
    public static readonly (string Code, double Weight)[] RequestSources = [("1", 48), ("2", 45), ("3", 4), ("4", 2), ("5", 1)];
    /// <summary>upnunknown: the census's reason a UPN is not known (UN2: not yet received).</summary>
    public const string UpnNotYetReceived = "UN2";

    /// <summary>ethnicity: the census's main codes, near the shares of a shire county.</summary>
    public static readonly (string Code, double Weight)[] Ethnicities =
    [
        ("WBRI", 76), ("WOTH", 5), ("MWBC", 3), ("MOTH", 2), ("AIND", 5), ("APKN", 1), ("AOTH", 1), ("BAFR", 2),
        ("BCRB", 1), ("CHNE", 1), ("OOTH", 1), ("REFU", 2),
    ];

    /// <summary>collection, sourcelevel and softwarecode of the sen2 module's header row.</summary>
    public const string Collection = "SEN2", SourceLevel = "L", SoftwareCode = "SAMPLE-MIS", Release = "1.0";
}
