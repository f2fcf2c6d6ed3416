using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.SchoolCensus.SchoolCensusColumns;
using R = SendPipeline.Core.Returns.SchoolCensus.SchoolCensusRules;

namespace SendPipeline.Core.Returns.SchoolCensus;

/// <summary>
/// Checks each census row against spec 2 and 4.1 and writes its canonical form. Written for speed:
/// values are spans, dates are parsed once, the UPN duplicate check keys on a packed 128-bit value.
/// </summary>
internal sealed class SchoolCensusValidator : RowValidatorBase
{
    private readonly DuplicateFinder _upns;
    private readonly Dictionary<string, int> _oddUpnRows = new(StringComparer.Ordinal);
    private readonly string? _expectedLaEstab;
    private string? _fileLaEstab;
    private bool _reportedOtherSubmitter;
    private bool _reportedOtherLa;
    private DateOnly? _censusDate;
    // The last census date seen and its parts: every row has the same one, so it is taken apart once.
    private DateOnly _partsOf;
    private CalendarDate _censusParts;

    public SchoolCensusValidator(SchoolCensusSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
        : base(schema, context, columns, issues, canonical)
    {
        // Sized from the file's length so a big census never pays for the arrays growing and copying.
        _upns = new DuplicateFinder(context.ExpectedRows);
        // An LA officer may upload on a school's behalf: then the file's first LAEstab is the school.
        if (context.SubmitterId is { } s && Submitter.TryParse(s, out var submitter) && submitter.Kind == SubmitterKind.School)
            _expectedLaEstab = s;
    }

    public override string? Period => _censusDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string? Subject => _expectedLaEstab ?? _fileLaEstab;

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;

        var laEstab = Value(row, LaEstab);
        if (Required(laEstab, r, LaEstab)) CheckLaEstab(laEstab, r);

        var censusText = Value(row, CensusDate);
        DateOnly? census = null;
        if (Required(censusText, r, CensusDate) && Date(censusText, r, CensusDate) is { } c)
        {
            census = c;
            CheckCensusDate(c, censusText, r);
        }

        var upnText = Value(row, UpnColumn);
        Span<char> upn = stackalloc char[16];
        upn = upn[..Math.Min(upnText.Length, 16)];
        if (Required(upnText, r, UpnColumn)) CheckUpn(upnText, upn, r);

        var dobText = Value(row, Dob);
        DateOnly? dob = null;
        var ageOk = false;
        CalendarDate born = default, on = default;
        if (Required(dobText, r, Dob) && Date(dobText, r, Dob) is { } d)
        {
            dob = d;
            if (census is { } cd)
            {
                (born, on) = (CalendarDate.Of(d), CensusParts(cd));
                var age = Ages.InYears(born, on);
                ageOk = age is >= 2 and <= 25;
                if (!ageOk) Add(R.AgeOutOfRange, r, Dob, dobText, ("age", age.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var sexText = Value(row, Sex);
        var sex = '\0';
        if (Required(sexText, r, Sex))
        {
            if (sexText.Length == 1 && char.ToUpperInvariant(sexText[0]) is 'M' or 'F') sex = char.ToUpperInvariant(sexText[0]);
            else Add(R.SexInvalid, r, Sex, sexText);
        }

        var ncText = Value(row, NcYear);
        var ncYear = NcYears.NoYearGroup;
        var ncValid = false;
        if (Required(ncText, r, NcYear))
        {
            ncValid = NcYears.TryParse(ncText, out ncYear);
            if (!ncValid) Add(R.NcYearInvalid, r, NcYear, ncText);
            // ageOk means both dates were read, and taken apart above.
            else if (ncYear != NcYears.NoYearGroup && ageOk && Math.Abs(ncYear - NcYears.ExpectedFor(born, on)) > 1)
                Add(R.NcYearUnusualForAge, r, NcYear, ncText, ("age", Ages.InYears(born, on).ToString(CultureInfo.InvariantCulture)));
        }

        var provText = Value(row, Provision);
        var provision = '\0';
        if (Required(provText, r, Provision))
        {
            if (provText.Length == 1 && char.ToUpperInvariant(provText[0]) is 'E' or 'K' or 'N') provision = char.ToUpperInvariant(provText[0]);
            else Add(R.ProvisionInvalid, r, Provision, provText);
        }
        var type1Text = Value(row, SenType1);
        var type1 = CheckSenType1(type1Text, r, provision, census);
        var type2Text = Value(row, SenType2);
        var type2 = CheckSenType2(type2Text, r, provision, type1, census);

        var unit = Boolean(row, r, SenUnit);
        var resourced = Boolean(row, r, ResourcedProvision);
        if (unit && resourced) Add(R.UnitAndResourcedProvision, r, ResourcedProvision, Value(row, ResourcedProvision));
        var topUp = Boolean(row, r, TopUp);
        if (topUp && provision == 'N') Add(R.TopUpWithoutSen, r, TopUp, Value(row, TopUp));

        var entryText = Value(row, EntryDate);
        DateOnly? entry = null;
        if (!entryText.IsEmpty && Date(entryText, r, EntryDate) is { } e)
        {
            entry = e;
            if (census is { } cd && e > cd)
                Add(R.EntryAfterCensus, r, EntryDate, entryText, ("census", cd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (Canonical is { } w)
        {
            w.Field(laEstab);
            w.Field(census, censusText);
            w.Field(upn.Length == 13 ? upn : upnText);
            w.Field(dob, dobText);
            w.Field(sex == '\0' ? sexText : [sex]);
            w.Field(ncValid ? NcYears.Format(ncYear) : ncText);
            w.Field(provision == '\0' ? provText : [provision]);
            w.Field(type1 is null ? type1Text : type1.AsSpan());
            w.Field(type2 is null ? type2Text : type2.AsSpan());
            w.Field(unit);
            w.Field(resourced);
            w.Field(topUp);
            w.Field(entry, entryText);
            w.EndRow();
        }
    }

    /// <summary>Duplicate UPNs are found once the whole file is read (see <see cref="DuplicateFinder"/>).</summary>
    public override void Complete()
    {
        foreach (var (key, row, first) in _upns.Duplicates())
            Add(R.UpnDuplicate, row, UpnColumn, Reference.Upn.Unpack(key), ("firstRow", first.ToString(CultureInfo.InvariantCulture)));
    }

    private void CheckLaEstab(ReadOnlySpan<char> laEstab, int r)
    {
        if (laEstab.Length != 7 || !Values.IsDigits(laEstab))
        {
            Add(R.LaEstabFormat, r, LaEstab, laEstab);
            return;
        }
        _fileLaEstab ??= laEstab.ToString();
        var expected = _expectedLaEstab ?? _fileLaEstab;
        // Spec 1: a file that names another submitter is a file-level error, reported once with its first row.
        if (!_reportedOtherSubmitter && !laEstab.SequenceEqual(expected))
        {
            _reportedOtherSubmitter = true;
            AddFileLevel(R.LaEstabNotSubmitter, LaEstab, laEstab.ToString(),
                ("value", laEstab.ToString()), ("row", r.ToString(CultureInfo.InvariantCulture)),
                ("submitter", _expectedLaEstab ?? $"the school on the first row ({_fileLaEstab})"));
        }
        if (!_reportedOtherLa && !laEstab[..3].SequenceEqual(Context.LaCode))
        {
            _reportedOtherLa = true;
            AddFileLevel(R.LaEstabOtherLa, LaEstab, laEstab.ToString(),
                ("value", laEstab.ToString()), ("la", laEstab[..3].ToString()), ("ourLa", Context.LaCode));
        }
    }

    private CalendarDate CensusParts(DateOnly census)
    {
        if (census != _partsOf || _censusParts.Year == 0) (_partsOf, _censusParts) = (census, CalendarDate.Of(census));
        return _censusParts;
    }

    private void CheckCensusDate(DateOnly date, ReadOnlySpan<char> text, int r)
    {
        if (_censusDate is null)
        {
            _censusDate = date;
            if (!CensusDays.IsCensusDay(date))
                Add(R.NotCensusDay, r, CensusDate, text, ("nearest", CensusDays.Nearest(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else if (date != _censusDate)
        {
            Add(R.CensusDateDiffers, r, CensusDate, text, ("first", _censusDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
    }

    private void CheckUpn(ReadOnlySpan<char> text, Span<char> upn, int r)
    {
        if (!CheckUpn(text, upn, r, UpnColumn, R.Upn)) return;

        if (Reference.Upn.TryPack(upn, out var key))
            _upns.Add(key, r);
        else if (!_oddUpnRows.TryAdd(upn.ToString(), r))
            Add(R.UpnDuplicate, r, UpnColumn, text, ("firstRow", _oddUpnRows[upn.ToString()].ToString(CultureInfo.InvariantCulture)));
    }

    private string? CheckSenType1(ReadOnlySpan<char> text, int r, char provision, DateOnly? census)
    {
        if (text.IsEmpty)
        {
            if (provision is 'E' or 'K') Add(R.SenType1Missing, r, SenType1, text, ("provision", provision.ToString()));
            return null;
        }
        var code = SenTypes.Canonical(text);
        if (code is null)
        {
            Add(R.SenType1Invalid, r, SenType1, text);
            return null;
        }
        if (provision == 'N') Add(R.SenTypeWithoutProvision, r, SenType1, text);
        else if (code == SenTypes.NoSpecialistAssessment && provision == 'E') Add(R.NsaWithoutSenSupport, r, SenType1, text, ("provision", provision.ToString()));
        CheckDownSyndrome(code, r, SenType1, text, census);
        return code;
    }

    private string? CheckSenType2(ReadOnlySpan<char> text, int r, char provision, string? type1, DateOnly? census)
    {
        if (text.IsEmpty) return null;
        var code = SenTypes.Canonical(text);
        if (code is null)
        {
            Add(R.SenType2Invalid, r, SenType2, text);
            return null;
        }
        if (provision == 'N') Add(R.SenTypeWithoutProvision, r, SenType2, text);
        if (code == SenTypes.NoSpecialistAssessment) Add(R.SenType2Nsa, r, SenType2, text);
        else if (code == type1) Add(R.SenType2SameAsType1, r, SenType2, text);
        CheckDownSyndrome(code, r, SenType2, text, census);
        return code;
    }

    private void CheckDownSyndrome(string code, int r, ReturnColumn column, ReadOnlySpan<char> text, DateOnly? census)
    {
        if (code == SenTypes.DownSyndrome && census is { } c && c < SenTypes.DownSyndromeFrom)
            Add(R.DownSyndromeTooEarly, r, column, text, ("census", c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
