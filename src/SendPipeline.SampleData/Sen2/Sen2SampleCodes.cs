using Outcomes = SendPipeline.Core.Register.Sen2Outcomes;

namespace SendPipeline.SampleData.Sen2;

/// <summary>
/// The coded items of the sample's SEN2 extract that spec 2 leaves to the DfE's SEN2 person-level technical
/// specification. ASSUMED codes, all in this one class, until the project's versioned code list is merged:
/// align them there and the extract follows. The codes spec 2 gives itself (ceasereason 1-9, sensetting,
/// sentype) are used as the spec writes them. The outcome codes Core's figures read
/// (<see cref="Core.Register.Sen2Outcomes"/>) are taken from there, so the two cannot drift apart.
/// </summary>
internal static class Sen2SampleCodes
{
    // requestoutcome: assessment agreed, decided not to assess, request withdrawn.
    public const string RequestToAssess = Outcomes.RequestToAssessCode, RequestNotToAssess = "N",
        RequestWithdrawn = Outcomes.RequestWithdrawnCode;

    // assessmentoutcome: plan to be issued, decided not to issue, withdrawn.
    public const string AssessmentToIssue = "Y", AssessmentNotToIssue = Outcomes.AssessmentNotToIssueCode,
        AssessmentWithdrawn = Outcomes.AssessmentWithdrawnCode;

    // reviewoutcome: plan maintained, amended.
    public const string ReviewMaintain = "M", ReviewAmend = "A";

    /// <summary>
    /// requestsource: parent or carer, school or college, early years setting, the young person, health, social
    /// care, other.
    /// </summary>
    public static readonly (string Code, double Weight)[] RequestSources =
        [("PA", 46), ("SC", 38), ("EY", 7), ("YP", 2), ("HE", 4), ("SO", 2), ("OT", 1)];

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
