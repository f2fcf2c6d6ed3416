using System.Globalization;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Placements;
using SendPipeline.SampleData.Pupils;
using Codes = SendPipeline.SampleData.Sen2.Sen2SampleCodes;

namespace SendPipeline.SampleData.Sen2;

/// <summary>
/// Plans the sample LA's EHC plan register as its SEN2 extract states it at the placements' return date.
/// The people with active plans are the census's EHC plan pupils (same UPN, their school's URN as the setting)
/// and the placements' children the census never sees (same UPN or ULN, the provider as the setting); each has
/// the request, assessment and plan that led to it. Ceased plans, refused and withdrawn requests, assessments
/// that ended without a plan and the assessments still going on are added so that about 1,500 requests a year
/// arrive (for 7,000 plans) and plans are issued within 20 weeks at about Leicestershire's own rate.
/// </summary>
internal sealed class Sen2Planner(SampleWorld world, IReadOnlyList<ProviderReturn> placements, Random rng)
{
    /// <summary>Requests a year for an LA of 7,000 EHC plan pupils (the issue's target).</summary>
    public const int RequestsPerYear = 1_500;
    /// <summary>Plans ceased in a year, as Leicestershire's 446 in 2022 (ceased_plans.csv).</summary>
    public const int CeasedPerYear = 446;

    /// <summary>
    /// Leicestershire's (855) plans issued within 20 weeks, timeliness_20_week.csv: 92% in 2019, 80% in 2020, 26.9% in
    /// 2021, 3.8% in 2022. Earlier years take 2019's rate and later years 2022's, the last published.
    /// </summary>
    public static double TwentyWeekRate(int year) =>
        year switch { <= 2019 => 0.92, 2020 => 0.80, 2021 => 0.269, _ => 0.038 };

    private const int SixWeeks = Core.Register.Sen2FiguresBuilder.SixWeeksDays;
    private const int TwentyWeeks = Core.Register.Sen2FiguresBuilder.TwentyWeeksDays;
    private static readonly DateOnly FirstPlans = new(2015, 1, 1);
    private readonly WeightedTable<string> _sources = new(Codes.RequestSources);
    private readonly WeightedTable<string> _ethnicities = new(Codes.Ethnicities);
    // Leicestershire's ceased plans in 2022 by reason (1 max age … 8 deceased), with a few "other" (9).
    private readonly WeightedTable<string> _ceaseReasons =
        new([("1", 40), ("2", 20), ("3", 2), ("4", 1), ("5", 88), ("6", 288), ("7", 4), ("8", 3), ("9", 5)]);

    private DateOnly Reference => world.ReturnDate;
    private double Scale => world.Options.EhcpPupils / 7_000.0;

    public List<SamplePerson> Plan()
    {
        var people = new List<SamplePerson>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var urns = world.Register.Entries.Where(e => e.School is not null && e.Status.IsOpen)
            .GroupBy(e => e.School!.LaEstab)
            .ToDictionary(g => g.Key, g => g.First().Urn.ToString(CultureInfo.InvariantCulture));

        foreach (var file in world.Census)
        {
            if (!urns.TryGetValue(file.School.LaEstab, out var urn)) continue;
            var planned = world.CleanRows(file)
                .Where(p => p.Provision == "E" && p.Dob is not null && p.SenType1 is not null);
            foreach (var pupil in planned)
                if (seen.Add(pupil.Upn)) people.Add(FromCensus(pupil, urn));
        }
        foreach (var provider in placements.Where(p => p.School is null))
            foreach (var row in provider.Rows.Where(r => r.Ehcp && r.HomeLa == world.Options.LaCode))
                if (seen.Add(row.Upn ?? row.Uln ?? "")) people.Add(FromPlacement(provider, row));

        Ceased(people);
        OtherRequests(people);
        foreach (var person in people) Describe(person);
        return people;
    }

