using System.Globalization;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Register;

namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>
/// The series the cohort model reads, counted from the home LA's register, keyed as <see cref="EhcpTables"/> keys
/// them (plans in force by caseload year, 2022 for January 2023; flows by calendar year), with what the register
/// could not say (<see cref="Notes"/>).
/// </summary>
public sealed record RegisterSeries(
    IReadOnlyDictionary<int, double> Totals,
    IReadOnlyDictionary<int, double[]> AgeBands,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> Placements,
    IReadOnlyDictionary<int, double> NewPlans,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> NewPlansByGroup,
    IReadOnlyDictionary<int, double> Requests,
    IReadOnlyDictionary<int, double> Ceased,
    IReadOnlyList<string> Notes);

/// <summary>The tables the cohort model projects, and whether (and where) the home LA's own returns are in
/// them.</summary>
public sealed record OwnHistory(EhcpTables Tables, bool Used, IReadOnlyList<string> Notes);

/// <summary>
/// The home LA's own history from its EHC plan register (an accepted sen2 extract), replacing the published
/// figures of that LA in the DfE tables, year by year, where the register covers the year; the published years
/// before it stay, and every other LA is untouched, so the pooled rates are still England's. Counted as the
/// register's figures count them (<see cref="Sen2FiguresBuilder"/>: each request's first plan issued; in force on
/// a date when issued by it and not ceased by it):
/// <list type="bullet">
/// <item>plans in force on each January census day (the third Thursday), in total, by the DfE's age bands (age
/// on the day) and by placement group (the setting the active plan records on the day, else the one the plan
/// names, through <see cref="SettingCategories"/> and <see cref="CategoryGroups"/>);</item>
/// <item>new plans issued in each calendar year, by the setting the plan names (the DfE's newplans.csv);</item>
/// <item>requests received in each calendar year (requests.csv) and plans ceased (ceased_plans.csv).</item>
/// </list>
/// <para><b>What the register covers.</b> An extract keeps the plans in force now and those ceased since its
/// case history began; a plan that ended before that is not in it, so a January before it would be undercounted.
/// The history is taken to begin at the first ceased plan it records (for plans) and at the first request that led
/// to no plan (for requests): with the year when that falls in January, else with the next year. Calendar years
/// count only when the extract covers them whole. A register with no ceased plan cannot say what was in force
/// before its reference date, and replaces nothing of plans.</para>
/// </summary>
public static class OwnReturns
{
    /// <summary>
    /// A January's bands whose plans (those with a date of birth, aged 25 or under) are further than this share from
    /// its total are not used, the same test the reader puts the published age rows to; so too a January's (or a
    /// year's new plans') split by group when more than this share of its plans has a setting nothing knows.
    /// </summary>
    public const double Tolerance = 0.05;

    /// <summary>
    /// The tables with the home LA's series replaced from <paramref name="register"/> where it covers them; the
    /// published tables themselves are not changed. Notes say what was replaced, and where the register fell short.
    /// </summary>
    public static OwnHistory Apply(EhcpTables published, Sen2Register register, string laCode,
        SettingCategories settings)
    {
        var extract = $"The LA's EHC plan register (sen2, as at {Iso(register.ReferenceDate)})";
        if (!register.LaCode.Trim().Equals(laCode.Trim(), StringComparison.OrdinalIgnoreCase))
            return new(published, false, [$"{extract} is LA {register.LaCode}'s, not {laCode}'s: the published " +
                "figures are used."]);
        var series = Count(register, settings);
        var tables = published.Copy();
        if (!tables.Areas.ContainsKey(laCode)) tables.Areas[laCode] = new Area(Area.LocalAuthority, laCode, laCode);
        var publishedTotals = published.Totals.GetValueOrDefault(laCode) ?? [];
        Put(tables.Totals, laCode, series.Totals);
        Put(tables.AgeBands, laCode, series.AgeBands);
        Put(tables.Placements, laCode, series.Placements);
        Put(tables.NewPlans, laCode, series.NewPlans);
        Put(tables.NewPlansByGroup, laCode, series.NewPlansByGroup);
        Put(tables.Requests, laCode, series.Requests);
        Put(tables.Ceased, laCode, series.Ceased);
        // special_independent is a DfE column inside its group the register cannot split out: its published share of
        // a year the register now counts would describe other plans.
        if (tables.Parts.TryGetValue(laCode, out var parts))
            foreach (var year in series.Placements.Keys) parts.Remove(year);

        var notes = new List<string>();
        var used = series.Totals.Count + series.NewPlans.Count + series.Requests.Count > 0;
        if (used)
        {
            var what = new List<string>();
            if (series.Totals.Count > 0)
                what.Add($"plans in force at {Januaries(series.Totals.Keys)} (total, age bands, placement groups)");
            if (series.NewPlans.Count > 0) what.Add($"new plans by setting in {Years(series.NewPlans.Keys)}");
            if (series.Requests.Count > 0) what.Add($"requests in {Years(series.Requests.Keys)}");
            var before = series.Totals.Count == 0 ? [] : publishedTotals.Keys.Where(y => y < series.Totals.Keys.Min())
                .Order().ToList();
            notes.Add($"{extract} replaces the published figures for LA {laCode}: {string.Join("; ", what)}" +
                (before.Count > 0 ? $"; the published caseloads before it stay ({Januaries(before)})." : "."));
        }
        else notes.Add($"{extract} covers no whole year the cohort model reads: the published figures are used.");
        notes.AddRange(series.Notes);
        return new OwnHistory(tables, used, notes);
    }

