using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SendPipeline.Cli.Tests.Privacy;

/// <summary>
/// Whether a published pupil-level row carries that pupil's own date of birth. An ISO date alone cannot be
/// called a leak (every dated table holds calendar dates), so each row's pupil key is joined to the birth
/// dates uploaded for that pupil, keyed as the pipeline documents: lowercase hex HMAC-SHA256(secret, UPN,
/// else ULN, trimmed and upper-cased), computed here independently of the pipeline's own code.
/// A date counts in any form a row could hold it: yyyy-mm-dd, dd/mm/yyyy, or a yyyymmdd date key.
/// </summary>
internal sealed partial class PupilBirthDates
{
    private readonly Dictionary<string, HashSet<DateOnly>> _byKey = new(StringComparer.Ordinal);

    public PupilBirthDates(UploadedIdentifiers ids, byte[] secret)
    {
        using var hmac = new HMACSHA256(secret);
        foreach (var (id, births) in ids.BirthDatesByIdentifier)
        {
            var key = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(id)));
            if (!_byKey.TryGetValue(key, out var set)) _byKey[key] = set = [];
            set.UnionWith(births);
        }
    }

    public List<string> Findings { get; } = [];

    /// <summary>Rows whose pupil key matched an uploaded pupil: above zero proves the join is not vacuous.</summary>
    public int RowsMatched { get; private set; }

    public void Check(string location, IEnumerable<List<(string Column, string Value)>> rows)
    {
        var hits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var births = row.SelectMany(cell => Keys().Matches(cell.Value))
                .SelectMany(m => _byKey.TryGetValue(m.Value, out var set) ? set : []).ToHashSet();
            if (births.Count == 0) continue;
            RowsMatched++;
            foreach (var (column, value) in row)
                if (Dates(value).Any(births.Contains))
                    hits[column] = hits.GetValueOrDefault(column) + 1;
        }
        foreach (var (column, count) in hits)
            Findings.Add($"{location} column {column}: {count} row(s) hold the pupil's own date of birth");
    }

    private static IEnumerable<DateOnly> Dates(string text)
    {
        foreach (Match m in DateTokens().Matches(text))
            if (DateOnly.TryParseExact(m.Value, ["yyyy-MM-dd", "dd/MM/yyyy", "yyyyMMdd"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date))
                yield return date;
    }

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex Keys();

    [GeneratedRegex(@"(?<![0-9])([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}/[0-9]{2}/[0-9]{4}|[0-9]{8})(?![0-9])")]
    private static partial Regex DateTokens();
}
