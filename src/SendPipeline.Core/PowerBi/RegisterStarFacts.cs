using SendPipeline.Core.Register;
using static SendPipeline.Core.PowerBi.StarColumns;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The LA's EHC plan register (the sen2 extract in force) as facts: requests, assessments, plans and annual
/// reviews, one row each, keyed by <see cref="PupilKeys"/> only (no UPN, ULN, name, postcode, date of birth or
/// the case-management system's ids). The measures (decided within 6 weeks, issued within 20 weeks, review in
/// time) are <see cref="Sen2FiguresBuilder"/>'s, so Power BI and the register's CSVs count alike.
/// </summary>
internal static class RegisterStarFacts
{
    public static IEnumerable<StarTable> All(Sen2Register? register, StarDimensions dims, PupilKeys keys)
    {
        var cases = (register?.People ?? [])
            .SelectMany(p => p.Requests.Select(r => (Pupil: keys.Of(p.Upn, p.Uln), Request: r)))
            .OrderBy(c => c.Request.ReceivedDate).ThenBy(c => c.Pupil, StringComparer.Ordinal)
            .ThenBy(c => c.Request.RequestId, StringComparer.Ordinal)
            .ToList();
        yield return Requests(cases);
        yield return Assessments(cases);
        yield return Plans(cases, dims);
        yield return Reviews(register?.ReferenceDate ?? default, cases, dims);
    }

    private static StarTable Requests(List<(string? Pupil, Sen2Request Request)> cases) =>
        new("fact_ehc_request", "one row per request for an EHC needs assessment in the LA's register (sen2)",
            [Int("ReceivedDateKey"), Text("PupilKey", true), Text("RequestSource", true), Flag("Rya"),
             Int("OutcomeDateKey", true), Text("Outcome", true), Flag("DecidedWithinSixWeeks", true), Flag("Mediation"),
             Flag("Tribunal")],
            [.. cases.Select(c => (object?[])[DateKey(c.Request.ReceivedDate), c.Pupil, c.Request.RequestSource, c.Request.Rya,
                Key(c.Request.OutcomeDate), c.Request.Outcome, Sen2FiguresBuilder.DecidedWithinSixWeeks(c.Request),
                c.Request.Mediation, c.Request.Tribunal])]);

    private static StarTable Assessments(List<(string? Pupil, Sen2Request Request)> cases) =>
        new("fact_ehc_assessment", "one row per EHC needs assessment in the LA's register (sen2)",
            [Int("RequestReceivedDateKey"), Text("PupilKey", true), Int("OutcomeDateKey", true), Text("Outcome", true),
             Flag("Week20Exception", true), Flag("Mediation"), Flag("Tribunal")],
            [.. cases.SelectMany(c => c.Request.Assessments.Select(a => (object?[])[DateKey(c.Request.ReceivedDate), c.Pupil,
                Key(a.OutcomeDate), a.Outcome, a.Week20Exception, a.Mediation, a.Tribunal]))]);

    private static StarTable Plans(List<(string? Pupil, Sen2Request Request)> cases, StarDimensions dims) =>
        new("fact_ehc_plan", "one row per EHC plan issued in the LA's register (sen2), with its first named setting",
            [Int("IssuedDateKey", true), Int("RequestReceivedDateKey"), Text("PupilKey", true), Int("DaysFromRequest", true),
             Flag("IssuedWithinTwentyWeeks", true), Flag("Week20Exception", true), Int("CeaseDateKey", true),
             Text("CeaseReason", true), Int("SettingKey"), Text("SenSetting", true)],
            [.. cases.SelectMany(c => c.Request.Assessments.SelectMany(a => a.Plans.Select(p =>
            {
                var days = p.IssuedDate is { } issued ? issued.DayNumber - c.Request.ReceivedDate.DayNumber : (int?)null;
                var setting = p.Settings.OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault();
                return (object?[])[Key(p.IssuedDate), DateKey(c.Request.ReceivedDate), c.Pupil, (long?)days,
                    days <= Sen2FiguresBuilder.TwentyWeeksDays, a.Week20Exception, Key(p.CeaseDate), p.CeaseReason,
                    setting is null ? Dimension.Unknown : dims.SettingOfProvider(setting.Urn, setting.Ukprn), setting?.SenSetting];
            })))]);

    private static StarTable Reviews(DateOnly reference, List<(string? Pupil, Sen2Request Request)> cases,
        StarDimensions dims) =>
        new("fact_ehc_active_plan", "one row per plan active at the register's reference date (sen2), with its annual "
            + "review, main need and current setting",
            [Int("ReferenceDateKey"), Text("PupilKey", true), Int("LastReviewDateKey", true), Int("ReviewMeetingDateKey", true),
             Text("ReviewOutcome", true), Flag("ReviewInTime", true), Int("NeedKey"), Int("SettingKey"),
             Text("SenSetting", true), Text("TransferLa", true)],
            [.. cases.SelectMany(c => c.Request.ActivePlans.Select(a =>
            {
                var need = a.Needs.Where(n => n.Rank == 1).Select(n => n.SenType).FirstOrDefault();
                var setting = a.Placements.Where(s => s.CurrentOn(reference))
                    .OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault();
                return (object?[])[DateKey(reference), c.Pupil, Key(a.LastReview), Key(a.ReviewMeeting),
                    a.ReviewOutcome, Sen2FiguresBuilder.ReviewInTime(c.Request, a), dims.Need[need],
                    setting is null ? Dimension.Unknown : dims.SettingOfProvider(setting.Urn, setting.Ukprn),
                    setting?.SenSetting, a.TransferLa];
            }))]);

    private static long? Key(DateOnly? date) => date is { } d ? DateKey(d) : null;
}