    private SamplePerson FromCensus(CensusRecord pupil, string urn)
    {
        var person = new SamplePerson(pupil.Upn, null, pupil.Dob!.Value, pupil.Sex);
        var entry = pupil.EntryDate
            ?? CensusDates.SeptemberStart(CensusDates.AugustBefore(world.Options.CensusDate).Year);
        var setting = new SampleSetting(urn, null, null, pupil.SenUnit == true, pupil.ResourcedProvision == true,
            entry);
        List<string> needs = [pupil.SenType1!];
        if (pupil.SenType2 is { } second && second != pupil.SenType1
            && second != Core.Reference.SenTypes.NoSpecialistAssessment) needs.Add(second);
        DateOnly? due = null, final = null;
        if (NcYear.TryParse(pupil.NcYear, out var year) && year is 6 or 11)
        {
            // Phase transfers are named by 15 February of the year of transfer.
            due = new DateOnly(CensusDates.AugustBefore(Reference).Year + 1, 2, 15);
            if (due <= Reference) final = due.Value.AddDays(-rng.Next(0, 21));
        }
        // The census says the pupil had a plan on census day, so it was issued before then.
        person.Requests.Add(ActivePlan(person.Birth, setting, needs, due, final, world.Options.CensusDate));
        return person;
    }

    private SamplePerson FromPlacement(ProviderReturn provider, PlacementRow row)
    {
        var person = new SamplePerson(row.Upn, row.Uln, row.Dob, rng.NextDouble() < 0.68 ? "M" : "F");
        var id = provider.ProviderId;
        // The LA's own arrangements (home tuition, personal budgets) have no URN or UKPRN of their own: OLA.
        var setting = provider.Kind == ProviderKind.LocalAuthority
            ? new SampleSetting(null, null, "OLA", false, false, row.Start)
            : id.Length == 6 ? new SampleSetting(id, null, null, false, false, row.Start)
            : new SampleSetting(null, id, null, false, false, row.Start);
        person.Requests.Add(ActivePlan(row.Dob, setting, [row.PrimaryNeed], null, null));
        return person;
    }

    /// <summary>The request behind a plan in force now, its assessment, the plan and its annual reviews.</summary>
    private SampleRequest ActivePlan(
        DateOnly birth, SampleSetting setting, IReadOnlyList<string> needs, DateOnly? due, DateOnly? final,
        DateOnly? issuedBefore = null)
    {
        var latest = Reference.AddDays(-14);
        if (issuedBefore is { } before && before <= latest) latest = before.AddDays(-1);
        var earliest = Max(Max(birth.AddYears(2), FirstPlans), Reference.AddYears(-12));
        if (earliest > latest.AddDays(-30)) earliest = latest.AddDays(-30);
        // Skewed to earlier dates: a child's plan is usually some years old, and about 800 a year are new.
        var issued = earliest.AddDays((int)(Math.Pow(rng.NextDouble(), 1.5) * (latest.DayNumber - earliest.DayNumber)));
        var request = IssuedPlan(issued, new SamplePlan(issued, setting) { PersonalBudget = rng.NextDouble() < 0.04 });

        var reviews = new List<DateOnly>();
        for (var last = issued; ;)
        {
            var next = last.AddDays(rng.NextDouble() < 0.8 ? rng.Next(300, 366) : rng.Next(366, 450));
            if (next > Reference) break;
            reviews.Add(next);
            last = next;
        }
        request.Active = new SampleActivePlan(setting, needs)
        {
            ReviewMeeting = reviews.Count > 0 ? reviews[^1] : null,
            LastReview = reviews.Count > 1 ? reviews[^2] : null,
            ReviewOutcome = reviews.Count == 0 ? null
                : rng.NextDouble() < 0.7 ? Codes.ReviewMaintain : Codes.ReviewAmend,
            PhaseTransferDue = due,
            PhaseTransferFinal = final,
        };
        return request;
    }

