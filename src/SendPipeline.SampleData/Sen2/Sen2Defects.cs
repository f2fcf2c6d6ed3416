using System.Globalization;
using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Defects;
using M = SendPipeline.SampleData.Sen2.Sen2Modules;

namespace SendPipeline.SampleData.Sen2;

/// <summary>
/// The SEN2 defects the sample plants, by kind name (the rule ids are the validator's: the lead maps them).
/// Queries go in the extract in force; errors in a second export of the same month, which is rejected as a
/// whole, so the first stays in force, as a hand-edited register extract does for the establishments return.
/// </summary>
public static class Sen2DefectKinds
{
    public const string DuplicateKey = "sen2-duplicate-key";
    public const string ParentKeyUnresolved = "sen2-parent-key-unresolved";
    public const string PlanBeforeRequest = "sen2-plan-before-request";
    public const string CeasedWithoutReason = "sen2-ceased-without-reason";
    public const string NoRankOneNeed = "sen2-no-rank-one-need";
    public const string WrongCheckLetter = "sen2-wrong-check-letter";
    public const string LeavingBeforeEntry = "sen2-leaving-before-entry";
    public const string BlankRequestSource = "sen2-blank-request-source";
    public const string TwoOpenRequests = "sen2-two-open-requests";

    public static readonly IReadOnlyList<string> Errors =
    [
        DuplicateKey, ParentKeyUnresolved, PlanBeforeRequest, CeasedWithoutReason, NoRankOneNeed, WrongCheckLetter,
        LeavingBeforeEntry,
    ];

    public static readonly IReadOnlyList<string> Queries = [BlankRequestSource, TwoOpenRequests];

}

/// <summary>
/// Plants the kinds of <see cref="Sen2DefectKinds"/> in the text of an extract's modules, one to a row, and
/// records each.
/// </summary>
internal sealed class Sen2Defects(Random rng, string uploadPath)
{
    private readonly HashSet<(string, int)> _used = [];

    public List<PlantedDefect> Defects { get; } = [];

    public void PlantQueries(Sen2Tables tables)
    {
        var requests = tables[M.Requests];
        if (Pick(requests, _ => true) is { } blank)
        {
            requests.Set(blank, "requestsource", "");
            Record(requests, blank, "requestsource", Sen2DefectKinds.BlankRequestSource);
        }
        // The same open request entered again by a second officer a few days later.
        var assessments = tables[M.Assessment];
        var assessed = assessments.Rows.Select(r => r[assessments.Column("requeststableid")])
            .ToHashSet(StringComparer.Ordinal);
        bool Open(int i) =>
            requests.Get(i, "requestoutcomedate").Length == 0 && !assessed.Contains(requests.Get(i, "requeststableid"));
        if (Pick(requests, Open) is { } open)
        {
            var copy = (string[])requests.Rows[open].Clone();
            var next = requests.Rows.Count + 1;
            var key = requests.Rows.Max(r => int.Parse(r[0], CultureInfo.InvariantCulture)) + 1;
            copy[requests.Column("requeststableid")] = key.ToString(CultureInfo.InvariantCulture);
            var received = ParseBlade(requests.Get(open, "receiveddate"));
            copy[requests.Column("receiveddate")] = Sen2Tables.Blade(received.AddDays(3));
            copy[requests.Column("NativeId")] = $"REQ-{next:D6}";
            copy[requests.Column("requestsorderseqcolumn")] = next.ToString(CultureInfo.InvariantCulture);
            requests.Rows.Add(copy);
            _used.Add((requests.Module.Name, requests.Rows.Count - 1));
            Record(requests, requests.Rows.Count - 1, "persontableid", Sen2DefectKinds.TwoOpenRequests);
        }
    }

