namespace SendPipeline.Core.Register;

// The LA's EHC plan register as an accepted sen2 return states it (spec 2, sen2): each person's requests
// for assessment, the assessments, the plans issued from them and the plans active now. It is the typed
// form the register's figures, the checks across returns and the star are built from; the validator
// builds it from the canonical extract. Names and postcodes are not here at all, and the date of birth is
// held only to work out an age on a date: nothing built from the register may publish it.
// Each record keeps its row in its own module (the spreadsheet row, header = 1) so a data-quality issue
// can point an officer at it.

/// <summary>One accepted extract: every person in it, as at its reference date.</summary>
public sealed record Sen2Register(DateOnly ReferenceDate, string LaCode, IReadOnlyList<Sen2Person> People);

/// <summary>A person of the <c>person</c> module; <see cref="PersonId"/> is the extract's persontableid.</summary>
public sealed record Sen2Person(
    string PersonId, string? Upn, string? Uln, DateOnly? BirthDate, string? Sex, int Row,
    IReadOnlyList<Sen2Request> Requests);

/// <summary>A request for an EHC needs assessment (<c>requests</c>), with what followed from it.</summary>
public sealed record Sen2Request(
    string RequestId, DateOnly ReceivedDate, string? RequestSource, bool Rya, DateOnly? OutcomeDate, string? Outcome,
    bool Mediation, bool Tribunal, int Row,
    IReadOnlyList<Sen2Assessment> Assessments, IReadOnlyList<Sen2ActivePlan> ActivePlans);

/// <summary>
/// An EHC needs assessment (<c>assessment</c>). <see cref="Week20Exception"/> is the spec's <c>week20</c>
/// item as the DfE uses it in <c>timeliness_20_week</c>: true when an exception to the 20-week limit applied.
/// </summary>
public sealed record Sen2Assessment(
    string AssessmentId, string? Outcome, DateOnly? OutcomeDate, bool Mediation, bool Tribunal, bool? Week20Exception,
    int Row, IReadOnlyList<Sen2NamedPlan> Plans);

/// <summary>A plan issued (<c>namedplan</c>): <see cref="IssuedDate"/> is the module's startdate.</summary>
public sealed record Sen2NamedPlan(
    string PlanId, DateOnly? IssuedDate, DateOnly? CeaseDate, string? CeaseReason, int Row,
    IReadOnlyList<Sen2Setting> Settings)
{
    public bool CeasedOn(DateOnly date) => CeaseDate is { } ceased && ceased <= date;
}

/// <summary>A plan active at the reference date (<c>activeplans</c>), its placements and its needs.</summary>
public sealed record Sen2ActivePlan(
    string ActivePlanId, string? TransferLa, DateOnly? ReviewMeeting, string? ReviewOutcome, DateOnly? LastReview,
    DateOnly? PhaseTransferDueDate, int Row, IReadOnlyList<Sen2Setting> Placements, IReadOnlyList<Sen2Need> Needs);

/// <summary>
/// A setting named in a plan (<c>plandetail</c>) or a placement of an active plan (<c>placementdetail</c>,
/// which alone has entry and leaving dates). <see cref="SenSetting"/> is the code used when there is no URN
/// or UKPRN (OLA, EHE, NEET …).
/// </summary>
public sealed record Sen2Setting(
    string? Urn, string? Ukprn, string? SenSetting, int? PlacementRank, bool SenUnit, bool ResourcedProvision,
    DateOnly? EntryDate, DateOnly? LeavingDate, int Row)
{
    public bool CurrentOn(DateOnly date) =>
        (EntryDate is null || EntryDate <= date) && (LeavingDate is null || LeavingDate >= date);
}

/// <summary>A need of an active plan (<c>senneed</c>): a code of spec 4.3 and its rank, 1 the main need.</summary>
public sealed record Sen2Need(string SenType, int Rank, int Row);
