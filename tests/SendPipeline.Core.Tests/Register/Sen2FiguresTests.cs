using SendPipeline.Core.Register;

namespace SendPipeline.Core.Tests.Register;

/// <summary>
/// The register's figures on a small register built by hand. Every expected count below was worked out by
/// hand from the register in <see cref="HandBuilt"/> (the comments beside each person give the day counts), not
/// by running the builder: a change in what is counted where must change a number here.
/// </summary>
public sealed class Sen2FiguresTests
{
    private static readonly DateOnly Reference = new(2024, 3, 31);
    private static readonly DateOnly January2023Census = new(2023, 1, 19), January2024Census = new(2024, 1, 18);

    private static Sen2Figures Figures() =>
        Sen2FiguresBuilder.Build(HandBuilt(), [January2023Census, January2024Census]);

    [Fact]
    public void Requests_CountedInTheYearAndMonthReceived_SixWeeksIs42DaysAtMost()
    {
        var figures = Figures();
        var year = Year(figures.Requests, 2023);

        // 2023: R1, R2, R3 (31 Dec), R6, R7, R8, R10 received; R1, R2, R6, R8 assessed; R3 refused; R7 open;
        // R10 withdrawn.
        Assert.Equal(7, year.Received);
        Assert.Equal((4, 1, 1, 1),
            (year.DecidedToAssess, year.DecidedNotToAssess, year.DecisionNotMade, year.Withdrawn));
        // R1 42 days, R3 5, R6 31, R8 19: within; R2 43 days: over; R7 undecided and R10 withdrawn: neither.
        Assert.Equal((4, 1), (year.DecidedWithinSixWeeks, year.DecidedAfterSixWeeks));
        Assert.Equal(1, year.Mediation);
        // R3 was received on 31 December 2023: in December 2023, not January 2024 (decided in January).
        Assert.Equal(1, Month(figures.Requests, 2023, 12).Received);
        Assert.Equal(2, Month(figures.Requests, 2023, 1).Received);
        Assert.Equal(0, Month(figures.Requests, 2024, 1).Received);
        Assert.Equal(0, Year(figures.Requests, 2024).Received);
    }

    [Fact]
    public void Assessments_FollowTheirRequestsYear()
    {
        var year = Year(Figures().Assessments, 2023);

        // A1, A2 plans issued; A8 not to issue (91 days after R8: within 16 weeks); A6 still being assessed.
        Assert.Equal((4, 2, 1, 1, 0),
            (year.Assessments, year.PlanIssued, year.PlanNotIssued, year.DecisionNotMade, year.Withdrawn));
        Assert.Equal((1, 0), (year.NotToIssueWithinSixteenWeeks, year.NotToIssueAfterSixteenWeeks));
        Assert.Equal(0, Year(Figures().Assessments, 2022).Assessments);
    }

    [Fact]
    public void Timeliness_Exactly140DaysIsWithin20Weeks_AndExceptionsLeaveTheExColumns()
    {
        var figures = Figures();
        var y2023 = Year(figures.Timeliness, 2023);

        // PL1 140 days after R1: within. PL2 141 days, with the week20 exception: 20 to 52 weeks, and not in the
        // _ex counts.
        Assert.Equal((2, 1, 1, 0),
            (y2023.Issued, y2023.WithinTwentyWeeks, y2023.TwentyToFiftyTwoWeeks, y2023.OverFiftyTwoWeeks));
        Assert.Equal((1, 1, 0, 0), (y2023.IssuedNoException, y2023.NoExceptionWithinTwentyWeeks,
            y2023.NoExceptionTwentyToFiftyTwoWeeks, y2023.NoExceptionOverFiftyTwoWeeks));
        // May 2023 holds both; PL4, 458 days after R4, is over 52 weeks in 2020; PL9 (126 days) within in 2021.
        Assert.Equal(2, Month(figures.Timeliness, 2023, 5).Issued);
        Assert.Equal(1, Year(figures.Timeliness, 2020).OverFiftyTwoWeeks);
        Assert.Equal(1, Year(figures.Timeliness, 2021).WithinTwentyWeeks);

        var columns = Sen2FigureColumns.Timeliness("855");
        object? Cell(string name) => columns.Single(c => c.Name == name).Value(y2023);
        Assert.Equal(50.0m, Cell("pc_plans_issued_within_20_weeks"));
        Assert.Equal(100.0m, Cell("PC_plans_issued_20_weeks_ex"));
        Assert.Equal("2023", Cell("time_period"));
        Assert.Equal("Calendar year", Cell("time_identifier"));
    }