    public void PlantErrors(Sen2Tables tables)
    {
        var requests = tables[M.Requests];
        if (Pick(requests, _ => true) is { } first && Pick(requests, i => i > first) is { } second)
        {
            requests.Set(second, "requeststableid", requests.Get(first, "requeststableid"));
            Record(requests, second, "requeststableid", Sen2DefectKinds.DuplicateKey);
        }

        var assessments = tables[M.Assessment];
        if (Pick(assessments, _ => true) is { } orphan)
        {
            var nowhere = "9" + requests.Rows.Count.ToString("D7", CultureInfo.InvariantCulture);
            assessments.Set(orphan, "requeststableid", nowhere);
            Record(assessments, orphan, "requeststableid", Sen2DefectKinds.ParentKeyUnresolved);
        }

        var plans = tables[M.NamedPlan];
        var assessmentRequest = assessments.Rows.GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        var receivedColumn = requests.Column("receiveddate");
        var received = requests.Rows.GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.First()[receivedColumn], StringComparer.Ordinal);
        string? ReceivedFor(int plan) =>
            assessmentRequest.TryGetValue(plans.Get(plan, "assessmenttableid"), out var request)
            && received.TryGetValue(request, out var date) ? date : null;
        if (Pick(plans, i => ReceivedFor(i) is not null) is { } early)
        {
            plans.Set(early, "startdate", Sen2Tables.Blade(ParseBlade(ReceivedFor(early)!).AddDays(-30)));
            Record(plans, early, "startdate", Sen2DefectKinds.PlanBeforeRequest);
        }
        if (Pick(plans, i => plans.Get(i, "ceasedate").Length > 0) is { } ceased)
        {
            plans.Set(ceased, "ceasereason", "");
            Record(plans, ceased, "ceasereason", Sen2DefectKinds.CeasedWithoutReason);
        }

        var needs = tables[M.SenNeed];
        var needCounts = needs.Rows.GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        bool OnlyNeed(int i) =>
            needs.Get(i, "sentyperank") == "1" && needCounts[needs.Get(i, "activeplanstableid")] == 1;
        if (Pick(needs, OnlyNeed) is { } only)
        {
            needs.Set(only, "sentyperank", "2");
            Record(needs, only, "sentyperank", Sen2DefectKinds.NoRankOneNeed);
        }

        var people = tables[M.Person];
        if (Pick(people, i => people.Get(i, "upn").Length == Upn.Length) is { } person)
        {
            var upn = people.Get(person, "upn");
            var shift = 1 + rng.Next(Upn.CheckAlphabet.Length - 1);
            var wrong = Upn.CheckAlphabet[(Upn.CheckAlphabet.IndexOf(upn[0]) + shift) % Upn.CheckAlphabet.Length];
            people.Set(person, "upn", wrong + upn[1..]);
            Record(people, person, "upn", Sen2DefectKinds.WrongCheckLetter, "1510");
        }

        var placements = tables[M.PlacementDetail];
        if (Pick(placements, i => placements.Get(i, "leavingdate").Length == 0) is { } placement)
        {
            var entry = DateOnly.ParseExact(placements.Get(placement, "entrydate"), "dd/MM/yyyy",
                CultureInfo.InvariantCulture);
            placements.Set(placement, "leavingdate", Sen2Tables.Uk(entry.AddDays(-10)));
            Record(placements, placement, "leavingdate", Sen2DefectKinds.LeavingBeforeEntry);
        }
    }

    private int? Pick(Sen2Table table, Func<int, bool> suitable)
    {
        var free = Enumerable.Range(0, table.Rows.Count)
            .Where(i => !_used.Contains((table.Module.Name, i)) && suitable(i)).ToList();
        if (free.Count == 0) return null;
        var row = free[rng.Next(free.Count)];
        _used.Add((table.Module.Name, row));
        return row;
    }

    private void Record(Sen2Table table, int row, string column, string kind, string? dfeRule = null)
    {
        var value = table.Get(row, column);
        Defects.Add(new PlantedDefect(uploadPath, row + 2, column, DefectKinds.SeverityOf(kind), kind,
            value.Length == 0 ? null : value, dfeRule, table.Module.Name));
    }

    private static DateOnly ParseBlade(string text) =>
        DateOnly.ParseExact(text, "yyyy-MMM-dd' 00:00:00'", CultureInfo.InvariantCulture);
}
