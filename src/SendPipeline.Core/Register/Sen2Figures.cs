namespace SendPipeline.Core.Register;

// The register's figures (issue 18, item 3; spec 2 sen2, "Derived from it"), one record per row of each table.
// Counts only: no person identifier is in any of them, and the overdue list names requests by the extract's
// request id alone. Each table's columns, with the DfE's own names where the DfE publishes the figure, are in
// Sen2FigureColumns; the rules for what is counted where are in Sen2FiguresBuilder.

/// <summary>Requests for an EHC needs assessment received in the period (DfE <c>requests.csv</c>).</summary>
public sealed record RequestFigures(
    Sen2Period Period, int Received, int Rya, int DecidedToAssess, int DecidedNotToAssess, int DecisionNotMade,
    int Withdrawn, int DecidedWithinSixWeeks, int DecidedAfterSixWeeks, int Mediation, int Tribunal,
    int TribunalAfterMediation);

/// <summary>EHC needs assessments of requests received in the period (DfE <c>assessments.csv</c>).</summary>
public sealed record AssessmentFigures(
    Sen2Period Period, int Assessments, int PlanIssued, int PlanNotIssued, int DecisionNotMade, int Withdrawn,
    int NotToIssueWithinSixteenWeeks, int NotToIssueAfterSixteenWeeks, int Mediation, int Tribunal,
    int TribunalAfterMediation);

/// <summary>
/// Plans issued in the period and how long after the request (DfE <c>timeliness_20_week.csv</c>): the
/// <c>_ex</c> counts leave out plans whose assessment has the 20-week exception flagged (<c>week20</c>).
/// </summary>
public sealed record TimelinessFigures(
    Sen2Period Period, int Issued, int WithinTwentyWeeks, int TwentyToFiftyTwoWeeks, int OverFiftyTwoWeeks,
    int IssuedNoException, int NoExceptionWithinTwentyWeeks, int NoExceptionTwentyToFiftyTwoWeeks,
    int NoExceptionOverFiftyTwoWeeks);

/// <summary>Plans ceased in the period, by the reason recorded (DfE <c>ceased_plans.csv</c>).</summary>
public sealed record CeasedFigures(
    Sen2Period Period, int MaximumAge, int NeedsMet, int HigherEducation, int Employment, int Transferred,
    int NoLongerEngaging, int MovedOutsideEngland, int Deceased, int OtherReason, int NotRecorded)
{
    public int Total => MaximumAge + NeedsMet + HigherEducation + Employment + Transferred + NoLongerEngaging
        + MovedOutsideEngland + Deceased + OtherReason + NotRecorded;
}

/// <summary>
/// Annual review meetings held in the period, and whether each was held within 12 months of the one before
/// (or of the plan's issue, for a first review). <see cref="NoEarlierDate"/> counts reviews with neither.
/// </summary>
public sealed record ReviewFigures(
    Sen2Period Period, int Held, int WithinTwelveMonths, int AfterTwelveMonths, int NoEarlierDate);

/// <summary>
/// Plans in force on a census date, in total and by one breakdown: <c>Age</c> (the DfE's bands, age on the
/// census date), <c>Primary need</c> (the rank-1 need) or <c>Setting</c> (URN, UKPRN or the sensetting code).
/// </summary>
public sealed record ActivePlanCount(DateOnly CensusDate, string BreakdownTopic, string Breakdown, int Plans);

/// <summary>
/// A request still waiting for its plan at the reference date, more than 20 weeks after it was received: no
/// plan issued, no decision not to assess or not to issue, not withdrawn. Keyed by the extract's request id.
/// </summary>
public sealed record OverdueRequest(
    string RequestId, DateOnly ReceivedDate, int DaysWaiting, string Stage, bool Week20Exception)
{
    public int WeeksWaiting => DaysWaiting / 7;
}

/// <summary>Every table of the register's figures, as at the extract's reference date.</summary>
public sealed record Sen2Figures(
    DateOnly ReferenceDate,
    string LaCode,
    IReadOnlyList<RequestFigures> Requests,
    IReadOnlyList<AssessmentFigures> Assessments,
    IReadOnlyList<TimelinessFigures> Timeliness,
    IReadOnlyList<CeasedFigures> Ceased,
    IReadOnlyList<ReviewFigures> Reviews,
    IReadOnlyList<ActivePlanCount> ActivePlans,
    IReadOnlyList<OverdueRequest> Overdue)
{
    /// <summary>One month's timeliness and requests together (zeros where nothing happened), as the dashboard and
    /// the DfE return's <c>ehc-timeliness</c> table show them.</summary>
    public TimelinessMonth Month(Sen2Period month)
    {
        var t = Timeliness.FirstOrDefault(x => x.Period == month);
        var r = Requests.FirstOrDefault(x => x.Period == month);
        return new TimelinessMonth(month, t?.Issued ?? 0, t?.WithinTwentyWeeks ?? 0, t?.IssuedNoException ?? 0,
            t?.NoExceptionWithinTwentyWeeks ?? 0, r?.Received ?? 0, r?.DecidedWithinSixWeeks ?? 0, r?.DecisionNotMade ?? 0);
    }
}

/// <summary>One month of the register: plans issued and how many within 20 weeks, and the requests pipeline.</summary>
public sealed record TimelinessMonth(
    Sen2Period Period, int Issued, int WithinTwentyWeeks, int IssuedNoException, int NoExceptionWithinTwentyWeeks,
    int RequestsReceived, int DecidedWithinSixWeeks, int DecisionNotMade)
{
    /// <summary>The DfE's headline: plans issued within 20 weeks, exceptions included, as a share of all issued.</summary>
    public decimal? Rate => Sen2FigureColumns.Pc(WithinTwentyWeeks, Issued);

    public decimal? RateExcludingExceptions => Sen2FigureColumns.Pc(NoExceptionWithinTwentyWeeks, IssuedNoException);
}
