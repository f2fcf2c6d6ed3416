using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Register;

/// <summary>
/// Builds the register's figures (spec 2 sen2, "Derived from it") from one accepted extract, as the DfE's
/// EHC plan statistics count them, per calendar year and per month:
/// <list type="bullet">
/// <item>requests by the date received; decided within 6 weeks when the request's outcome date is at most
/// 42 days after it was received;</item>
/// <item>assessments by the date their request was received (the DfE's assessments follow its requests: for
/// Leicestershire in 2022, 1,199 requests less 480 refused is about its 721 assessments); a decision not to
/// issue is within time at most 16 weeks (112 days) after the request;</item>
/// <item>plans by the date issued (the namedplan <c>startdate</c>), each request's first plan only; within
/// 20 weeks when at most 140 days after the request was received, over 52 weeks when more than 364;</item>
/// <item>ceased plans by the cease date; annual reviews by the meeting date, in time when held at most 12
/// calendar months after the review before it (<c>lastreview</c>) or, for a first review, the plan's issue;</item>
/// <item>plans in force on each census date: issued on or before it and not ceased by it.</item>
/// </list>
/// Events after the reference date cannot have happened yet and are not counted. The month and the year of
/// the reference date are counted to that date only.
/// </summary>
public static class Sen2FiguresBuilder
{
    public const int SixWeeksDays = 42, SixteenWeeksDays = 112, TwentyWeeksDays = 140, FiftyTwoWeeksDays = 364;
    public const string NotRecorded = "Not recorded";
    public const string TotalTopic = "Total", AgeTopic = "Age", NeedTopic = "Primary need", SettingTopic = "Setting";

    /// <param name="censusDates">The dates to count plans in force on; by default every census day of the
    /// reference date's year and the four before it, up to the reference date.</param>
    public static Sen2Figures Build(Sen2Register register, IReadOnlyList<DateOnly>? censusDates = null)
    {
        var reference = register.ReferenceDate;
        var cases = register.People.SelectMany(p => p.Requests.Select(r => new Case(p, r))).ToList();
        var periods = Periods(cases, reference);
        var dates = (censusDates ?? CensusDatesBefore(reference, 4)).Where(d => d <= reference).Distinct().Order()
            .ToList();
        // Found once, not once per census day: a register has thousands of plans and five years of census days.
        var issued = cases.Select(c => (Case: c, First: FirstIssued(c.Request)))
            .Where(c => c.First is not null)
            .Select(c => new IssuedCase(c.Case, c.First!.Value.Plan, PrimaryNeed(c.Case.Request))).ToList();
        return new Sen2Figures(
            reference, register.LaCode,
            Requests(cases, periods, reference), Assessments(cases, periods, reference),
            Timeliness(cases, periods, reference), Ceased(cases, periods, reference),
            Reviews(cases, periods, reference),
            dates.SelectMany(d => InForce(issued, d)).ToList(), Overdue(cases, reference));
    }

    /// <summary>A request whose plan was issued, with what does not change from one census day to the next.</summary>
    private sealed record IssuedCase(Case Case, Sen2NamedPlan Plan, string PrimaryNeed);

    /// <summary>
    /// The census days (spec 1: January, May, October) of the reference year and the years before it, up to it.
    /// </summary>
    public static IReadOnlyList<DateOnly> CensusDatesBefore(DateOnly reference, int yearsBefore) =>
        Enumerable.Range(reference.Year - yearsBefore, yearsBefore + 1)
            .SelectMany(y => new[]
                { CensusDays.NthThursday(y, 1, 3), CensusDays.NthThursday(y, 5, 3), CensusDays.NthThursday(y, 10, 1) })
            .Where(d => d <= reference).Order().ToList();

