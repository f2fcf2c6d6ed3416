using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData.Pupils;

/// <summary>
/// Makes one school's census rows. Each pupil's history is kept consistent: date of birth from the
/// NC year, entry date from when they joined, and a UPN allocated by the school where they first
/// started (this one, another school in the LA, or a school in another LA) in the year they started.
/// </summary>
internal sealed class PupilFactory
{
    private readonly DateOnly _census;
    private readonly int _academicYear;
    private readonly string _laCode;
    private readonly UpnAllocator _upns;
    private readonly int[] _laPrimaries;
    private readonly string[] _neighbourLas;
    private readonly string[] _otherLas;
    private readonly WeightedTable<string> _ehcpMainstream;
    private readonly WeightedTable<string> _ehcpSpecial;
    private readonly WeightedTable<string> _support;
    private readonly WeightedTable<string> _alternative;

    public PupilFactory(SampleLaOptions options, IReadOnlyList<SampleSchool> schools, IReadOnlyList<SenCounts> counts, UpnAllocator upns, Random rng)
    {
        _census = options.CensusDate;
        _academicYear = CensusDates.AugustBefore(_census).Year;
        _laCode = options.LaCode;
        _upns = upns;
        _laPrimaries = schools.Where(s => s.Kind == SchoolKind.Primary).Select(s => s.EstablishmentNumber).ToArray();
        _otherLas = LaCodes.Dfe.Codes.Where(c => c != _laCode).Order(StringComparer.Ordinal).ToArray();
        // Families mostly move between neighbouring authorities; three stand in for the neighbours.
        _neighbourLas = Enumerable.Range(0, 3).Select(_ => _otherLas[rng.Next(_otherLas.Length)]).ToArray();

        var specialEhcp = Enumerable.Range(0, schools.Count).Where(i => schools[i].Kind == SchoolKind.Special).Sum(i => counts[i].Ehcp);
        var laWide = NeedsMix.ForCensus(NeedsMix.EhcpLaWide, _census);
        var special = NeedsMix.ForCensus(NeedsMix.EhcpSpecial, _census);
        _ehcpMainstream = new WeightedTable<string>(NeedsMix.Remainder(laWide, options.EhcpPupils, special, specialEhcp));
        _ehcpSpecial = new WeightedTable<string>(special);
        _support = new WeightedTable<string>(NeedsMix.ForCensus(NeedsMix.SenSupport, _census));
        _alternative = new WeightedTable<string>(NeedsMix.AlternativeProvision);
    }

    public List<CensusRecord> Pupils(SampleSchool school, SenCounts counts, bool wholeRoll, Random rng)
    {
        var senYears = YearGroups.ForSen(school);
        var rows = new List<CensusRecord>(wholeRoll ? school.Roll : counts.Ehcp + counts.SenSupport);
        for (var i = 0; i < counts.Ehcp; i++) rows.Add(Pupil(school, 'E', senYears.Pick(rng), rng));
        for (var i = 0; i < counts.SenSupport; i++) rows.Add(Pupil(school, 'K', senYears.Pick(rng), rng));
        if (wholeRoll)
        {
            var rollYears = YearGroups.ForRoll(school);
            for (var i = counts.Ehcp + counts.SenSupport; i < school.Roll; i++) rows.Add(Pupil(school, 'N', rollYears.Pick(rng), rng));
        }
        // Exports come out in year-group order, then by age.
        return rows
            .OrderBy(r => NcYear.TryParse(r.NcYear, out var year) ? year : int.MaxValue)
            .ThenBy(r => r.Dob)
            .ThenBy(r => r.Upn, StringComparer.Ordinal)
            .ToList();
    }

    private CensusRecord Pupil(SampleSchool school, char provision, int year, Random rng)
    {
        var (first, last) = CensusDates.BirthWindow(year, _census);
        var span = last.DayNumber - first.DayNumber;
        // Summer-born children are over-represented on SEN registers.
        var dob = first.AddDays((int)(span * Math.Pow(rng.NextDouble(), provision == 'N' ? 1.0 : 0.85)));
        var (entry, upn) = History(school, year, rng);

        var record = new CensusRecord
        {
            LaEstab = school.LaEstab,
            CensusDate = _census,
            Upn = upn,
            Dob = dob,
            Sex = rng.NextDouble() < BoyShare(school, provision) ? "M" : "F",
            NcYear = NcYear.Code(year),
            Provision = provision.ToString(),
            EntryDate = rng.NextDouble() < 0.03 ? null : entry,
        };
        if (provision == 'N')
        {
            record.TopUp = false;
            return record;
        }

        var needs = Needs(school, provision);
        // NSA is only valid with SEN support, and the PRU mix shares one table for both.
        record.SenType1 = provision == 'E' ? needs.PickWhere(rng, n => n != "NSA")! : needs.Pick(rng);
        if (record.SenType1 != "NSA" && rng.NextDouble() < 0.25)
            record.SenType2 = needs.PickWhere(rng, n => n != "NSA" && n != record.SenType1);
        var inProvision = rng.NextDouble() < (provision == 'E' ? 0.4 : 0.1);
        record.SenUnit = school.Provision == SpecialistProvision.SenUnit && inProvision;
        record.ResourcedProvision = school.Provision == SpecialistProvision.ResourcedProvision && inProvision;
        record.TopUp = rng.NextDouble() < TopUpShare(school, provision);
        return record;
    }

