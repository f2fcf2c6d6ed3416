using System.Globalization;
using System.Text.Json.Serialization;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Submission;

/// <summary>
/// One pre-submission check and its outcome. <see cref="Items"/> names who or what to chase (a school,
/// a provider, an S251 line), never a pupil. A failed <see cref="Blocking"/> check keeps the package a draft.
/// </summary>
public sealed record CheckResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("blocking")] bool Blocking,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("items")] IReadOnlyList<string> Items)
{
    public string Outcome => Passed ? "pass" : Blocking ? "FAIL (blocking)" : "warning";
}

/// <summary>
/// The checks issue 5 asks for before a quarter's return can be final: a pure function of the
/// picture, so the checks listed in a package are exactly those of its snapshot.
/// </summary>
public static class PreSubmissionChecks
{
    public const string CensusCoverage = "SUB-001", ProviderReturns = "SUB-002", FinanceLines = "SUB-003",
        ExpertsAtHandSplit = "SUB-004", UnresolvedErrors = "SUB-005", DataQualityQueries = "SUB-006";

    /// <param name="split">The Experts at Hand split of the quarter's workforce dataset.</param>
    /// <param name="baseYear">The forecast base year, whose Actual outturn the HNB forecast starts from.</param>
    /// <param name="dataQualityQueries">Issues found across returns: listed, never blocking, since each may be right.</param>
    /// <param name="counts">The quarter's counts (<see cref="ReturnCounts.For"/>); computed when not given.</param>
    public static IReadOnlyList<CheckResult> Run(LaPicture picture, string laCode, FinancialQuarter quarter, IReadOnlyList<SplitRow> split,
        FinancialYear baseYear, int dataQualityQueries, ReturnCounts? counts = null)
    {
        counts ??= ReturnCounts.For(picture, laCode, quarter);
        return
        [
            Census(picture, laCode, quarter),
            Providers(counts, quarter),
            Finance(picture, quarter, baseYear),
            Split(picture, quarter, split, counts),
            Unresolved(picture, counts),
            new(DataQualityQueries, "Queries found across returns", Blocking: false, Passed: dataQualityQueries == 0,
                dataQualityQueries == 0 ? "No queries across returns." :
                $"{dataQualityQueries:N0} queries across returns are open: see the data-quality report.", []),
        ];
    }

    /// <summary>The latest census on or before the quarter's end is the one the quarter reports.</summary>
    public static DateOnly? CensusFor(LaPicture picture, FinancialQuarter quarter)
    {
        DateOnly? latest = null;
        foreach (var p in picture.Census)
            if (p.CensusDate <= quarter.End && (latest is null || p.CensusDate > latest)) latest = p.CensusDate;
        return latest;
    }

    private static CheckResult Census(LaPicture picture, string laCode, FinancialQuarter quarter)
    {
        const string title = "Census coverage of the LA's open schools";
        if (CensusFor(picture, quarter) is not { } census)
            return new(CensusCoverage, title, true, false, $"No school census on or before {Iso(quarter.End)} is in force.", []);
        var returned = picture.Census.Where(p => p.CensusDate == census).Select(p => p.LaEstab).ToHashSet(StringComparer.Ordinal);
        var expected = picture.Establishments
            .Where(e => e.IsOpen && e.Pupils is > 0 && e.LaEstab.StartsWith(laCode, StringComparison.Ordinal) && CrossReturnChecks.MakesCensusReturn(e))
            .GroupBy(e => e.LaEstab).Select(g => g.First()).OrderBy(e => e.LaEstab, StringComparer.Ordinal).ToList();
        var missing = expected.Where(e => !returned.Contains(e.LaEstab)).Select(e => $"{e.LaEstab} {e.Name}").ToList();
        var covered = expected.Count - missing.Count;
        return new(CensusCoverage, title, true, missing.Count == 0,
            $"{covered:N0} of {expected.Count:N0} open schools returned the {Iso(census)} census" +
            (missing.Count == 0 ? "." : $"; {missing.Count:N0} have not: chase them or correct the register."), missing);
    }

    /// <summary>
    /// A provider with a placement of ours live at any time in the quarter, or whose latest placements upload
    /// (even a rejected one) is for the quarter, must return for it (<see cref="ReturnCounts.ProvidersFor"/>).
    /// </summary>
    private static CheckResult Providers(ReturnCounts counts, FinancialQuarter quarter)
    {
        const string title = "Every provider with live placements returned for the quarter";
        var providers = counts.Providers;
        if (providers.Expected == 0)
            return new(ProviderReturns, title, true, false, "No placements returns are in force, so no provider is known to have returned.", []);
        return new(ProviderReturns, title, true, providers.Missing.Count == 0,
            $"{providers.OfExpected} providers expected for the quarter returned at {Iso(quarter.End)}" +
            (providers.Missing.Count == 0 ? "."
                : $"; {providers.Missing.Count:N0} have not, or their return was rejected."),
            providers.Missing);
    }