    /// <summary>
    /// A request that led to <paramref name="plan"/>, timed so that the year's plans meet 20 weeks at the LA's rate.
    /// </summary>
    private SampleRequest IssuedPlan(DateOnly issued, SamplePlan plan)
    {
        var days = rng.NextDouble() < TwentyWeekRate(issued.Year) ? rng.Next(90, TwentyWeeks + 1)
            : rng.NextDouble() < 0.85 ? rng.Next(TwentyWeeks + 1, 365) : rng.Next(365, 540);
        var received = issued.AddDays(-days);
        var decided = received.AddDays(Math.Min(DecisionDays(), days - 30));
        var assessed = Max(decided.AddDays(7), issued.AddDays(-rng.Next(7, 29)));
        return new SampleRequest(received, _sources.Pick(rng))
        {
            OutcomeDate = decided,
            Outcome = Codes.RequestToAssess,
            Assessment = new SampleAssessment
            {
                Outcome = Codes.AssessmentToIssue, OutcomeDate = Min(assessed, issued),
                Week20Exception = days > TwentyWeeks && rng.NextDouble() < 0.01, Mediation = rng.NextDouble() < 0.02,
                Plan = plan,
            },
        };
    }

    /// <summary>
    /// About Leicestershire's 446 a year, by its reasons, in the last three years and this one to date.
    /// </summary>
    private void Ceased(List<SamplePerson> people)
    {
        for (var year = Reference.Year - 3; year <= Reference.Year; year++)
        {
            var (start, days) = YearToDate(year);
            var count = (int)Math.Round(CeasedPerYear * Scale * days / 365.0);
            for (var i = 0; i < count; i++)
            {
                var ceased = start.AddDays(rng.Next(days));
                var reason = _ceaseReasons.Pick(rng);
                var age = reason switch { "1" => 25, "3" or "4" or "6" => rng.Next(17, 23), _ => rng.Next(5, 19) };
                var birth = ceased.AddYears(-age).AddDays(-rng.Next(1, 365));
                var uln = age >= 16 && rng.NextDouble() < 0.5 ? world.NewUln(rng) : null;
                var sex = rng.NextDouble() < 0.68 ? "M" : "F";
                var person = new SamplePerson(world.NewUpnFor(birth, rng), uln, birth, sex);
                var earliest = Max(birth.AddYears(2), FirstPlans);
                var latest = ceased.AddDays(-60);
                if (earliest >= latest) earliest = latest.AddDays(-30);
                var issued = earliest.AddDays(rng.Next(latest.DayNumber - earliest.DayNumber));
                var setting = age >= 16
                    ? new SampleSetting(null, null, rng.NextDouble() < 0.5 ? "NEET" : "OTH", false, false, issued)
                    : new SampleSetting(AnySchoolUrn(), null, null, false, false, issued);
                var plan = new SamplePlan(issued, setting) { Ceased = ceased, CeaseReason = reason };
                person.Requests.Add(IssuedPlan(issued, plan));
                people.Add(person);
            }
        }
    }

    /// <summary>
    /// The requests that did not (or not yet) lead to a plan, up to about 1,500 a year in all: refused, withdrawn,
    /// assessed without a plan, and still going on, mostly for pupils the census has on SEN support.
    /// </summary>
    private void OtherRequests(List<SamplePerson> people)
    {
        // A child the census has twice (dual registration) is one person: never a second record for a UPN already used.
        var used = people.Select(p => p.Upn).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var supported = world.Census.SelectMany(world.CleanRows)
            .Where(p => p.Provision == "K" && p.Dob is not null && used.Add(p.Upn))
            .OrderBy(_ => rng.Next()).ToList();
        var next = 0;
        var received = people.SelectMany(p => p.Requests).GroupBy(r => r.Received.Year)
            .ToDictionary(g => g.Key, g => g.Count());
        for (var year = Reference.Year - 4; year <= Reference.Year; year++)
        {
            var (start, days) = YearToDate(year);
            var wanted = (int)Math.Round(RequestsPerYear * Scale * days / 365.0) - received.GetValueOrDefault(year);
            for (var i = 0; i < wanted; i++)
            {
                var person = next < supported.Count
                    ? new SamplePerson(supported[next].Upn, null, supported[next].Dob!.Value, supported[next++].Sex)
                    : Fresh();
                person.Requests.Add(Unplanned(start.AddDays(rng.Next(days))));
                people.Add(person);
            }
        }
    }

