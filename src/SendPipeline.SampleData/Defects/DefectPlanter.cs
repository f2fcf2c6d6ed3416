using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Pupils;
using C = SendPipeline.SampleData.Census.CensusColumns;
using K = SendPipeline.SampleData.Defects.DefectKinds;

namespace SendPipeline.SampleData.Defects;

/// <summary>
/// Spoils a few schools' files the way real exports go wrong, one defect to a row so that each
/// can be found on its own, and records every one. Six files get errors (grouped by what went
/// wrong: UPNs, dates, needs, flags, demographics, the wrong school), two get only queries, so
/// the demo shows both rejected files and accepted files with queries.
/// </summary>
internal sealed class DefectPlanter(Random rng, UpnAllocator upns, SampleLaOptions options)
{
    private const int MinimumRows = 20;

    private readonly List<PlantedDefect> _defects = [];
    private readonly HashSet<int> _usedRows = [];
    private SchoolFile _file = null!;

    public List<PlantedDefect> Plant(IReadOnlyList<SchoolFile> files)
    {
        Action[] groups = [UpnErrors, DateErrors, NeedErrors, FlagErrors, DemographicErrors, WrongSchool, Queries, Queries];
        var candidates = files
            .Where(f => !f.IsXlsx && f.School.IsMainstream && !f.WholeRoll && f.Rows.Count >= MinimumRows
                        && f.Rows.Count(r => r.Provision == "E") >= 4 && f.Rows.Count(r => r.Provision == "K") >= 4)
            .ToList();
        if (candidates.Count < groups.Length)
            throw new InvalidOperationException($"Planting defects needs {groups.Length} mainstream CSV schools with at least {MinimumRows} rows; there are {candidates.Count}.");
        Shuffle(candidates);
        for (var i = 0; i < groups.Length; i++)
        {
            _file = candidates[i];
            _usedRows.Clear();
            groups[i]();
        }
        return _defects;
    }

    private void UpnErrors()
    {
        var row = PickRow(_ => true);
        var upn = _file.Rows[row].Upn;
        var wrong = Upn.CheckAlphabet[(Upn.CheckAlphabet.IndexOf(upn[0]) + 1 + rng.Next(Upn.CheckAlphabet.Length - 1)) % Upn.CheckAlphabet.Length];
        SetUpn(row, wrong + upn[1..], K.WrongCheckLetter);

        // The later of the two rows is the duplicate.
        var (first, second) = (PickRow(_ => true), PickRow(_ => true));
        if (first > second) (first, second) = (second, first);
        SetUpn(second, _file.Rows[first].Upn, K.DuplicateUpn);

        row = PickRow(_ => true);
        var badLa = new[] { "000", "999", "100", "123", "700" }.First(c => !LaCodes.Dfe.IsValid(c));
        SetUpn(row, Upn.Create(badLa + _file.Rows[row].Upn[4..]), K.BadLaInUpn);

        // A letter O typed for a zero, the commonest way a UPN stops being numeric.
        row = PickRow(r => r.Upn.AsSpan(4, 8).Contains('0'));
        var chars = _file.Rows[row].Upn.ToCharArray();
        chars[4 + _file.Rows[row].Upn.AsSpan(4, 8).IndexOf('0')] = 'O';
        SetUpn(row, new string(chars), K.NonNumericUpn);

        row = PickRow(_ => true);
        SetUpn(row, _file.Rows[row].Upn[..12] + "IOS"[rng.Next(3)], K.BadLastChar);

        TemporaryUpn();
    }