    [Fact]
    public void Ceased_ByReason_ABlankReasonIsNotRecorded()
    {
        var figures = Figures();
        var year = Year(figures.Ceased, 2023);

        // PL4 ceased 31 July 2023, reason 6 (no longer engaging); PL5 ceased 31 August 2023 with no reason.
        Assert.Equal((1, 1, 2), (year.NoLongerEngaging, year.NotRecorded, year.Total));
        Assert.Equal(1, Month(figures.Ceased, 2023, 7).NoLongerEngaging);
        Assert.Equal(0, Month(figures.Ceased, 2023, 7).NotRecorded);
        var columns = Sen2FigureColumns.Ceased("855");
        Assert.Equal(1, columns.Single(c => c.Name == "no_engage").Value(year));
        Assert.Equal(1, columns.Single(c => c.Name == "not_rec").Value(year));
    }

    [Fact]
    public void Reviews_TwelveMonthsAndOneDayAfterTheLastIsLate()
    {
        var figures = Figures();

        // AP1 reviewed 20 Mar 2024, under 12 months after PL1 was issued (30 May 2023); AP9 reviewed 29 Feb 2024,
        // 12 months and a day after its last review (28 Feb 2023); AP2 has had no review.
        var year = Year(figures.Reviews, 2024);
        Assert.Equal((2, 1, 1, 0), (year.Held, year.WithinTwelveMonths, year.AfterTwelveMonths, year.NoEarlierDate));
        var february = Month(figures.Reviews, 2024, 2);
        Assert.Equal((1, 0, 1), (february.Held, february.WithinTwelveMonths, february.AfterTwelveMonths));
    }

    [Fact]
    public void InForce_OnEachCensusDate_ByAgeOnThatDateNeedAndSetting()
    {
        var rows = Figures().ActivePlans;
        int Count(DateOnly date, string topic, string breakdown) =>
            rows.SingleOrDefault(r => r.CensusDate == date && r.BreakdownTopic == topic && r.Breakdown == breakdown)
                ?.Plans ?? 0;

        // January 2023: PL4 and PL5 (ceased later that year) and PL9; PL1 and PL2 not issued yet.
        Assert.Equal(3, Count(January2023Census, "Total", "Total"));
        // January 2024: PL1, PL2, PL9. P2 is 5 on the census day itself (born 18 Jan 2019): 5 to 10, not under 5.
        Assert.Equal(3, Count(January2024Census, "Total", "Total"));
        Assert.Equal(2, Count(January2024Census, "Age", "Age 5 to 10"));
        Assert.Equal(1, Count(January2024Census, "Age", "Age 11 to 15"));
        Assert.Equal(0, Count(January2024Census, "Age", "Under 5"));
        Assert.Equal([("ASD", 1), ("SEMH", 1), ("SLCN", 1)],
            rows.Where(r => r.CensusDate == January2024Census && r.BreakdownTopic == "Primary need")
                .Select(r => (r.Breakdown, r.Plans)));
        // PL9's current placement is 100002 (100003 ended in 2021); PL2 has no URN, only its sensetting.
        Assert.Equal([("100001", 1), ("100002", 1), ("EYP", 1)],
            rows.Where(r => r.CensusDate == January2024Census && r.BreakdownTopic == "Setting")
                .Select(r => (r.Breakdown, r.Plans)));
        // A ceased plan has no active-plan record: its need is not recorded, its setting is the one the plan named.
        Assert.Equal(2, Count(January2023Census, "Primary need", "Not recorded"));
        Assert.Equal(1, Count(January2023Census, "Setting", "100004"));
    }

    [Fact]
    public void Overdue_RequestsWaitingMoreThan140DaysWithNoPlanAndNoRefusal()
    {
        // R6: 182 days, being assessed. R7: exactly 140 days, not yet overdue. R3 refused, R8 not to issue,
        // R10 withdrawn.
        var overdue = Assert.Single(Figures().Overdue);
        Assert.Equal(("R6", 182, 26, "being assessed"),
            (overdue.RequestId, overdue.DaysWaiting, overdue.WeeksWaiting, overdue.Stage));
    }

    [Theory]
    [InlineData("A", RequestDecision.ToAssess)]
    [InlineData("B", RequestDecision.NotToAssess)]
    [InlineData(" ", RequestDecision.NotToAssess)]
    [InlineData("C", RequestDecision.Withdrawn)]
    public void ADecidedRequestWithNoAssessmentYet_IsReadFromItsOutcomeCode(string outcome, RequestDecision expected)
    {
        var request = new Sen2Request("R", new(2024, 1, 1), "PA", false, new(2024, 2, 1), outcome, false, false, 2,
            [], []);

        Assert.Equal(expected, Sen2Outcomes.Decision(request));
        var undecided = request with { OutcomeDate = null, Outcome = null };
        Assert.Equal(RequestDecision.NotMade, Sen2Outcomes.Decision(undecided));
    }

