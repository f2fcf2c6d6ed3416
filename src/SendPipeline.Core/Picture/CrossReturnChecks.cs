using System.Globalization;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Returns.EahActivity;
using SendPipeline.Core.Returns.EhcpHistory;
using SendPipeline.Core.Returns.Placements;
using SendPipeline.Core.Returns.SchoolCensus;
using SendPipeline.Core.Returns.Workforce;
using SendPipeline.Core.Uploads;
using R = SendPipeline.Core.Picture.CrossReturnRules;

namespace SendPipeline.Core.Picture;

/// <summary>The checks across returns (see <see cref="CrossReturnRules"/>), as one pure function of the picture.</summary>
public static class CrossReturnChecks
{
    /// <summary>
    /// A gap between our count of EHC plans and the DfE's published figure for the same year above this share
    /// is worth chasing.
    /// </summary>
    public const decimal ReconciliationTolerance = 0.05m;

    /// <summary>The checks, with the LA's caseload forecast made from the picture's history and assumptions.</summary>
    public static (IReadOnlyList<DataQualityIssue> Issues, EhcpReconciliation Reconciliation) Run(
        LaPicture picture, string laCode) =>
        Run(picture, laCode, ForecastCaseload(picture, laCode));

    /// <summary>
    /// The LA's caseload and its forecast (<see cref="CaseloadGrowth.Caseload"/>) under the assumptions in force;
    /// when the history cannot be forecast (too few years to set intervals from, an unknown method) the
    /// caseload has no forecast and <see cref="LaCaseload.Skipped"/> says why, so the checks still run.
    /// </summary>
    public static LaCaseload? ForecastCaseload(LaPicture picture, string laCode)
    {
        try
        {
            return CaseloadGrowth.Caseload(picture, laCode, HnbAssumptions.From(picture.Assumptions));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            var area = new Area(Area.LocalAuthority, laCode, "");
            return new LaCaseload(area, new Dictionary<int, double>(), [], e.Message);
        }
    }

