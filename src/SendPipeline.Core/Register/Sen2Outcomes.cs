namespace SendPipeline.Core.Register;

/// <summary>What became of a request for an EHC needs assessment, as the DfE's requests table counts it.</summary>
public enum RequestDecision
{
    /// <summary>No decision yet (<c>requests_decision_not_made</c>).</summary>
    NotMade,
    ToAssess,
    NotToAssess,
    Withdrawn,
}

/// <summary>What became of an EHC needs assessment, as the DfE's assessments table counts it.</summary>
public enum AssessmentResult
{
    /// <summary>No outcome yet, or a decision to issue with the plan not issued yet (<c>assess_not_made</c>).</summary>
    NotMade,
    PlanIssued,
    PlanNotIssued,
    Withdrawn,
}

/// <summary>
/// Reads a request's and an assessment's outcome from the records first (an assessment exists, a plan was
/// issued) and from the outcome codes only where the records cannot tell: an agreement to assess not entered
/// yet, a withdrawal, a decision not to issue. The codes are those of the DfE's SEN2 technical specification; until the project's versioned code
/// list is merged, the ones below are this module's assumption and the one place to align.
/// </summary>
public static class Sen2Outcomes
{
    // ASSUMED codes (requestoutcome, assessmentoutcome): align with the SEN2 code list when it is merged.
    public const string RequestToAssessCode = "A";
    public const string RequestWithdrawnCode = "W";
    public const string AssessmentNotToIssueCode = "N";
    public const string AssessmentWithdrawnCode = "W";

    public static RequestDecision Decision(Sen2Request request)
    {
        if (request.Assessments.Count > 0) return RequestDecision.ToAssess;
        if (Is(request.Outcome, RequestWithdrawnCode)) return RequestDecision.Withdrawn;
        // Agreed, with the assessment not entered yet.
        if (Is(request.Outcome, RequestToAssessCode)) return RequestDecision.ToAssess;
        // Any other decision with no assessment behind it is a refusal (a blank code with a date is a query).
        return request.OutcomeDate is null && string.IsNullOrWhiteSpace(request.Outcome)
            ? RequestDecision.NotMade
            : RequestDecision.NotToAssess;
    }

    public static AssessmentResult Result(Sen2Assessment assessment)
    {
        if (assessment.Plans.Any(p => p.IssuedDate is not null)) return AssessmentResult.PlanIssued;
        if (Is(assessment.Outcome, AssessmentWithdrawnCode)) return AssessmentResult.Withdrawn;
        if (Is(assessment.Outcome, AssessmentNotToIssueCode)) return AssessmentResult.PlanNotIssued;
        // A decision to issue whose plan is not out yet is still outstanding for the person waiting for it.
        return AssessmentResult.NotMade;
    }

    private static bool Is(string? value, string code) =>
        value is not null && value.Trim().Equals(code, StringComparison.OrdinalIgnoreCase);
}