    /// <summary>The register's series, counted exactly; what it could not count is in the notes.</summary>
    public static RegisterSeries Count(Sen2Register register, SettingCategories settings)
    {
        var reference = register.ReferenceDate;
        var cases = register.People.SelectMany(p => p.Requests.Select(r => (Person: p, Request: r))).ToList();
        var issued = cases.Select(c => (c.Person, c.Request, Plan: Sen2FiguresBuilder.FirstIssued(c.Request)?.Plan))
            .Where(c => c.Plan?.IssuedDate is { } date && date <= reference)
            .Select(c => (c.Person, c.Request, Plan: c.Plan!)).ToList();
        var notes = new List<string>();

        var ceasedDates = cases.SelectMany(c => c.Request.Assessments).SelectMany(a => a.Plans)
            .Select(p => p.CeaseDate).OfType<DateOnly>().Where(d => d <= reference).ToList();
        DateOnly? plansFrom = ceasedDates.Count == 0 ? null : CoveredFrom(ceasedDates.Min());
        var unplanned = cases.Where(c => Sen2FiguresBuilder.FirstIssued(c.Request) is null
            && c.Request.ReceivedDate <= reference).Select(c => c.Request.ReceivedDate).ToList();
        DateOnly? requestsFrom = unplanned.Count == 0 ? null : CoveredFrom(unplanned.Min());
        if (plansFrom is null)
            notes.Add("The register records no ceased plan, so it cannot say which plans were in force at a " +
                "January before its reference date, nor count a year's new plans whole: the published caseloads " +
                "and new plans are used.");
        if (requestsFrom is null)
            notes.Add("The register records no request that led to no plan (refused, withdrawn or still open), so " +
                "it holds only the requests behind its plans: the published requests are used.");
        if (reference.Month < 12 || reference.Day < 31)
            notes.Add($"The register's year {reference.Year} runs only to {Iso(reference)}: its new plans, requests " +
                "and ceased plans are not used for that year.");

        var totals = new Dictionary<int, double>();
        var bands = new Dictionary<int, double[]>();
        var placements = new Dictionary<int, IReadOnlyDictionary<string, double>>();
        if (plansFrom is { } from)
        {
            for (var year = from.Year; year <= reference.Year; year++)
            {
                var day = CensusDays.NthThursday(year, 1, 3);
                if (day < from || day > reference) continue;
                var key = year - 1;
                var inForce = issued.Where(c => c.Plan.IssuedDate <= day && !c.Plan.CeasedOn(day)).ToList();
                totals[key] = inForce.Count;
                var ages = new double[EhcpTables.Bands.Count];
                var groups = EmptyGroups();
                var (unbanded, unplaced) = (0, 0);
                foreach (var (person, request, _) in inForce)
                {
                    var band = person.BirthDate is { } birth ? BandOf(Sen2FiguresBuilder.AgeOn(birth, day)) : -1;
                    if (band < 0) unbanded++;
                    else ages[band]++;
                    var category = settings.CategoryOf(Sen2FiguresBuilder.MainSetting(request, day));
                    if (category is null) unplaced++;
                    groups[GroupOf(category).Breakdown]++;
                }
                if (unplaced > Tolerance * inForce.Count)
                    notes.Add($"{unplaced} of the {inForce.Count} plans in force at {January(key)} have a setting " +
                        "neither the establishments register nor a placement return knows (or none): the register's " +
                        "placement groups are not used for that January.");
                else
                {
                    placements[key] = groups;
                    if (unplaced > 0)
                        notes.Add($"{unplaced} of the {inForce.Count} plans in force at {January(key)} have a " +
                            "setting neither the establishments register nor a placement return knows (or none): " +
                            "counted in other placements.");
                }
                if (unbanded > Tolerance * inForce.Count)
                    notes.Add($"{unbanded} of the {inForce.Count} plans in force at {January(key)} have no date of " +
                        "birth or are over 25: the register's age bands are not used for that January.");
                else
                {
                    bands[key] = ages;
                    if (unbanded > 0)
                        notes.Add($"{unbanded} of the {inForce.Count} plans in force at {January(key)} have no date " +
                            "of birth or are over 25: left out of the age bands.");
                }
            }
        }

        var newPlans = new Dictionary<int, double>();
        var newByGroup = new Dictionary<int, IReadOnlyDictionary<string, double>>();
        var ceased = new Dictionary<int, double>();
        foreach (var year in WholeYears(plansFrom, reference))
        {
            var groups = EmptyGroups();
            var made = issued.Where(c => c.Plan.IssuedDate!.Value.Year == year).ToList();
            var unplaced = 0;
            foreach (var (_, request, plan) in made)
            {
                var category = settings.CategoryOf(Named(plan)
                    ?? Sen2FiguresBuilder.MainSetting(request, plan.IssuedDate!.Value));
                if (category is null) unplaced++;
                groups[GroupOf(category).Breakdown]++;
            }
            newPlans[year] = made.Count;
            if (unplaced > Tolerance * made.Count)
                notes.Add($"{unplaced} of the {made.Count} new plans of {year} name a setting nothing knows (or " +
                    "none): the register's new plans by setting are not used for that year.");
            else newByGroup[year] = groups;
            ceased[year] = ceasedDates.Count(d => d.Year == year);
        }
        var requests = WholeYears(requestsFrom, reference)
            .ToDictionary(y => y, y => (double)cases.Count(c => c.Request.ReceivedDate.Year == y));
        return new RegisterSeries(totals, bands, placements, newPlans, newByGroup, requests, ceased, notes);
    }

