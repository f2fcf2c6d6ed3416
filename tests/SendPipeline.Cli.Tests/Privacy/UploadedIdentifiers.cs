using System.Globalization;

namespace SendPipeline.Cli.Tests.Privacy;

/// <summary>
/// Every UPN, ULN and date of birth in the census and placement CSVs uploaded (the XLSX census files
/// hold the same generator's pupils in another form and are not parsed here), as the needles to search for.
/// </summary>
internal sealed class UploadedIdentifiers
{
    public HashSet<string> Upns { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Ulns { get; } = new(StringComparer.Ordinal);
    /// <summary>Dates of birth as uploaded in dd/mm/yyyy: a form no output writes, so any occurrence is a leak.</summary>
    public HashSet<string> UkBirthDates { get; } = new(StringComparer.Ordinal);
    /// <summary>Every date of birth as yyyy-mm-dd: also an ordinary calendar date, so a leak only where pupils are concerned.</summary>
    public HashSet<string> IsoBirthDates { get; } = new(StringComparer.Ordinal);
    /// <summary>
    /// Each pupil's dates of birth by the identifier the pupil key is made from (the UPN, else the ULN, as
    /// uploaded, trimmed and upper-cased), to find a date of birth on that pupil's own published rows.
    /// </summary>
    public Dictionary<string, HashSet<DateOnly>> BirthDatesByIdentifier { get; } = new(StringComparer.Ordinal);

    public static UploadedIdentifiers Read(string root)
    {
        var ids = new UploadedIdentifiers();
        var sep = Path.DirectorySeparatorChar;
        var files = Directory.GetFiles(Path.Combine(root, "uploads"), "*.csv", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{sep}school-census{sep}") || f.Contains($"{sep}placements{sep}"));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length == 0) continue;
            var header = lines[0].Trim('\uFEFF').Split(',').Select(h => h.Trim().Trim('"').ToUpperInvariant()).ToList();
            var (upn, uln, dob) = (header.IndexOf("UPN"), header.IndexOf("ULN"), header.IndexOf("DOB"));
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split(',');
                string Cell(int i) => i >= 0 && i < cells.Length ? cells[i].Trim().Trim('"') : "";
                // Planted defects include malformed identifiers; only well-formed ones identify a pupil.
                if (Cell(upn) is { Length: 13 } u) ids.Upns.Add(u);
                if (Cell(uln) is { Length: 10 } l && l.All(char.IsAsciiDigit)) ids.Ulns.Add(l);
                var birth = Cell(dob);
                if (!DateOnly.TryParseExact(birth, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) continue;
                ids.IsoBirthDates.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                var id = (Cell(upn).Length > 0 ? Cell(upn) : Cell(uln)).ToUpperInvariant();
                if (id.Length > 0)
                {
                    if (!ids.BirthDatesByIdentifier.TryGetValue(id, out var births))
                        ids.BirthDatesByIdentifier[id] = births = [];
                    births.Add(d);
                }
                if (birth.Contains('/')) ids.UkBirthDates.Add(birth);
            }
        }
        return ids;
    }
}
