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
        IEnumerable<Case> Cases() => Ordered(register, keys);
        yield return Requests(Cases);
        yield return Assessments(Cases);
        yield return Plans(Cases, dims);
        yield return Reviews(register?.ReferenceDate ?? default, Cases, dims);
    }

    /// <summary>Every request with its pupil's key, by date received, pupil and request id.</summary>
    private static IEnumerable<Case> Ordered(Sen2Register? register, PupilKeys keys)
    {
        var requests = (register?.People ?? [])
            .SelectMany(p => p.Requests.Select(r => (Person: p, Request: r))).ToList();
        return PupilOrder.Of(requests, c => c.Request.ReceivedDate, _ => null,
                (h, c) => h.Of(c.Person.Upn, c.Person.Uln),
                (x, y) => string.CompareOrdinal(x.Request.RequestId, y.Request.RequestId), keys)
            .Select(c => new Case(c.Pupil, c.Item.Request));
    }

    private static StarTable Requests(Func<IEnumerable<Case>> cases) =>
        new("fact_ehc_request", "one row per request for an EHC needs assessment in the LA's register (sen2)",
            [Int("ReceivedDateKey"), Text("PupilKey", true), Text("RequestSource", true), Flag("Rya"),
             Int("OutcomeDateKey", true), Text("Outcome", true), Flag("DecidedWithinSixWeeks", true), Flag("Mediation"),
             Flag("Tribunal")],
            StarRows.Streamed(cases, (c, row) => row.Int(DateKey(c.Request.ReceivedDate)).Text(c.Pupil?.ToString())
                .Text(c.Request.RequestSource).Flag(c.Request.Rya).Int(Key(c.Request.OutcomeDate))
                .Text(c.Request.Outcome).Flag(Sen2FiguresBuilder.DecidedWithinSixWeeks(c.Request))
                .Flag(c.Request.Mediation).Flag(c.Request.Tribunal)));

    private static StarTable Assessments(Func<IEnumerable<Case>> cases) =>
        new("fact_ehc_assessment", "one row per EHC needs assessment in the LA's register (sen2)",
            [Int("RequestReceivedDateKey"), Text("PupilKey", true), Int("OutcomeDateKey", true), Text("Outcome", true),
             Flag("Week20Exception", true), Flag("Mediation"), Flag("Tribunal")],
            StarRows.Streamed(
                () => cases().SelectMany(c => c.Request.Assessments.Select(a => (Case: c, Assessment: a))),
                (c, row) => row.Int(DateKey(c.Case.Request.ReceivedDate)).Text(c.Case.Pupil?.ToString())
                    .Int(Key(c.Assessment.OutcomeDate)).Text(c.Assessment.Outcome).Flag(c.Assessment.Week20Exception)
                    .Flag(c.Assessment.Mediation).Flag(c.Assessment.Tribunal)));

    private static StarTable Plans(Func<IEnumerable<Case>> cases, StarDimensions dims) =>
        new("fact_ehc_plan", "one row per EHC plan issued in the LA's register (sen2), with its first named setting",
            [Int("IssuedDateKey", true), Int("RequestReceivedDateKey"), Text("PupilKey", true), Int("DaysFromRequest", true),
             Flag("IssuedWithinTwentyWeeks", true), Flag("Week20Exception", true), Int("CeaseDateKey", true),
             Text("CeaseReason", true), Int("SettingKey"), Text("SenSetting", true)],
            StarRows.Streamed(
                () => cases().SelectMany(c => c.Request.Assessments
                    .SelectMany(a => a.Plans.Select(p => (Case: c, Assessment: a, Plan: p)))),
                (c, row) =>
                {
                    var (request, plan) = (c.Case.Request, c.Plan);
                    var days = plan.IssuedDate is { } issued
                        ? issued.DayNumber - request.ReceivedDate.DayNumber : (int?)null;
                    var setting = plan.Settings.OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault();
                    row.Int(Key(plan.IssuedDate)).Int(DateKey(request.ReceivedDate)).Text(c.Case.Pupil?.ToString())
                        .Int(days)
                        .Flag(days <= Sen2FiguresBuilder.TwentyWeeksDays).Flag(c.Assessment.Week20Exception)
                        .Int(Key(plan.CeaseDate)).Text(plan.CeaseReason)
                        .Int(setting is null ? Dimension.Unknown : dims.SettingOfProvider(setting.Urn, setting.Ukprn))
                        .Text(setting?.SenSetting);
                }));

    private static StarTable Reviews(DateOnly reference, Func<IEnumerable<Case>> cases, StarDimensions dims) =>
        new("fact_ehc_active_plan", "one row per plan active at the register's reference date (sen2), with its annual "
            + "review, main need and current setting",
            [Int("ReferenceDateKey"), Text("PupilKey", true), Int("LastReviewDateKey", true), Int("ReviewMeetingDateKey", true),
             Text("ReviewOutcome", true), Flag("ReviewInTime", true), Int("NeedKey"), Int("SettingKey"),
             Text("SenSetting", true), Text("TransferLa", true)],
            StarRows.Streamed(() => cases().SelectMany(c => c.Request.ActivePlans.Select(a => (Case: c, Active: a))),
                (c, row) =>
                {
                    var a = c.Active;
                    var need = a.Needs.Where(n => n.Rank == 1).Select(n => n.SenType).FirstOrDefault();
                    var setting = a.Placements.Where(s => s.CurrentOn(reference))
                        .OrderBy(s => s.PlacementRank ?? int.MaxValue).FirstOrDefault();
                    row.Int(DateKey(reference)).Text(c.Case.Pupil?.ToString()).Int(Key(a.LastReview))
                        .Int(Key(a.ReviewMeeting)).Text(a.ReviewOutcome)
                        .Flag(Sen2FiguresBuilder.ReviewInTime(c.Case.Request, a)).Int(dims.Need[need])
                        .Int(setting is null ? Dimension.Unknown : dims.SettingOfProvider(setting.Urn, setting.Ukprn))
                        .Text(setting?.SenSetting).Text(a.TransferLa);
                }));

    /// <summary>A request and its pupil's key.</summary>
    private readonly record struct Case(PupilKey? Pupil, Sen2Request Request);

    private static long? Key(DateOnly? date) => date is { } d ? DateKey(d) : null;
}