    /// <summary>
    /// The checks, given the LA's caseload forecast (null when there is no history to make one), which the
    /// rebuild makes once per picture (DerivedDatasets); XR1008 compares the census with it.
    /// </summary>
    public static (IReadOnlyList<DataQualityIssue> Issues, EhcpReconciliation Reconciliation) Run(
        LaPicture picture, string laCode, LaCaseload? caseload)
    {
        var issues = new List<DataQualityIssue>();
        var placements = LatestPerProvider(picture.Placements);
        var register = picture.Establishments.GroupBy(e => e.LaEstab).ToDictionary(g => g.Key, g => g.First());
        var settingOfUrn = picture.Establishments.GroupBy(e => e.Urn).ToDictionary(g => g.Key, g => g.First().LaEstab);

        SameChildInTwoCensuses(picture, issues);
        SameChildInCensusAndPlacement(picture, placements, settingOfUrn, issues);
        SpecialistPlacementsWithoutPlans(picture, placements, issues);
        if (picture.Establishments.Count > 0)
        {
            CensusSettingsInRegister(picture, register, issues);
            ActivitySettingsInRegister(picture, register, issues);
            SchoolsWithoutCensus(picture, laCode, issues);
        }
        ExpiredTransformationPosts(picture, issues);
        var reconciliation = Reconcile(picture, placements, laCode, caseload, issues);
        if (picture.Register is { } sen2)
            issues.AddRange(Register.RegisterCrossChecks.Run(picture, sen2, picture.RegisterPath!, laCode, caseload));

        var ordered = issues
            .OrderBy(i => i.RuleId, StringComparer.Ordinal).ThenBy(i => i.Submitter, StringComparer.Ordinal)
            .ThenBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Row ?? 0).ThenBy(i => i.Message, StringComparer.Ordinal)
            .ToList();
        return (ordered, reconciliation);
    }

    /// <summary>Each provider's latest return in force: an older quarter's placements are history, not "now".</summary>
    internal static List<Placement> LatestPerProvider(List<Placement> placements) =>
        placements.GroupBy(p => p.ProviderId)
            .SelectMany(g => { var latest = g.Max(p => p.ReturnDate); return g.Where(p => p.ReturnDate == latest); })
            .ToList();

    private static void SameChildInTwoCensuses(LaPicture picture, List<DataQualityIssue> issues)
    {
        // Most children are on one census: remember where each was first seen, and gather only the
        // few seen again, in census order as before. A grouping per child would cost millions of lists.
        var first = new Dictionary<(DateOnly, string), int>(picture.Census.Count);
        var repeated = new Dictionary<(DateOnly, string), List<CensusPupil>>();
        for (var i = 0; i < picture.Census.Count; i++)
        {
            var pupil = picture.Census[i];
            var key = (pupil.CensusDate, pupil.Upn);
            if (first.TryAdd(key, i)) continue;
            if (!repeated.TryGetValue(key, out var group)) repeated[key] = group = [picture.Census[first[key]]];
            group.Add(pupil);
        }
        foreach (var group in repeated.Values)
        {
            var bySchool = group.GroupBy(p => p.LaEstab).Select(g => g.First()).OrderBy(p => p.LaEstab, StringComparer.Ordinal).ToList();
            if (bySchool.Count < 2) continue;
            for (var i = 0; i < bySchool.Count; i++)
            {
                var here = bySchool[i];
                var other = bySchool[i == 0 ? 1 : 0];
                issues.Add(DataQualityIssue.Of(R.SameChildTwoCensuses, here.LaEstab, ReturnTypes.SchoolCensus, here.Source.UploadPath, here.Source.Row, SchoolCensusColumns.UpnColumn.Name,
                    ("row", Row(here.Source)), ("census", Iso(here.CensusDate)), ("other", other.LaEstab), ("otherRow", Row(other.Source))));
            }
        }
    }

    private static void SameChildInCensusAndPlacement(LaPicture picture, List<Placement> placements, Dictionary<string, string> settingOfUrn, List<DataQualityIssue> issues)
    {
        var byUpn = new Dictionary<string, List<Placement>>(StringComparer.Ordinal);
        foreach (var p in placements)
        {
            if (p.Upn is null) continue;
            if (!byUpn.TryGetValue(p.Upn, out var list)) byUpn[p.Upn] = list = [];
            list.Add(p);
        }
        foreach (var pupil in picture.Census)
        {
            if (!byUpn.TryGetValue(pupil.Upn, out var placed)) continue;
            foreach (var placement in placed)
            {
                if (!placement.ActiveOn(pupil.CensusDate)) continue;
                // A placement at the pupil's own school (a mainstream top-up, a resourced provision) is not a second setting.
                if (settingOfUrn.TryGetValue(placement.ProviderId, out var setting) && setting == pupil.LaEstab) continue;
                issues.Add(DataQualityIssue.Of(R.SameChildCensusAndPlacement, pupil.LaEstab, ReturnTypes.SchoolCensus, pupil.Source.UploadPath, pupil.Source.Row, SchoolCensusColumns.UpnColumn.Name,
                    ("row", Row(pupil.Source)), ("category", placement.Category), ("other", placement.ProviderId),
                    ("otherRow", Row(placement.Source)), ("census", Iso(pupil.CensusDate))));
            }
        }
    }

    private static void SpecialistPlacementsWithoutPlans(LaPicture picture, List<Placement> placements, List<DataQualityIssue> issues)
    {
        // Only children in a specialist placement matter here: look those few up in the census, rather than index the census.
        var placed = placements.Where(p => PlacementCategories.RequireEhcp.Contains(p.Category) && p.Upn is not null).Select(p => p.Upn!).ToHashSet(StringComparer.Ordinal);
        var withPlans = new HashSet<string>(StringComparer.Ordinal);
        var onCensus = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pupil in picture.Census)
        {
            if (!placed.Contains(pupil.Upn)) continue;
            if (pupil.Provision == 'E') withPlans.Add(pupil.Upn);
            onCensus.TryAdd(pupil.Upn, pupil.LaEstab);
        }
        foreach (var p in placements)
        {
            // Independent and post-16 settings make no school census, so a specialist-placed child is usually on none:
            // that says nothing. A child who IS on a census, and never with an EHC plan, is the contradiction to chase.
            // A learner known only by ULN cannot be matched to a census; the in-file EHCP rule already covers them.
            if (!PlacementCategories.RequireEhcp.Contains(p.Category) || p.Upn is null || withPlans.Contains(p.Upn)
                || !onCensus.TryGetValue(p.Upn, out var school)) continue;
            issues.Add(DataQualityIssue.Of(R.SpecialistPlacementWithoutPlan, p.ProviderId, ReturnTypes.Placements, p.Source.UploadPath, p.Source.Row, PlacementsColumns.UpnColumn.Name,
                ("row", Row(p.Source)), ("category", p.Category), ("school", school)));
        }
    }

    private static void CensusSettingsInRegister(LaPicture picture, Dictionary<string, Establishment> register, List<DataQualityIssue> issues)
    {
        var seen = new HashSet<(string, string)>();
        CensusPupil? previous = null;
        foreach (var upload in picture.Census)
        {
            // Rows of one upload come together: only the first of each (setting, upload) is checked, in census order.
            if (previous is not null && ReferenceEquals(previous.Source.UploadPath, upload.Source.UploadPath) && previous.LaEstab == upload.LaEstab) continue;
            previous = upload;
            if (!seen.Add((upload.LaEstab, upload.Source.UploadPath))) continue;
            var rule = !register.TryGetValue(upload.LaEstab, out var e) ? R.CensusSettingNotInRegister : e.IsClosed ? R.CensusSettingClosed : null;
            if (rule is not null)
                issues.Add(DataQualityIssue.Of(rule, upload.LaEstab, ReturnTypes.SchoolCensus, upload.Source.UploadPath, null, SchoolCensusColumns.LaEstab.Name, ("laEstab", upload.LaEstab)));
        }
    }

    private static void ActivitySettingsInRegister(LaPicture picture, Dictionary<string, Establishment> register, List<DataQualityIssue> issues)
    {
        foreach (var a in picture.Activities)
        {
            var rule = !register.TryGetValue(a.LaEstab, out var e) ? R.ActivitySettingNotInRegister : e.IsClosed ? R.ActivitySettingClosed : null;
            if (rule is not null)
                issues.Add(DataQualityIssue.Of(rule, a.ServiceCode, ReturnTypes.EahActivity, a.Source.UploadPath, a.Source.Row, EahActivityColumns.LaEstab.Name,
                    ("row", Row(a.Source)), ("laEstab", a.LaEstab)));
        }
    }

    private static void SchoolsWithoutCensus(LaPicture picture, string laCode, List<DataQualityIssue> issues)
    {
        if (picture.Census.Count == 0) return;
        var latest = picture.Census.Max(p => p.CensusDate);
        var returned = picture.Census.Where(p => p.CensusDate == latest).Select(p => p.LaEstab).ToHashSet(StringComparer.Ordinal);
        foreach (var e in picture.Establishments)
        {
            if (!e.IsOpen || e.Pupils is not > 0 || !e.LaEstab.StartsWith(laCode, StringComparison.Ordinal) || !MakesCensusReturn(e) || returned.Contains(e.LaEstab)) continue;
            issues.Add(DataQualityIssue.Of(R.SchoolWithoutCensus, e.LaEstab, ReturnTypes.SchoolCensus, null, null, null,
                ("name", e.Name), ("laEstab", e.LaEstab), ("pupils", e.Pupils.Value.ToString(CultureInfo.InvariantCulture)), ("census", Iso(latest))));
        }
    }

    /// <summary>Independent schools, colleges and special post-16 institutions are in GIAS but make no school census return to the LA.</summary>
    internal static bool MakesCensusReturn(Establishment e) =>
        e.Type is not { } type
        || !(type.Contains("independent", StringComparison.OrdinalIgnoreCase)
             || type.Contains("further education", StringComparison.OrdinalIgnoreCase)
             || type.Contains("post 16", StringComparison.OrdinalIgnoreCase)
             || type.Contains("higher education", StringComparison.OrdinalIgnoreCase)
             || type.Contains("sixth form", StringComparison.OrdinalIgnoreCase));

    private static void ExpiredTransformationPosts(LaPicture picture, List<DataQualityIssue> issues)
    {
        foreach (var post in picture.Posts)
        {
            if (!post.Role.Equals("Transformation", StringComparison.OrdinalIgnoreCase) || post.TimeLimitedUntil is not { } until) continue;
            if (!FinancialQuarter.TryParse(post.Quarter, out var quarter) || until >= quarter.Start) continue;
            issues.Add(DataQualityIssue.Of(R.TransformationPostExpired, post.ServiceCode, ReturnTypes.Workforce, post.Source.UploadPath, post.Source.Row, WorkforceColumns.TimeLimitedUntil.Name,
                ("postId", post.PostId), ("row", Row(post.Source)), ("until", Iso(until)), ("quarter", post.Quarter)));
        }
    }

    /// <summary>
    /// XR1008, like for like: the census's count against the DfE's figure for the census's own academic year
    /// when published (a query beyond <see cref="ReconciliationTolerance"/>), otherwise against the caseload
    /// forecast for that year (a query only outside its 80% interval). An older year's figure is never the
    /// yardstick: plans grow every year, so the gap would be growth, not missing returns.
    /// </summary>
    private static EhcpReconciliation Reconcile(LaPicture picture, List<Placement> placements, string laCode,
        LaCaseload? caseload, List<DataQualityIssue> issues)
    {
        DateOnly? latest = picture.Census.Count == 0 ? null : picture.Census.Max(p => p.CensusDate);
        var inCensus = picture.Census.Where(p => p.CensusDate == latest && p.Provision == 'E').Select(p => p.Upn)
            .ToHashSet(StringComparer.Ordinal);
        // Children placed by us with a plan but on no census (independent, post-16): counted once each, by UPN or ULN.
        var placedOnly = placements
            .Where(p => p.Ehcp && p.HomeLa == laCode && !(p.Upn is not null && inCensus.Contains(p.Upn)))
            .Select(p => p.Upn ?? "ULN:" + p.Uln).ToHashSet(StringComparer.Ordinal);
        var ours = PublishedCaseload(picture, laCode);
        var published = ours.Count == 0 ? null : ours.MaxBy(h => h.TimePeriod);
        var total = inCensus.Count + placedOnly.Count;
        var reconciliation = new EhcpReconciliation(latest is { } d ? Iso(d) : null, inCensus.Count, placedOnly.Count, total,
            published?.TimePeriod, published?.Plans, null);
        if (latest is not { } census || published is null)
            return reconciliation with { Note = "no census, or no DfE EHC plan statistics for the LA" };

        var year = AcademicYear.FirstYearOf(census);
        var period = AcademicYear.Format(year);
        var yardstick = Yardstick(ours, caseload, year, published);
        if (yardstick is not { } y)
        {
            var why = caseload?.Skipped ?? "the history ends after it or is too short to forecast";
            return reconciliation with
            {
                ComparedPeriod = period,
                Note = $"the DfE has not published {Academic(year)} and there is no forecast of it: {why}",
            };
        }

        var expected = (long)Math.Round(y.Expected);
        var (lower, upper) = ((long)Math.Round(y.Lower), (long)Math.Round(y.Upper));
        reconciliation = reconciliation with
        {
            Difference = total - expected,
            ComparedPeriod = period,
            Basis = y.Basis,
            Expected = expected,
            ExpectedLower = lower,
            ExpectedUpper = upper,
        };
        if (total == 0 || (total >= y.Lower && total <= y.Upper)) return reconciliation;

        var lastYear = AcademicYear.TryParse(published.TimePeriod, out var last) ? last : year;
        var gap = Gap(y, year, total, lastYear);
        issues.Add(DataQualityIssue.Of(R.EhcpTotalsDiffer, Submitter.LocalAuthorityId, ReturnTypes.EhcpHistory,
            y.Cited.Source.UploadPath, y.Cited.Source.Row, EhcpHistoryColumns.EhcPlans.Name,
            ("ours", N(total)), ("census", Iso(census)), ("expected", gap.Expected), ("range", gap.Range),
            ("difference", gap.Difference), ("percent", gap.Percent)));
        return reconciliation;
    }

    /// <summary>
    /// What the census year is measured against: the DfE's figure for that year, with the tolerance either side,
    /// or else the forecast of it with its 80% interval, citing the latest figure it was made from; null if neither.
    /// </summary>
    internal static (string Basis, double Expected, double Lower, double Upper, EhcpCount Cited)? Yardstick(
        List<EhcpCount> ours, LaCaseload? caseload, int year, EhcpCount latest)
    {
        var period = AcademicYear.Format(year);
        if (ours.FirstOrDefault(h => h.TimePeriod.Trim() == period && h.Plans is > 0) is { Plans: { } plans } sameYear)
        {
            var tolerance = (double)ReconciliationTolerance;
            var (lower, upper) = (plans * (1 - tolerance), plans * (1 + tolerance));
            return (EhcpReconciliation.PublishedBasis, plans, lower, upper, sameYear);
        }
        return caseload?.Forecast.FirstOrDefault(r => r.Year == year) is { } forecast
            ? (EhcpReconciliation.ForecastBasis, forecast.Plans, forecast.Lower, forecast.Upper, latest)
            : null;
    }

    /// <summary>The LA's own rows of the DfE EHC plan statistics in force (the yardstick's history).</summary>
    internal static List<EhcpCount> PublishedCaseload(LaPicture picture, string laCode) =>
        [.. picture.EhcpHistory.Where(h => h.GeographicLevel.Equals(Area.LocalAuthority, StringComparison.OrdinalIgnoreCase)
            && h.OldLaCode == laCode)];

    /// <summary>
    /// A count outside its yardstick in the words XR1008 and XR1014 use: what it was measured against, the range
    /// it fell outside, and the gap signed and as a share. A forecast names the latest published year it was
    /// made from when <paramref name="forecastFrom"/> is given.
    /// </summary>
    internal static (string Expected, string Range, string Difference, string Percent) Gap(
        (string Basis, double Expected, double Lower, double Upper, EhcpCount Cited) y, int year, long count,
        int? forecastFrom)
    {
        var expected = (long)Math.Round(y.Expected);
        var (lower, upper) = ((long)Math.Round(y.Lower), (long)Math.Round(y.Upper));
        var from = forecastFrom is { } last ? $" (from the DfE statistics to {Academic(last)})" : "";
        var (what, range) = y.Basis == EhcpReconciliation.PublishedBasis
            ? ($"{N(expected)} in the DfE statistics for {Academic(year)}",
                $"the {ReconciliationTolerance:0%} tolerance ({N(lower)} to {N(upper)})")
            : ($"a forecast of {N(expected)} for {Academic(year)}{from}", $"its 80% interval ({N(lower)} to {N(upper)})");
        var difference = count - expected;
        return (what, range, difference.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture),
            ((decimal)difference / expected).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture));
    }

    /// <summary>2025 → "2025/26", as the DfE writes an academic year in words.</summary>
    internal static string Academic(int firstYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstYear}/{(firstYear + 1) % 100:00}");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Row(Source source) => source.Row.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
