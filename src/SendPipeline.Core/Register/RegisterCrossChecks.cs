using System.Globalization;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Returns.Sen2;
using SendPipeline.Core.Uploads;
using R = SendPipeline.Core.Picture.CrossReturnRules;

namespace SendPipeline.Core.Register;

/// <summary>
/// The LA's EHC plan register (an accepted sen2 extract) against the schools' and providers' returns in the
/// picture: XR1011 to XR1014 of <see cref="CrossReturnRules"/>. A pure function; the rebuild runs it beside
/// <see cref="CrossReturnChecks"/> when a register is in force. Like those, every finding is a query located
/// by upload, part and row, never by the child's identifier.
/// </summary>
public static class RegisterCrossChecks
{
    /// <summary>
    /// The sensetting codes (the code list's, spec 2): each is used only where a placement has no URN or UKPRN, so
    /// a child placed under one has no school or provider behind them and is on no census by design.
    /// </summary>
    private static readonly IReadOnlySet<string> SettingsOutsideReturns = Sen2Codes.All
        .Where(c => c.Item == "sensetting").Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    /// <param name="registerPath">The upload path of the extract in force, for the officer to open.</param>
    /// <param name="caseload">The LA's caseload forecast, when one could be made (for XR1014 when the DfE has not
    /// published the register's year).</param>
    public static IReadOnlyList<DataQualityIssue> Run(
        LaPicture picture, Sen2Register register, string registerPath, string laCode, LaCaseload? caseload)
    {
        var issues = new List<DataQualityIssue>();
        var placements = CrossReturnChecks.LatestPerProvider(picture.Placements)
            .Where(p => p.ActiveOn(register.ReferenceDate)).ToList();
        var active = register.People.Where(HasActivePlan).ToList();

        if (picture.Census.Count > 0)
        {
            var census = LatestCensusBy(picture, register.ReferenceDate);
            if (census is { } date)
            {
                ActivePlansNowhere(picture, placements, active, date, registerPath, issues);
                CensusPlansNotInRegister(picture, register, date, laCode, issues);
            }
        }
        PlacementsDisagreeing(placements, active, register.ReferenceDate, issues);
        CountAgainstCaseload(picture, register, active.Count, registerPath, laCode, caseload, issues);
        return issues
            .OrderBy(i => i.RuleId, StringComparer.Ordinal).ThenBy(i => i.Submitter, StringComparer.Ordinal)
            .ThenBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Row ?? 0).ThenBy(i => i.Message, StringComparer.Ordinal)
            .ToList();
    }

    public static bool HasActivePlan(Sen2Person person) => person.Requests.Any(r => r.ActivePlans.Count > 0);

    /// <summary>The child's placements of their active plans current on the day.</summary>
    public static IEnumerable<Sen2Setting> CurrentPlacements(Sen2Person person, DateOnly on) =>
        person.Requests.SelectMany(r => r.ActivePlans).SelectMany(a => a.Placements).Where(s => s.CurrentOn(on));

    /// <summary>
    /// The census the register is compared with: the latest on or before the register's reference date. A census
    /// taken after the extract would count plans issued since as missing from it.
    /// </summary>
    private static DateOnly? LatestCensusBy(LaPicture picture, DateOnly reference)
    {
        DateOnly? latest = null;
        foreach (var pupil in picture.Census)
            if (pupil.CensusDate <= reference && (latest is null || pupil.CensusDate > latest)) latest = pupil.CensusDate;
        return latest;
    }

    private static void ActivePlansNowhere(LaPicture picture, List<Placement> placements, List<Sen2Person> active,
        DateOnly census, string registerPath, List<DataQualityIssue> issues)
    {
        var seen = picture.Census.Where(p => p.CensusDate == census).Select(p => p.Upn).ToHashSet(StringComparer.Ordinal);
        foreach (var p in placements)
        {
            if (p.Upn is not null) seen.Add(p.Upn);
            if (p.Uln is not null) seen.Add("ULN:" + p.Uln);
        }
        // Each child's main current setting, and whether any return in force has the child.
        var children = new List<(Sen2Person Person, string Setting, bool Found)>();
        foreach (var person in active)
        {
            var current = CurrentPlacements(person, census).ToList();
            // Home education, NEET, early years without a URN …: no census or placement return would hold them.
            if (current.Count == 0 || current.Any(s => s.SenSetting is { } code && SettingsOutsideReturns.Contains(code))) continue;
            var found = (person.Upn is not null && seen.Contains(person.Upn)) || (person.Uln is not null && seen.Contains("ULN:" + person.Uln));
            children.Add((person, Describe(current.OrderBy(s => s.PlacementRank ?? int.MaxValue).First()), found));
        }
        foreach (var setting in children.GroupBy(c => c.Setting, StringComparer.Ordinal))
        {
            var missing = setting.Where(c => !c.Found).ToList();
            if (missing.Count == 0) continue;
            // A setting none of whose children is anywhere has not made its return: one finding to chase, not one a child.
            if (missing.Count == setting.Count() && missing.Count >= SilentSettingMinimum)
            {
                issues.Add(DataQualityIssue.Of(R.SettingSilentForActivePlans, Submitter.LocalAuthorityId, Sen2Return.ReturnType,
                        registerPath, null, null, ("count", N(missing.Count)), ("setting", setting.Key), ("census", Iso(census)))
                    with
                { Part = "placementdetail" });
                continue;
            }
            foreach (var (person, where, _) in missing)
                issues.Add(DataQualityIssue.Of(R.ActivePlanNowhere, Submitter.LocalAuthorityId, Sen2Return.ReturnType, registerPath,
                        person.Row, "upn", ("row", Row(person.Row)), ("setting", where), ("census", Iso(census)))
                    with
                { Part = "person" });
        }
    }

    /// <summary>Fewer children than this at a silent setting are listed one by one.</summary>
    private const int SilentSettingMinimum = 3;

    /// <summary>
    /// XR1012, for the LA's own schools only (LAEstab starting with its code): a store that holds a region's returns
    /// holds other LAs' censuses too, whose pupils' plans are in their own LA's register, not this one.
    /// </summary>
    private static void CensusPlansNotInRegister(LaPicture picture, Sen2Register register, DateOnly census,
        string laCode, List<DataQualityIssue> issues)
    {
        var withPlan = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in register.People)
            if (person.Upn is not null && PlanInForce(person, census)) withPlan.Add(person.Upn);
        foreach (var pupil in picture.Census)
        {
            if (pupil.CensusDate != census || pupil.Provision != 'E' || withPlan.Contains(pupil.Upn)
                || !pupil.LaEstab.StartsWith(laCode, StringComparison.Ordinal)) continue;
            issues.Add(DataQualityIssue.Of(R.CensusPlanNotInRegister, pupil.LaEstab, ReturnTypes.SchoolCensus,
                pupil.Source.UploadPath, pupil.Source.Row, "SENProvision",
                ("row", Row(pupil.Source.Row)), ("census", Iso(census)), ("reference", Iso(register.ReferenceDate))));
        }
    }

    /// <summary>
    /// A plan in force on the day: an active plan of the extract (active now, so issued by then unless issued since),
    /// or a plan issued by the day and not ceased before it.
    /// </summary>
    private static bool PlanInForce(Sen2Person person, DateOnly on) =>
        person.Requests.Any(r =>
            (r.ActivePlans.Count > 0 && r.Assessments.SelectMany(a => a.Plans).All(p => p.IssuedDate is not { } i || i <= on))
            || r.Assessments.SelectMany(a => a.Plans).Any(p =>
                p.IssuedDate is { } issued && issued <= on && !(p.CeaseDate is { } ceased && ceased < on)));

    private static void PlacementsDisagreeing(List<Placement> placements, List<Sen2Person> active, DateOnly reference,
        List<DataQualityIssue> issues)
    {
        var byChild = new Dictionary<string, Sen2Person>(StringComparer.Ordinal);
        foreach (var person in active)
        {
            if (person.Upn is not null) byChild.TryAdd(person.Upn, person);
            if (person.Uln is not null) byChild.TryAdd("ULN:" + person.Uln, person);
        }
        foreach (var placement in placements)
        {
            if (!placement.Ehcp) continue;
            var person = placement.Upn is not null && byChild.TryGetValue(placement.Upn, out var byUpn) ? byUpn
                : placement.Uln is not null && byChild.TryGetValue("ULN:" + placement.Uln, out var byUln) ? byUln : null;
            if (person is null) continue;
            var current = CurrentPlacements(person, reference).ToList();
            // Only a register placement at a named setting can disagree; a code (OLA, EHE …) says nothing of the provider.
            var named = current.Where(s => s.Urn is not null || s.Ukprn is not null).ToList();
            if (named.Count == 0 || named.Any(s => s.Urn == placement.ProviderId || s.Ukprn == placement.ProviderId)) continue;
            var first = named.OrderBy(s => s.PlacementRank ?? int.MaxValue).First();
            issues.Add(DataQualityIssue.Of(R.PlacementDisagreesWithRegister, placement.ProviderId, ReturnTypes.Placements,
                placement.Source.UploadPath, placement.Source.Row, "ProviderId",
                ("row", Row(placement.Source.Row)), ("provider", placement.ProviderId), ("setting", Describe(first)),
                ("registerRow", Row(first.Row))));
        }
    }

    /// <summary>
    /// XR1014: the register's active plans against the DfE caseload for the academic year of its reference date,
    /// by the same yardstick as XR1008 (the published figure with its tolerance, else the forecast's interval).
    /// </summary>
    private static void CountAgainstCaseload(LaPicture picture, Sen2Register register, int activePlans,
        string registerPath, string laCode, LaCaseload? caseload, List<DataQualityIssue> issues)
    {
        var ours = CrossReturnChecks.PublishedCaseload(picture, laCode);
        if (ours.Count == 0 || activePlans == 0) return;
        var reference = register.ReferenceDate;
        var year = AcademicYear.FirstYearOf(reference);
        if (CrossReturnChecks.Yardstick(ours, caseload, year, ours.MaxBy(h => h.TimePeriod)!) is not { } y) return;
        if (activePlans >= y.Lower && activePlans <= y.Upper) return;

        var gap = CrossReturnChecks.Gap(y, year, activePlans, forecastFrom: null);
        issues.Add(DataQualityIssue.Of(R.RegisterCountDiffers, Submitter.LocalAuthorityId, Sen2Return.ReturnType, registerPath,
                null, null, ("reference", Iso(reference)), ("ours", N(activePlans)), ("expected", gap.Expected),
                ("range", gap.Range), ("difference", gap.Difference), ("percent", gap.Percent))
            with
        { Part = "activeplans" });
    }

    /// <summary>A setting as an officer reads it: its URN or UKPRN, else the sen2 setting code.</summary>
    private static string Describe(Sen2Setting s) =>
        s.Urn is not null ? "URN " + s.Urn : s.Ukprn is not null ? "UKPRN " + s.Ukprn : s.SenSetting ?? "an unnamed setting";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Row(int row) => row.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