    private WeightedTable<string> Needs(SampleSchool school, char provision) => school.Kind switch
    {
        SchoolKind.AlternativeProvision => _alternative,
        SchoolKind.Special when provision == 'E' => _ehcpSpecial,
        _ => provision == 'E' ? _ehcpMainstream : _support,
    };

    private static double BoyShare(SampleSchool school, char provision) => provision switch
    {
        'E' => school.Kind == SchoolKind.Special ? 0.72 : 0.70,
        'K' => 0.63,
        _ => 0.51,
    };

    private static double TopUpShare(SampleSchool school, char provision) => (provision, school.Kind) switch
    {
        ('E', SchoolKind.Special) => 0.97,
        ('E', SchoolKind.AlternativeProvision) => 0.9,
        ('E', _) => 0.85,
        // A few pupils on SEN support get high-needs top-up while a plan is assessed.
        _ => 0.02,
    };

    /// <summary>When the pupil joined this school, and the UPN their first school gave them.</summary>
    private (DateOnly Entry, string Upn) History(SampleSchool school, int year, Random rng)
    {
        var startedReception = _academicYear - year;
        switch (school.Kind)
        {
            case SchoolKind.Primary:
            {
                var joinedAtStart = CensusDates.SeptemberStart(_academicYear - (year - school.LowestYear));
                if (year <= 0 || rng.NextDouble() < 0.8)
                    return (joinedAtStart, _upns.Permanent(_laCode, school.EstablishmentNumber, joinedAtStart.Year));
                return (Between(joinedAtStart.AddDays(30), rng), FromElsewhere(startedReception, school, rng, otherLaShare: 0.3));
            }
            case SchoolKind.Secondary:
            {
                var joinedYear7 = CensusDates.SeptemberStart(_academicYear - (year - 7));
                var entry = year >= 12 && rng.NextDouble() < 0.2 ? CensusDates.SeptemberStart(_academicYear - (year - 12))
                    : rng.NextDouble() < 0.88 ? joinedYear7
                    : Between(joinedYear7.AddDays(30), rng);
                return (entry, FromElsewhere(startedReception, school, rng, otherLaShare: 0.1));
            }
            case SchoolKind.Special:
            {
                var yearsHere = rng.Next(0, year);
                var september = CensusDates.SeptemberStart(_academicYear - yearsHere);
                var entry = rng.NextDouble() < 0.6 ? september : Between(september.AddDays(20), rng);
                if (yearsHere == year - 1 && rng.NextDouble() < 0.3)
                    return (entry, _upns.Permanent(_laCode, school.EstablishmentNumber, september.Year));
                return (entry, FromElsewhere(startedReception, school, rng, otherLaShare: 0.25));
            }
            default:
            {
                // PRU placements are short: most began this academic year or last.
                var entry = Between(CensusDates.SeptemberStart(_academicYear - 1), rng);
                return (entry, FromElsewhere(startedReception, school, rng, otherLaShare: 0.15));
            }
        }
    }

    private string FromElsewhere(int allocatedYear, SampleSchool school, Random rng, double otherLaShare)
    {
        if (rng.NextDouble() < otherLaShare || _laPrimaries.Length == 0)
        {
            var la = rng.NextDouble() < 0.7 ? _neighbourLas[rng.Next(_neighbourLas.Length)] : _otherLas[rng.Next(_otherLas.Length)];
            return _upns.Permanent(la, rng.Next(2000, 4000), allocatedYear);
        }
        var primary = _laPrimaries[rng.Next(_laPrimaries.Length)];
        if (primary == school.EstablishmentNumber) primary = _laPrimaries[(Array.IndexOf(_laPrimaries, primary) + 1) % _laPrimaries.Length];
        return _upns.Permanent(_laCode, primary, allocatedYear);
    }

    /// <summary>A day from <paramref name="from"/> to the day before the census; never after it, since EntryDate may not be.</summary>
    private DateOnly Between(DateOnly from, Random rng)
    {
        var lastDay = _census.AddDays(-1);
        if (from > lastDay) return CensusDates.SeptemberStart(_academicYear) < _census ? CensusDates.SeptemberStart(_academicYear) : lastDay;
        var day = from.AddDays(rng.Next(0, lastDay.DayNumber - from.DayNumber + 1));
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday when day.AddDays(-1) >= from => day.AddDays(-1),
            DayOfWeek.Sunday when day.AddDays(-2) >= from => day.AddDays(-2),
            _ => day,
        };
    }
}
