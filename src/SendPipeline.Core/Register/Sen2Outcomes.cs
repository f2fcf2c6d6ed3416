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
    // The codes of the SEN2 code list (Returns/Sen2/sen2-codes-2024.csv); requestoutcome and assessmentoutcome
    // are marked there as not yet confirmed against the DfE's table, so the figures lean on the records
    // (an assessment behind a request, a plan behind an assessment) before they read a code.
    public const string RequestToAssessCode = "A";
    public const string RequestNotToAssessCode = "B";
    public const string RequestWithdrawnCode = "C";
    public const string AssessmentToIssueCode = "Y";
    public const string AssessmentNotToIssueCode = "N";
    public const string AssessmentWithdrawnCode = "W";

    /// <summary>The list's other withdrawn code: withdrawn or ceased before the decision to issue.</summary>
    public const string AssessmentCeasedCode = "A";

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
        if (Is(assessment.Outcome, AssessmentWithdrawnCode) || Is(assessment.Outcome, AssessmentCeasedCode))
            return AssessmentResult.Withdrawn;
        if (Is(assessment.Outcome, AssessmentNotToIssueCode)) return AssessmentResult.PlanNotIssued;
        // A decision to issue whose plan is not out yet is still outstanding for the person waiting for it.
        return AssessmentResult.NotMade;
    }

    private static bool Is(string? value, string code) =>
        value is not null && value.Trim().Equals(code, StringComparison.OrdinalIgnoreCase);
}