    private SamplePerson Fresh()
    {
        var birth = Reference.AddYears(-rng.Next(3, 16)).AddDays(-rng.Next(365));
        return new SamplePerson(world.NewUpnFor(birth, rng), null, birth, rng.NextDouble() < 0.65 ? "M" : "F");
    }

    private SampleRequest Unplanned(DateOnly received)
    {
        var waited = Reference.DayNumber - received.DayNumber;
        var request = new SampleRequest(received, _sources.Pick(rng))
        {
            Mediation = rng.NextDouble() < 0.03, Tribunal = rng.NextDouble() < 0.01,
        };
        var kind = rng.Next(100);
        var decided = received.AddDays(DecisionDays());
        if (decided > Reference || (waited <= SixWeeks && rng.NextDouble() < 0.5)) return request;
        request.OutcomeDate = decided;
        if (kind < 50) { request.Outcome = Codes.RequestNotToAssess; return request; }
        if (kind < 54) { request.Outcome = Codes.RequestWithdrawn; return request; }
        request.Outcome = Codes.RequestToAssess;
        var outcome = received.AddDays(rng.NextDouble() < 0.85 ? rng.Next(84, 113) : rng.Next(113, 200));
        // An assessment still going on after 60 weeks is not realistic: by then it ended without a plan.
        var ended = kind < 66 || waited > 420;
        request.Assessment = ended && outcome <= Reference
            ? new SampleAssessment { Outcome = Codes.AssessmentNotToIssue, OutcomeDate = outcome }
            : new SampleAssessment();
        return request;
    }

    /// <summary>Days from a request to the decision whether to assess: within 6 weeks four times in five.</summary>
    private int DecisionDays() => rng.NextDouble() < 0.8 ? rng.Next(10, SixWeeks + 1) : rng.Next(SixWeeks + 1, 85);

    private void Describe(SamplePerson person)
    {
        person.Forename = person.Sex == "F" ? Forenames[rng.Next(0, 10)] : Forenames[rng.Next(10, 20)];
        person.Surname = Surnames[rng.Next(Surnames.Length)];
        person.Ethnicity = _ethnicities.Pick(rng);
        person.Postcode = string.Create(CultureInfo.InvariantCulture,
            $"LE{rng.Next(1, 20)} {rng.Next(1, 10)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}");
    }

    private string AnySchoolUrn()
    {
        var entries = world.Register.Entries.Where(e => e.School is { IsMainstream: true } && e.Status.IsOpen).ToList();
        return entries[rng.Next(entries.Count)].Urn.ToString(CultureInfo.InvariantCulture);
    }

    private (DateOnly Start, int Days) YearToDate(int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = year == Reference.Year ? Reference : new DateOnly(year, 12, 31);
        return (start, end.DayNumber - start.DayNumber + 1);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static readonly string[] Forenames =
        ["Amelia", "Olivia", "Isla", "Ava", "Freya", "Lily", "Priya", "Zofia", "Chloé", "Grace",
         "Oliver", "Noah", "Leo", "Harry", "Jack", "Arjun", "Muhammad", "Kacper", "Théo", "George"];

    private static readonly string[] Surnames =
        ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Patel", "Mistry", "Kowalski", "Walker", "Wright", "Thompson",
         "O'Brien", "Evans", "Robinson", "Green", "Hall", "Wood", "Clarke", "Chauhan", "Lewis"];
}