    /// <summary>
    /// The base year's Actual outturn (the forecast starts from it) and a Budget or Forecast for the
    /// quarter's own financial year on every line that had an actual.
    /// </summary>
    private static CheckResult Finance(LaPicture picture, FinancialQuarter quarter, FinancialYear baseYear)
    {
        const string title = "High Needs Block finance lines present";
        var lines = picture.FinanceLines.Select(f => (Year: f.FinancialYear.Trim(), Line: S251Lines.Find(f.S251Line.Trim())?.Code ?? f.S251Line.Trim(), Basis: f.Basis.Trim())).ToList();
        var actual = lines.Where(l => l.Year == baseYear.ToString() && l.Basis.Equals("Actual", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Line).ToHashSet(StringComparer.Ordinal);
        if (actual.Count == 0)
            return new(FinanceLines, title, true, false, $"No Actual hnb-finance lines for the base year {baseYear}.", []);
        var year = quarter.Year.ToString();
        var planned = lines.Where(l => l.Year == year && (l.Basis.Equals("Budget", StringComparison.OrdinalIgnoreCase) || l.Basis.Equals("Forecast", StringComparison.OrdinalIgnoreCase)))
            .Select(l => l.Line).ToHashSet(StringComparer.Ordinal);
        var missing = actual.Where(l => !planned.Contains(l)).OrderBy(S251Lines.Order).Select(l => $"{l} {S251Lines.Find(l)?.Description ?? ""}".TrimEnd()).ToList();
        return new(FinanceLines, title, true, missing.Count == 0,
            $"{actual.Count:N0} S251 lines have {baseYear} actuals; " +
            (missing.Count == 0 ? $"all have a {year} budget or forecast." : $"{missing.Count:N0} have no {year} budget or forecast."), missing);
    }

    /// <summary>
    /// The split is only the LA's if every service returned: a service missing from the quarter (never
    /// returned, or its latest upload rejected) or a discipline with no post fails the check by name.
    /// </summary>
    private static CheckResult Split(LaPicture picture, FinancialQuarter quarter, IReadOnlyList<SplitRow> split,
        ReturnCounts counts)
    {
        const string title = "Experts at Hand allocation split";
        if (!picture.Posts.Any(p => FinancialQuarter.TryParse(p.Quarter.Trim(), out var q) && q == quarter))
            return new(ExpertsAtHandSplit, title, true, false, $"No workforce return is in force for {quarter}.",
                [.. counts.Services.Missing]);
        if (split.Count == 0)
            return new(ExpertsAtHandSplit, title, true, false, $"No {quarter} post is funded by the Experts at Hand grant, so the split cannot be shown.", []);
        var missing = counts.Services.Missing.Select(s => $"{s}: no {quarter} workforce return in force")
            .Concat(ReturnCounts.MissingDisciplines(picture, quarter, SplitRules.From(picture.Assumptions))
                .Select(d => $"{d.Code} ({d.Meaning}): no post in {quarter}"))
            .ToList();
        var broken = split.Where(s => !s.Meets).Select(s => $"{s.Role} {s.Share:P1}, rule {s.Rule}").ToList();
        var shares = string.Join("; ", split.Select(s => $"{s.Role} {s.Share:P1} ({s.Rule})"));
        var detail = missing.Count > 0
            ? $"{counts.Services.OfExpected} services returned their {quarter} workforce, " +
              "so the split is incomplete: " +
              string.Join("; ", missing) + $". Split of those returned: {shares}."
            : shares + (broken.Count == 0 ? "." : ": a rule is broken.");
        return new(ExpertsAtHandSplit, title, true, broken.Count == 0 && missing.Count == 0, detail,
            [.. missing, .. broken]);
    }

    private static CheckResult Unresolved(LaPicture picture, ReturnCounts counts)
    {
        const string title = "No unresolved errors in the returns";
        return new(UnresolvedErrors, title, true, counts.RejectedUploads == 0,
            ReturnCounts.RejectedSentence(counts.RejectedUploads, counts.RejectedSubmitters) +
            (counts.RejectedUploads == 0 ? "." : "; the earlier accepted return, if any, stays in force."),
            ReturnCounts.RejectedUploadLines(picture));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
