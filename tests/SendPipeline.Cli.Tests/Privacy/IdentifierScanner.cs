using System.Text.RegularExpressions;

namespace SendPipeline.Cli.Tests.Privacy;

/// <summary>
/// Finds uploaded identifiers in text and names each find by its kind and location only: the value
/// itself is never printed, so a failing test does not leak what it caught.
/// </summary>
internal sealed partial class IdentifierScanner(UploadedIdentifiers ids)
{
    public List<string> Findings { get; } = [];

    /// <param name="pupilLevel">
    /// True where every value concerns a pupil (logs, activity inputs and outputs, exceptions): an ISO
    /// date of birth there is a leak. False for published tables, where the same date is a calendar date.
    /// </param>
    public void Scan(string location, string text, bool pupilLevel)
    {
        // Every run of letters, digits and slashes, as a set: a UPN, a ULN or a dd/mm/yyyy date is such a
        // run in CSV, JSON, HTML and log text alike (the approach of tests/powerbi/analyst-check.mjs).
        var tokens = Words().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Report(location, "UPN", tokens.Count(ids.Upns.Contains));
        Report(location, "ULN", tokens.Count(ids.Ulns.Contains));
        Report(location, "date of birth (dd/mm/yyyy)", tokens.Count(ids.UkBirthDates.Contains));
        // Names and postcodes of the SEN2 extract are two words: look at each pair of neighbouring words.
        var words = Words().Matches(text).Select(m => m.Value.ToUpperInvariant()).ToList();
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < words.Count; i++) pairs.Add(words[i - 1] + " " + words[i]);
        Report(location, "name or postcode", pairs.Count(ids.PairNeedles.Contains));
        if (!pupilLevel) return;
        var dates = IsoDates().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Report(location, "date of birth (yyyy-mm-dd)", dates.Count(ids.IsoBirthDates.Contains));
    }

    private void Report(string location, string kind, int count)
    {
        if (count > 0) Findings.Add($"{location}: {count} distinct {kind} value(s)");
    }

    [GeneratedRegex("[A-Za-z0-9/]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")]
    private static partial Regex IsoDates();
}
