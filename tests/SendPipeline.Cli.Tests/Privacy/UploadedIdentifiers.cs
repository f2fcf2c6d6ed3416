using System.Globalization;
using System.IO.Compression;
using SendPipeline.Core.Reading;

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

    /// <summary>
    /// Two-word identifiers of the SEN2 extract's people, upper-cased: "FORENAME SURNAME" and postcodes
    /// ("LE13 9IP"). A single name is an ordinary word (a surname can be a school's name); the pair is the person.
    /// </summary>
    public HashSet<string> PairNeedles { get; } = new(StringComparer.Ordinal);

    /// <summary>People read from the SEN2 extracts uploaded.</summary>
    public int Sen2People { get; private set; }

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
        foreach (var zip in Directory.GetFiles(Path.Combine(root, "uploads"), "*.zip", SearchOption.AllDirectories)
                     .Where(f => f.Contains($"{sep}sen2{sep}")))
            ids.ReadSen2People(zip);
        return ids;
    }

    /// <summary>The person module of a SEN2 Blade export: its UPNs, ULNs, dates of birth, names and postcodes.</summary>
    private void ReadSen2People(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith("_person.csv", StringComparison.OrdinalIgnoreCase));
        if (entry is null) return;
        using var text = new StreamReader(entry.Open());
        using var csv = new CsvTabularReader(text);
        var header = csv.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        string Field(string name) => header.IndexOf(name) is >= 0 and var i ? csv[i].ToString().Trim() : "";
        while (csv.Read())
        {
            Sen2People++;
            var (upn, uln) = (Field("upn"), Field("uniquelearnernumber"));
            if (upn.Length == 13) Upns.Add(upn);
            if (uln.Length == 10 && uln.All(char.IsAsciiDigit)) Ulns.Add(uln);
            var (forename, surname) = (Field("forename"), Field("surname"));
            if (forename.Length > 0 && surname.Length > 0) PairNeedles.Add($"{forename} {surname}".ToUpperInvariant());
            if (Field("postcode") is { Length: > 4 } postcode && postcode.Contains(' '))
                PairNeedles.Add(postcode.ToUpperInvariant());
            var birth = Field("personbirthdate");
            // The Blade export's "2022-Sep-28 00:00:00", ISO or UK: each as the ISO date an output would write.
            if (DateOnly.TryParseExact(birth.Split(' ')[0], ["yyyy-MMM-dd", "yyyy-MM-dd", "dd/MM/yyyy"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                IsoBirthDates.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (birth.Contains('/')) UkBirthDates.Add(birth);
            }
        }
    }
}