    [Fact]
    public void Periods_RunFromTheFirstEventToTheReferenceMonth_YearBeforeItsMonths()
    {
        var periods = Figures().Requests.Select(r => r.Period).ToList();

        Assert.Equal(Sen2Period.CalendarYear(2018), periods[0]);
        Assert.Equal(new Sen2Period(2018, 1), periods[1]);
        Assert.Equal(new Sen2Period(2024, 3), periods[^1]);
        Assert.Equal(periods.Order().ToList(), periods);
        Assert.Equal("March", periods[^1].TimeIdentifier);
    }

    [Fact]
    public void Csv_HasTheColumnNamesAsHeader_AndOneRowPerPeriod()
    {
        var figures = Figures();
        using var stream = new MemoryStream();
        Sen2FigureCsv.Write(stream, Sen2FigureColumns.Timeliness(figures.LaCode), figures.Timeliness);

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("time_period,time_identifier,old_la_code,plans_issued_den,plans_issued_den_ex,", lines[0]);
        Assert.Equal(figures.Timeliness.Count + 1, lines.Length);
        // 2023: 2 issued, 1 without the exception, 1 within 20 weeks, 1 of those without it; 50.0% and 100.0%.
        Assert.Contains("2023,Calendar year,855,2,1,1,1,50.0,100.0,1,0,50.0,0.0,0,0,0.0,0.0", lines);
        // A month with no plan issued has no percentage to show.
        Assert.Contains("2018,February,855,0,0,0,0,,,0,0,,,0,0,,", lines);
    }

    [Fact]
    public void NoOutputCarriesAPersonIdentifier()
    {
        var figures = Figures();
        var la = figures.LaCode;
        var cells = new List<string?>();
        void Add<T>(IEnumerable<T> rows, IReadOnlyList<FigureColumn<T>> columns) =>
            cells.AddRange(rows.SelectMany(r => columns.Select(c => Text(c.Value(r)))));
        Add(figures.Requests, Sen2FigureColumns.Requests(la));
        Add(figures.Assessments, Sen2FigureColumns.Assessments(la));
        Add(figures.Timeliness, Sen2FigureColumns.Timeliness(la));
        Add(figures.Ceased, Sen2FigureColumns.Ceased(la));
        Add(figures.Reviews, Sen2FigureColumns.Reviews(la));
        Add(figures.ActivePlans, Sen2FigureColumns.ActivePlans(la));
        Add(figures.Overdue, Sen2FigureColumns.Overdue);

        Assert.NotEmpty(cells);
        foreach (var person in HandBuilt().People)
        {
            var birth = Text(person.BirthDate!.Value)!;
            Assert.DoesNotContain(cells, c => c is not null && c.Contains(person.Upn!, StringComparison.Ordinal));
            Assert.DoesNotContain(cells, c => c is not null && c.Contains(birth, StringComparison.Ordinal));
            Assert.DoesNotContain(person.PersonId, cells);
        }
    }

