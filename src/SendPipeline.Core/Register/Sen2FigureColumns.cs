namespace SendPipeline.Core.Register;

/// <summary>
/// One output column of a figures table: its name and how a row gives its value (text, a count, a percentage
/// or a date).
/// </summary>
public sealed record FigureColumn<TRow>(string Name, Func<TRow, object?> Value);

/// <summary>
/// The one home of the figures tables' column names. Where the DfE publishes the figure, the column has the
/// DfE's name exactly as its files spell it (<c>PC_plans_issued_20_weeks_ex</c>,
/// <c>number_asssess_mediation_tribunal</c>), so the register's figures and the published ones line up column by
/// column; the other columns follow its style.
/// Percentages are rounded to one decimal place as the DfE rounds them, and are blank when nothing was counted.
/// </summary>
public static class Sen2FigureColumns
{
    public const string TimePeriod = "time_period", TimeIdentifier = "time_identifier", OldLaCode = "old_la_code";

    public static IReadOnlyList<FigureColumn<RequestFigures>> Requests(string laCode) =>
    [
        .. Keys<RequestFigures>(laCode, r => r.Period),
        new("requests_received_in_year", r => r.Received),
        new("requests_rya", r => r.Rya),
        new("requests_decided_to_assess", r => r.DecidedToAssess),
        new("requests_decided_not_to_assess", r => r.DecidedNotToAssess),
        new("requests_decision_not_made", r => r.DecisionNotMade),
        new("requests_withdrawn", r => r.Withdrawn),
        new("request_assess_pc", r => Pc(r.DecidedToAssess, r.Received)),
        new("request_not_assess_pc", r => Pc(r.DecidedNotToAssess, r.Received)),
        new("request_outstanding_pc", r => Pc(r.DecisionNotMade, r.Received)),
        new("request_withdrawn_pc", r => Pc(r.Withdrawn, r.Received)),
        new("request_outcome_six_weeks", r => r.DecidedWithinSixWeeks),
        new("request_outcome_over_6_weeks", r => r.DecidedAfterSixWeeks),
        new("request_outcome_six_weeks_pc", r => Pc(r.DecidedWithinSixWeeks, Decided(r))),
        new("request_outcome_over_6_weeks_pc", r => Pc(r.DecidedAfterSixWeeks, Decided(r))),
        new("mediation_related_request", r => r.Mediation),
        new("tribunal_related_request", r => r.Tribunal),
        new("tribunal_after_mediation_request", r => r.TribunalAfterMediation),
    ];

    public static IReadOnlyList<FigureColumn<AssessmentFigures>> Assessments(string laCode) =>
    [
        .. Keys<AssessmentFigures>(laCode, r => r.Period),
        new("assess_in_year", r => r.Assessments),
        new("assess_issued", r => r.PlanIssued),
        new("assess_issued_pc", r => Pc(r.PlanIssued, Decided(r))),
        new("assess_not_issued", r => r.PlanNotIssued),
        new("assess_not_issued_pc", r => Pc(r.PlanNotIssued, Decided(r))),
        new("assess_not_made", r => r.DecisionNotMade),
        new("assess_not_made_pc", r => Pc(r.DecisionNotMade, r.Assessments)),
        new("assess_withdrawn", r => r.Withdrawn),
        new("assess_withdrawn_pc", r => Pc(r.Withdrawn, Decided(r))),
        new("outcome_decision_within_time", r => r.NotToIssueWithinSixteenWeeks),
        new("outcome_decision_over_time", r => r.NotToIssueAfterSixteenWeeks),
        new("outcome_decision_within_time_pc", r => Pc(r.NotToIssueWithinSixteenWeeks, r.PlanNotIssued)),
        new("outcome_decision_over_time_pc", r => Pc(r.NotToIssueAfterSixteenWeeks, r.PlanNotIssued)),
        new("number_assess_mediation", r => r.Mediation),
        new("number_assess_tribunal", r => r.Tribunal),
        new("number_asssess_mediation_tribunal", r => r.TribunalAfterMediation),
    ];

    public static IReadOnlyList<FigureColumn<TimelinessFigures>> Timeliness(string laCode) =>
    [
        .. Keys<TimelinessFigures>(laCode, r => r.Period),
        new("plans_issued_den", r => r.Issued),
        new("plans_issued_den_ex", r => r.IssuedNoException),
        new("plans_issued_within_20_weeks", r => r.WithinTwentyWeeks),
        new("plans_issued_20_weeks_ex", r => r.NoExceptionWithinTwentyWeeks),
        new("pc_plans_issued_within_20_weeks", r => Pc(r.WithinTwentyWeeks, r.Issued)),
        new("PC_plans_issued_20_weeks_ex", r => Pc(r.NoExceptionWithinTwentyWeeks, r.IssuedNoException)),
        new("plans_issued_gt20weeks_ltYear", r => r.TwentyToFiftyTwoWeeks),
        new("plans_issued_gt20weeks_ltYear_ex", r => r.NoExceptionTwentyToFiftyTwoWeeks),
        new("pc_plans_issued_gt20weeks_ltYear", r => Pc(r.TwentyToFiftyTwoWeeks, r.Issued)),
        new("PC_plans_issued_gt20weeks_ltYear_ex", r => Pc(r.NoExceptionTwentyToFiftyTwoWeeks, r.IssuedNoException)),
        new("plans_issued_gt_1_year", r => r.OverFiftyTwoWeeks),
        new("plans_issued_gt_1_year_ex", r => r.NoExceptionOverFiftyTwoWeeks),
        new("pc_plans_issued_gt_1_year", r => Pc(r.OverFiftyTwoWeeks, r.Issued)),
        new("PC_plans_issued_gt_1_year_ex", r => Pc(r.NoExceptionOverFiftyTwoWeeks, r.IssuedNoException)),
    ];