    /// <summary>A history whose first event falls in January is taken to begin with that year; any later, with the
    /// next (a part year would look like a fall).</summary>
    public static DateOnly CoveredFrom(DateOnly first) =>
        first.Month == 1 ? new DateOnly(first.Year, 1, 1) : new DateOnly(first.Year + 1, 1, 1);

    private static IEnumerable<int> WholeYears(DateOnly? from, DateOnly reference)
    {
        if (from is not { } start) yield break;
        for (var year = start.Year; new DateOnly(year, 12, 31) <= reference; year++) yield return year;
    }

    private static Sen2Setting? Named(Sen2NamedPlan plan) =>
        plan.Settings.OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault();

    private static PlacementGroup GroupOf(string? category) =>
        category is null ? PlacementGroups.Other : CategoryGroups.Of(category);

    private static Dictionary<string, double> EmptyGroups() =>
        PlacementGroups.All.ToDictionary(g => g.Breakdown, _ => 0.0);

    private static int BandOf(int age)
    {
        var label = Sen2FiguresBuilder.AgeBand(age);
        for (var i = 0; i < EhcpTables.Bands.Count; i++) if (EhcpTables.Bands[i] == label) return i;
        return -1;
    }

    private static void Put<T>(Dictionary<string, Dictionary<int, T>> into, string code,
        IReadOnlyDictionary<int, T> years)
    {
        if (years.Count == 0) return;
        if (!into.TryGetValue(code, out var mine)) into[code] = mine = [];
        foreach (var (year, value) in years) mine[year] = value;
    }

    private static string January(int key) => $"January {key + 1}";

    private static string Januaries(IEnumerable<int> keys)
    {
        var sorted = keys.Order().ToList();
        return sorted.Count == 1 ? January(sorted[0]) : $"January {sorted[0] + 1} to {sorted[^1] + 1}";
    }

    private static string Years(IEnumerable<int> years)
    {
        var sorted = years.Order().ToList();
        return sorted.Count == 1 ? $"{sorted[0]}" : $"{sorted[0]} to {sorted[^1]}";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