    private static string? Text(object? value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    private static T Year<T>(IEnumerable<T> rows, int year) where T : class =>
        rows.Single(r => PeriodOf(r) == Sen2Period.CalendarYear(year));

    private static T Month<T>(IEnumerable<T> rows, int year, int month) where T : class =>
        rows.Single(r => PeriodOf(r) == new Sen2Period(year, month));

    private static Sen2Period PeriodOf(object row) => row switch
    {
        RequestFigures r => r.Period,
        AssessmentFigures a => a.Period,
        TimelinessFigures t => t.Period,
        CeasedFigures c => c.Period,
        ReviewFigures v => v.Period,
        _ => throw new ArgumentException(row.GetType().Name),
    };

    /// <summary>The register the figures above are worked out from, as at 31 March 2024.</summary>
    internal static Sen2Register HandBuilt() => new(Reference, "855",
    [
        // R1 10 Jan 2023, decided 21 Feb (42 days), PL1 issued 30 May 2023: 140 days exactly. Reviewed 20 Mar 2024.
        Person("P1", new(2014, 1, 18), Request("R1", new(2023, 1, 10), new(2023, 2, 21), "A",
            [Assessment("A1", "Y", new(2023, 5, 1), false, Plan("PL1", new(2023, 5, 30)))],
            [Active("AP1", new(2024, 3, 20), null, [Placement("100001", null, new(2019, 9, 1), null)],
                [Need("ASD", 1)])])),
        // R2 10 Jan 2023, decided 22 Feb (43 days), PL2 issued 31 May 2023: 141 days, the week20 exception applied.
        Person("P2", new(2019, 1, 18), Request("R2", new(2023, 1, 10), new(2023, 2, 22), "A",
            [Assessment("A2", "Y", new(2023, 5, 2), true, Plan("PL2", new(2023, 5, 31)))],
            [Active("AP2", null, null, [Placement(null, "EYP", new(2023, 6, 1), null)],
                [Need("ASD", 2), Need("SLCN", 1)])])),
        // R3 31 Dec 2023, refused 5 Jan 2024 (5 days), with mediation.
        Person("P3", new(2010, 6, 1), Request("R3", new(2023, 12, 31), new(2024, 1, 5), "N", [], [], mediation: true)),
        // R4 1 Jun 2019, PL4 issued 1 Sep 2020 (458 days), ceased 31 Jul 2023: reason 6.
        Person("P4", new(2005, 3, 1), Request("R4", new(2019, 6, 1), new(2019, 7, 1), "A",
            [Assessment("A4", "Y", new(2020, 8, 1), false,
                Plan("PL4", new(2020, 9, 1), new(2023, 7, 31), "6", "100004"))], [])),
        // R5 15 Jan 2018, PL5 issued 1 May 2018 (106 days), ceased 31 Aug 2023 with no reason recorded.
        Person("P5", new(2003, 1, 1), Request("R5", new(2018, 1, 15), new(2018, 2, 1), "A",
            [Assessment("A5", "Y", new(2018, 4, 1), false, Plan("PL5", new(2018, 5, 1), new(2023, 8, 31), " "))], [])),
        // R6 1 Oct 2023, decided 1 Nov (31 days), still being assessed at 31 Mar 2024: 182 days waiting.
        Person("P6", new(2016, 2, 2), Request("R6", new(2023, 10, 1), new(2023, 11, 1), "A",
            [Assessment("A6", null, null, false)], [])),
        // R7 12 Nov 2023, no decision yet: 140 days at 31 Mar 2024, so not yet overdue.
        Person("P7", new(2017, 3, 3), Request("R7", new(2023, 11, 12), null, null, [], [])),
        // R8 1 Sep 2023, decided 20 Sep (19 days), not to issue on 1 Dec 2023 (91 days).
        Person("P8", new(2012, 4, 4), Request("R8", new(2023, 9, 1), new(2023, 9, 20), "A",
            [Assessment("A8", "N", new(2023, 12, 1), false)], [])),
        // R9 4 Jan 2021, PL9 issued 10 May 2021 (126 days); last review 28 Feb 2023, next 29 Feb 2024: 12 months
        // and a day.
        Person("P9", new(2008, 9, 1), Request("R9", new(2021, 1, 4), new(2021, 2, 1), "A",
            [Assessment("A9", "Y", new(2021, 4, 1), false, Plan("PL9", new(2021, 5, 10)))],
            [Active("AP9", new(2024, 2, 29), new(2023, 2, 28),
                [Placement("100003", null, new(2016, 9, 1), new(2021, 8, 31)),
                    Placement("100002", null, new(2021, 9, 1), null)],
                [Need("SEMH", 1)])])),
        // R10 1 Mar 2023, withdrawn 10 Mar.
        Person("P10", new(2011, 5, 5), Request("R10", new(2023, 3, 1), new(2023, 3, 10), "C", [], [])),
    ]);

    private static Sen2Person Person(string id, DateOnly birth, Sen2Request request) =>
        new(id, Upn(id), null, birth, "F", 2, [request]);

    // A made-up but well-formed UPN per person, so the privacy test can look for it in the outputs.
    private static string Upn(string id) => "A855200110" + id.PadLeft(3, '0')[^3..];

    private static Sen2Request Request(string id, DateOnly received, DateOnly? decided, string? outcome,
        IReadOnlyList<Sen2Assessment> assessments, IReadOnlyList<Sen2ActivePlan> active, bool mediation = false) =>
        new(id, received, "PA", false, decided, outcome, mediation, false, 2, assessments, active);

    private static Sen2Assessment Assessment(
        string id, string? outcome, DateOnly? date, bool exception, params Sen2NamedPlan[] plans) =>
        new(id, outcome, date, false, false, exception, 2, plans);

    private static Sen2NamedPlan Plan(
        string id, DateOnly issued, DateOnly? ceased = null, string? reason = null, string? urn = null) =>
        new(id, issued, ceased, reason, 2,
            urn is null ? [] : [new Sen2Setting(urn, null, null, 1, false, false, null, null, 2)]);

    private static Sen2ActivePlan Active(string id, DateOnly? review, DateOnly? lastReview,
        IReadOnlyList<Sen2Setting> placements, IReadOnlyList<Sen2Need> needs) =>
        new(id, null, review, null, lastReview, null, 2, placements, needs);

    private static Sen2Setting Placement(string? urn, string? senSetting, DateOnly entry, DateOnly? leaving) =>
        new(urn, null, senSetting, 1, false, false, entry, leaving, 2);

    private static Sen2Need Need(string type, int rank) => new(type, rank, 2);
}