    /// <summary>
    /// The DfE's reason columns. Its guidance describes <c>not_rec</c> as "ceased for other reasons" and
    /// <c>other</c> as "reason is not recorded", but its figures (England 2022: other 2,193, not_rec 5) only
    /// make sense the way the names read, so reason 9 (other) is counted in <c>other</c> and a blank or
    /// unknown reason in <c>not_rec</c>.
    /// </summary>
    public static IReadOnlyList<FigureColumn<CeasedFigures>> Ceased(string laCode) =>
    [
        .. Keys<CeasedFigures>(laCode, r => r.Period),
        new("max_age", r => r.MaximumAge),
        new("needs_met", r => r.NeedsMet),
        new("he", r => r.HigherEducation),
        new("employ", r => r.Employment),
        new("transfer", r => r.Transferred),
        new("no_engage", r => r.NoLongerEngaging),
        new("moved_outside_eng", r => r.MovedOutsideEngland),
        new("deceased", r => r.Deceased),
        new("not_rec", r => r.NotRecorded),
        new("other", r => r.OtherReason),
        new("total_ceased", r => r.Total),
    ];

    public static IReadOnlyList<FigureColumn<ReviewFigures>> Reviews(string laCode) =>
    [
        .. Keys<ReviewFigures>(laCode, r => r.Period),
        new("reviews_held", r => r.Held),
        new("reviews_within_12_months", r => r.WithinTwelveMonths),
        new("reviews_over_12_months", r => r.AfterTwelveMonths),
        new("reviews_no_earlier_date", r => r.NoEarlierDate),
        new("pc_reviews_within_12_months", r => Pc(r.WithinTwelveMonths, r.WithinTwelveMonths + r.AfterTwelveMonths)),
    ];

    public static IReadOnlyList<FigureColumn<ActivePlanCount>> ActivePlans(string laCode) =>
    [
        new("census_date", r => r.CensusDate),
        new(OldLaCode, _ => laCode),
        new("breakdown_topic", r => r.BreakdownTopic),
        new("breakdown", r => r.Breakdown),
        new("ehcplans", r => r.Plans),
    ];

    /// <summary>For the dashboard: requests waiting past 20 weeks, by request id only.</summary>
    public static IReadOnlyList<FigureColumn<OverdueRequest>> Overdue { get; } =
    [
        new("request_id", r => r.RequestId),
        new("received_date", r => r.ReceivedDate),
        new("days_waiting", r => r.DaysWaiting),
        new("weeks_waiting", r => r.WeeksWaiting),
        new("stage", r => r.Stage),
        new("week20_exception", r => r.Week20Exception),
    ];

    /// <summary>
    /// The register's calendar-year figures beside the DfE's published ones (<see cref="PublishedEhcpFigures.Beside"/>):
    /// the DfE file and column a figure comes from, both values and register less published.
    /// </summary>
    public static IReadOnlyList<FigureColumn<FigureComparison>> Comparison { get; } =
    [
        new("dfe_table", c => c.Table),
        new(TimePeriod, c => c.TimePeriod),
        new("figure", c => c.Column),
        new("register", c => AsFigure(c, c.Register)),
        new("published", c => AsFigure(c, c.Published)),
        new("difference", c => AsFigure(c, c.Difference)),
    ];

    /// <summary>A count as a whole number and a percentage (the DfE's <c>pc</c> columns) to one decimal place.</summary>
    private static object? AsFigure(FigureComparison comparison, decimal? value) =>
        value is not { } v ? null
        : comparison.Column.Contains("pc", StringComparison.OrdinalIgnoreCase) ? v : (object)(long)Math.Round(v);

    /// <summary>
    /// A percentage to one decimal place, as the DfE publishes it; null when there is nothing to divide by.
    /// </summary>
    public static decimal? Pc(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static int Decided(AssessmentFigures r) => r.Assessments - r.DecisionNotMade;

    private static int Decided(RequestFigures r) => r.DecidedWithinSixWeeks + r.DecidedAfterSixWeeks;

    private static FigureColumn<TRow>[] Keys<TRow>(string laCode, Func<TRow, Sen2Period> period) =>
    [
        new(TimePeriod, r => period(r).TimePeriod),
        new(TimeIdentifier, r => period(r).TimeIdentifier),
        new(OldLaCode, _ => laCode),
    ];
}