    /// <summary>The DfE's age bands (<c>sen2_age_caseload.csv</c>), for an age in whole years.</summary>
    public static string AgeBand(int age) => age switch
    {
        < 5 => "Under 5",
        <= 10 => "Age 5 to 10",
        <= 15 => "Age 11 to 15",
        <= 19 => "Age 16 to 19",
        <= 25 => "Age 20 to 25",
        _ => "Over 25",
    };

    /// <summary>Age in whole years on a date: a birthday on the date itself counts.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);

    private static List<RequestFigures> Requests(
        List<Case> cases, IReadOnlyList<Sen2Period> periods, DateOnly reference)
    {
        var tally = new Tally(periods, 11);
        foreach (var (_, r) in cases)
        {
            if (r.ReceivedDate > reference) continue;
            var decision = Sen2Outcomes.Decision(r);
            var counts = new List<int> { 0 };
            if (r.Rya) counts.Add(1);
            counts.Add(decision switch
            {
                RequestDecision.ToAssess => 2,
                RequestDecision.NotToAssess => 3,
                RequestDecision.NotMade => 4,
                _ => 5,
            });
            if (DecidedWithinSixWeeks(r) is { } inTime) counts.Add(inTime ? 6 : 7);
            if (r.Mediation) counts.Add(8);
            if (r.Tribunal) counts.Add(9);
            if (r.Mediation && r.Tribunal) counts.Add(10);
            tally.Add(r.ReceivedDate, counts);
        }
        return tally.Rows((p, c) =>
            new RequestFigures(p, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]));
    }

    private static List<AssessmentFigures> Assessments(
        List<Case> cases, IReadOnlyList<Sen2Period> periods, DateOnly reference)
    {
        var tally = new Tally(periods, 10);
        foreach (var (_, r) in cases)
        {
            if (r.ReceivedDate > reference) continue;
            foreach (var a in r.Assessments)
            {
                var result = Sen2Outcomes.Result(a);
                var counts = new List<int> { 0 };
                counts.Add(result switch
                {
                    AssessmentResult.PlanIssued => 1,
                    AssessmentResult.PlanNotIssued => 2,
                    AssessmentResult.NotMade => 3,
                    _ => 4,
                });
                if (result == AssessmentResult.PlanNotIssued && a.OutcomeDate is { } decided)
                    counts.Add(Days(r.ReceivedDate, decided) <= SixteenWeeksDays ? 5 : 6);
                if (a.Mediation) counts.Add(7);
                if (a.Tribunal) counts.Add(8);
                if (a.Mediation && a.Tribunal) counts.Add(9);
                tally.Add(r.ReceivedDate, counts);
            }
        }
        return tally.Rows((p, c) =>
            new AssessmentFigures(p, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]));
    }

    private static List<TimelinessFigures> Timeliness(
        List<Case> cases, IReadOnlyList<Sen2Period> periods, DateOnly reference)
    {
        var tally = new Tally(periods, 8);
        foreach (var (_, r) in cases)
        {
            var issued = FirstIssued(r);
            if (issued is not { Plan.IssuedDate: { } date } || date > reference) continue;
            var days = Days(r.ReceivedDate, date);
            var band = days <= TwentyWeeksDays ? 1 : days <= FiftyTwoWeeksDays ? 2 : 3;
            List<int> counts = [0, band];
            if (issued.Value.Assessment.Week20Exception != true) counts.AddRange([4, 4 + band]);
            tally.Add(date, counts);
        }
        return tally.Rows((p, c) => new TimelinessFigures(p, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
    }

    private static List<CeasedFigures> Ceased(List<Case> cases, IReadOnlyList<Sen2Period> periods, DateOnly reference)
    {
        var tally = new Tally(periods, 10);
        foreach (var plan in cases.SelectMany(c => c.Request.Assessments).SelectMany(a => a.Plans))
        {
            if (plan.CeaseDate is not { } ceased || ceased > reference) continue;
            // Reasons 1-9 of spec 2 sit in columns 0-8; a blank or unknown reason is "not recorded".
            var reason = int.TryParse(plan.CeaseReason?.Trim(), out var code) && code is >= 1 and <= 9 ? code - 1 : 9;
            tally.Add(ceased, [reason]);
        }
        return tally.Rows((p, c) => new CeasedFigures(p, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]));
    }

    private static List<ReviewFigures> Reviews(List<Case> cases, IReadOnlyList<Sen2Period> periods, DateOnly reference)
    {
        var tally = new Tally(periods, 4);
        foreach (var (_, r) in cases)
        {
            foreach (var active in r.ActivePlans)
            {
                if (active.ReviewMeeting is not { } held || held > reference) continue;
                var outcome = ReviewInTime(r, active) switch { null => 3, true => 1, false => 2 };
                tally.Add(held, [0, outcome]);
            }
        }
        return tally.Rows((p, c) => new ReviewFigures(p, c[0], c[1], c[2], c[3]));
    }

    private static IEnumerable<ActivePlanCount> InForce(List<IssuedCase> issued, DateOnly date)
    {
        var inForce = issued.Where(c => c.Plan.IssuedDate <= date && !c.Plan.CeasedOn(date)).ToList();
        var rows = new List<ActivePlanCount> { new(date, TotalTopic, TotalTopic, inForce.Count) };
        rows.AddRange(Count(date, AgeTopic, inForce.Select(c => c.Case.Person.BirthDate is { } birth
            ? AgeBand(AgeOn(birth, date)) : NotRecorded), AgeOrder));
        rows.AddRange(Count(date, NeedTopic, inForce.Select(c => c.PrimaryNeed), s => s));
        rows.AddRange(Count(date, SettingTopic, inForce.Select(c => Setting(c.Case.Request, date)), s => s));
        return rows;
    }

    private static IEnumerable<ActivePlanCount> Count(
        DateOnly date, string topic, IEnumerable<string> values, Func<string, string> order) =>
        values.GroupBy(v => v).OrderBy(g => order(g.Key), StringComparer.Ordinal)
            .Select(g => new ActivePlanCount(date, topic, g.Key, g.Count()));

    // Bands sort by their lower age; the two words outside the bands last.
    private static string AgeOrder(string band) => band switch
    {
        "Under 5" => "00",
        "Age 5 to 10" => "05",
        "Age 11 to 15" => "11",
        "Age 16 to 19" => "16",
        "Age 20 to 25" => "20",
        "Over 25" => "26",
        _ => "99",
    };

    private static string PrimaryNeed(Sen2Request request) =>
        request.ActivePlans.SelectMany(a => a.Needs).Where(n => n.Rank == 1)
            .Select(n => n.SenType.Trim().ToUpperInvariant())
            .FirstOrDefault() ?? NotRecorded;

    /// <summary>The main placement the active plan records on the date, else the main setting the plan names.</summary>
    public static Sen2Setting? MainSetting(Sen2Request request, DateOnly date)
    {
        var placed = request.ActivePlans.SelectMany(a => a.Placements).Where(s => s.CurrentOn(date));
        var named = request.Assessments.SelectMany(a => a.Plans).SelectMany(p => p.Settings);
        return placed.OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault()
            ?? named.OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault();
    }

    private static string Setting(Sen2Request request, DateOnly date)
    {
        var setting = MainSetting(request, date);
        if (setting is null) return NotRecorded;
        return Blank(setting.Urn) ?? Blank(setting.Ukprn) ?? Blank(setting.SenSetting)?.ToUpperInvariant()
            ?? NotRecorded;
    }

    private static List<OverdueRequest> Overdue(List<Case> cases, DateOnly reference)
    {
        var overdue = new List<OverdueRequest>();
        foreach (var (_, r) in cases)
        {
            var decision = Sen2Outcomes.Decision(r);
            if (decision is RequestDecision.NotToAssess or RequestDecision.Withdrawn) continue;
            if (FirstIssued(r) is not null) continue;
            var results = r.Assessments.Select(Sen2Outcomes.Result).ToList();
            if (results.Any(x => x is AssessmentResult.PlanNotIssued or AssessmentResult.Withdrawn)) continue;
            var days = Days(r.ReceivedDate, reference);
            if (days <= TwentyWeeksDays) continue;
            var stage = decision == RequestDecision.NotMade ? "awaiting the decision to assess"
                : r.Assessments.Any(a => a.OutcomeDate is not null) ? "decided to issue, plan not issued"
                : "being assessed";
            var exception = r.Assessments.Any(a => a.Week20Exception == true);
            overdue.Add(new OverdueRequest(r.RequestId, r.ReceivedDate, days, stage, exception));
        }
        return overdue.OrderByDescending(o => o.DaysWaiting).ThenBy(o => o.RequestId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every year and month from the first event on the register to the reference date.</summary>
    private static IReadOnlyList<Sen2Period> Periods(List<Case> cases, DateOnly reference)
    {
        var dates = cases.SelectMany(c => EventDates(c.Request)).Where(d => d <= reference).ToList();
        return dates.Count == 0 ? [] : Sen2Period.Span(dates.Min(), reference);
    }

    private static IEnumerable<DateOnly> EventDates(Sen2Request r)
    {
        yield return r.ReceivedDate;
        foreach (var plan in r.Assessments.SelectMany(a => a.Plans))
        {
            if (plan.IssuedDate is { } issued) yield return issued;
            if (plan.CeaseDate is { } ceased) yield return ceased;
        }
        foreach (var active in r.ActivePlans)
            if (active.ReviewMeeting is { } held) yield return held;
    }

    /// <summary>True when the request was decided (to assess or not) within 6 weeks; null while undecided or withdrawn.</summary>
    public static bool? DecidedWithinSixWeeks(Sen2Request r) =>
        Sen2Outcomes.Decision(r) is RequestDecision.ToAssess or RequestDecision.NotToAssess && r.OutcomeDate is { } decided
            ? Days(r.ReceivedDate, decided) <= SixWeeksDays : null;

    /// <summary>
    /// Whether the plan's latest review meeting came within 12 months of the review before it (or of the plan's
    /// issue, for a first review); null with no meeting, or nothing to count from.
    /// </summary>
    public static bool? ReviewInTime(Sen2Request r, Sen2ActivePlan active) =>
        active.ReviewMeeting is { } held && (active.LastReview ?? FirstIssued(r)?.Plan.IssuedDate) is { } from
            ? held <= from.AddMonths(12) : null;

    /// <summary>The first plan issued from the request's assessments: the one the 20-week measure times.</summary>
    public static (Sen2Assessment Assessment, Sen2NamedPlan Plan)? FirstIssued(Sen2Request request) =>
        request.Assessments.SelectMany(a => a.Plans.Where(p => p.IssuedDate is not null).Select(p => (a, p)))
            .OrderBy(x => x.p.IssuedDate).Select(x => ((Sen2Assessment, Sen2NamedPlan)?)x).FirstOrDefault();

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private readonly record struct Case(Sen2Person Person, Sen2Request Request);

    /// <summary>Counters per period: an event adds one to each of its counters in its year and in its month.</summary>
    private sealed class Tally(IReadOnlyList<Sen2Period> periods, int counters)
    {
        private readonly Dictionary<Sen2Period, int[]> _counts = periods.ToDictionary(p => p, _ => new int[counters]);

        public void Add(DateOnly date, IEnumerable<int> counterIndexes)
        {
            var indexes = counterIndexes.ToList();
            foreach (var period in Sen2Period.Of(date))
                if (_counts.TryGetValue(period, out var counts))
                    foreach (var i in indexes) counts[i]++;
        }

        public List<T> Rows<T>(Func<Sen2Period, int[], T> row) => periods.Select(p => row(p, _counts[p])).ToList();
    }
}