    private void DateErrors()
    {
        // A century typed wrong: the pupil would be over a hundred.
        var row = PickRow(r => r.Dob is not null);
        _file.Rows[row].Dob = _file.Rows[row].Dob!.Value.AddYears(-100);
        Record(row, C.Dob, K.AgeOutOfRange);

        row = PickRow(r => r.Dob is not null);
        _file.Rows[row].SetRaw(C.Dob, _file.Rows[row].Dob!.Value.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        Record(row, C.Dob, K.BadDateFormat);

        // US month-first order with a day over 12, so it is not a valid UK date either.
        row = PickRow(r => r.Dob is { Day: > 12 });
        _file.Rows[row].SetRaw(C.Dob, _file.Rows[row].Dob!.Value.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Record(row, C.Dob, K.BadDateFormat);

        row = PickRow(_ => true);
        _file.Rows[row].EntryDate = options.CensusDate.AddDays(rng.Next(1, 41));
        Record(row, C.EntryDate, K.EntryAfterCensus);

        // Not the first row: a validator takes the file's census date from the first.
        row = PickRow(r => !ReferenceEquals(r, _file.Rows[0]));
        _file.Rows[row].CensusDate = PreviousCensus(options.CensusDate);
        Record(row, C.CensusDate, K.CensusDateDiffers);
    }

    private void NeedErrors()
    {
        var row = PickRow(r => r.Provision is "E" or "K");
        // ASC (autism spectrum condition) and ADHD are what clinicians write; neither is a census code.
        _file.Rows[row].SenType1 = new[] { "ASC", "ADHD", "DYSL" }[rng.Next(3)];
        _file.Rows[row].SenType2 = null;
        Record(row, C.SenType1, K.InvalidSenType);

        row = PickRow(r => r.Provision == "E");
        _file.Rows[row].SenType1 = "NSA";
        _file.Rows[row].SenType2 = null;
        Record(row, C.SenType1, K.NsaWithEhcp);

        row = PickRow(r => r.Provision is "E" or "K" && r.SenType1 != "NSA");
        _file.Rows[row].SenType2 = _file.Rows[row].SenType1;
        Record(row, C.SenType2, K.SenType2EqualsSenType1);
    }

    private void FlagErrors()
    {
        var row = PickRow(r => r.Provision == "E");
        _file.Rows[row].SenUnit = true;
        _file.Rows[row].ResourcedProvision = true;
        Record(row, C.ResourcedProvisionIndicator, K.BothUnitAndRp);

        // A pupil taken off SEN support whose top-up flag was never cleared.
        row = PickRow(r => r.Provision == "K");
        var pupil = _file.Rows[row];
        (pupil.Provision, pupil.SenType1, pupil.SenType2, pupil.SenUnit, pupil.ResourcedProvision, pupil.TopUp) = ("N", null, null, false, false, true);
        Record(row, C.TopUpFunding, K.TopUpWithN);
    }

    private void DemographicErrors()
    {
        var row = PickRow(_ => true);
        _file.Rows[row].Sex = "U";
        Record(row, C.Sex, K.SexInvalid);

        row = PickRow(_ => true);
        _file.Rows[row].Dob = null;
        Record(row, C.Dob, K.MissingRequiredValue);

        row = PickRow(r => r.Provision == "E");
        _file.Rows[row].SenType1 = null;
        _file.Rows[row].SenType2 = null;
        Record(row, C.SenType1, K.MissingRequiredValue);
    }

    /// <summary>A trust office uploading one school's export into a sister school's folder.</summary>
    private void WrongSchool()
    {
        var number = _file.School.EstablishmentNumber;
        var other = $"{_file.School.LaCode}{(number % 10 == 9 ? number - 1 : number + 1):D4}";
        foreach (var r in _file.Rows) r.LaEstab = other;
        _defects.Add(new PlantedDefect(_file.UploadPath, null, C.Names[C.LaEstab], K.SeverityOf(K.LaEstabNotSubmitter), K.LaEstabNotSubmitter, other, null));
    }

    private void Queries()
    {
        // About one pupil in two hundred is still on a temporary UPN at census time.
        for (var i = 0; i < Math.Max(1, _file.Rows.Count / 200); i++) TemporaryUpn();
        for (var i = 0; i < 2; i++)
        {
            var row = PickRow(r => NcYear.TryParse(r.NcYear, out var y) && y >= 1);
            NcYear.TryParse(_file.Rows[row].NcYear, out var year);
            // Two or three years out: "more than one away" is the query, so two is the boundary.
            var shift = rng.Next(2, 4);
            _file.Rows[row].NcYear = NcYear.Code(year - shift >= 1 ? year - shift : year + shift);
            Record(row, C.NcYearActual, K.NcYearFarFromAge);
        }
    }

    private void TemporaryUpn()
    {
        var row = PickRow(_ => true);
        SetUpn(row, upns.Temporary(options.LaCode, _file.School.EstablishmentNumber, options.CensusDate.Year), K.TemporaryUpn);
    }

    private void SetUpn(int row, string upn, string kind)
    {
        _file.Rows[row].Upn = upn;
        upns.Claim(upn);
        Record(row, C.Upn, kind);
    }

    private void Record(int row, int column, string kind)
    {
        var value = _file.Format.ToCells(_file.Rows[row])[column]?.ToString();
        _defects.Add(new PlantedDefect(
            _file.UploadPath, SchoolFile.SpreadsheetRow(row), C.Names[column], K.SeverityOf(kind), kind,
            string.IsNullOrEmpty(value) ? null : value, K.DfeRuleOf(kind)));
    }

    /// <summary>A row not yet spoilt in this file, so each defect stands alone.</summary>
    private int PickRow(Func<CensusRecord, bool> suitable)
    {
        var rows = _file.Rows;
        var free = Enumerable.Range(0, rows.Count).Where(i => !_usedRows.Contains(i) && suitable(rows[i])).ToList();
        if (free.Count == 0) throw new InvalidOperationException($"No row of {_file.UploadPath} is left to plant a defect in.");
        var row = free[rng.Next(free.Count)];
        _usedRows.Add(row);
        return row;
    }

    private static DateOnly PreviousCensus(DateOnly census)
    {
        var candidates = new[] { census.Year - 1, census.Year }
            .SelectMany(y => new[] { CensusDates.Autumn(y), CensusDates.Spring(y), CensusDates.Summer(y) });
        return candidates.Where(d => d < census).Max();
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
