namespace SendPipeline.SampleData.Establishments;

/// <summary>
/// Lays out an LA's settings with establishment numbers in the DfE ranges: 2xxx community and
/// foundation primary, 3xxx voluntary primary, 4xxx maintained secondary, 5xxx academies (50xx–53xx
/// primary, 54xx–59xx secondary), 7xxx special, 11xx pupil referral units. 6xxx is left out because
/// the DfE gives it to independent schools, which make no return to the LA.
/// </summary>
internal static class SchoolPlanner
{
    public static List<SampleSchool> Plan(SampleLaOptions options, Random rng)
    {
        var schools = new List<SampleSchool>();
        var la = options.LaCode;

        var primaries = options.PrimarySchools;
        var voluntary = (int)Math.Round(primaries * 0.2);
        var academies = (int)Math.Round(primaries * 0.4);
        var community = primaries - voluntary - academies;
        AddPrimaries(schools, la, rng, Numbers(rng, 2000, 2999, community));
        AddPrimaries(schools, la, rng, Numbers(rng, 3000, 3999, voluntary));
        AddPrimaries(schools, la, rng, Numbers(rng, 5000, 5399, academies));

        var secondaryAcademies = (int)Math.Round(options.SecondarySchools * 0.8);
        AddSecondaries(schools, la, rng, Numbers(rng, 4000, 4999, options.SecondarySchools - secondaryAcademies));
        AddSecondaries(schools, la, rng, Numbers(rng, 5400, 5999, secondaryAcademies));

        foreach (var number in Numbers(rng, 7000, 7999, options.SpecialSchools))
            schools.Add(new SampleSchool(la, number, SchoolKind.Special, rng.Next(70, 261), 1, 14, SpecialistProvision.None));
        foreach (var number in Numbers(rng, 1100, 1199, options.AlternativeProvisionSettings))
            schools.Add(new SampleSchool(la, number, SchoolKind.AlternativeProvision, rng.Next(20, 91), 5, 11, SpecialistProvision.None));

        schools.Sort((a, b) => string.CompareOrdinal(a.LaEstab, b.LaEstab));
        return schools;
    }

    private static void AddPrimaries(List<SampleSchool> schools, string la, Random rng, IEnumerable<int> numbers)
    {
        foreach (var number in numbers)
        {
            // Many small rural schools, a body of one- and two-form entry, a few large ones.
            var band = rng.NextDouble();
            var roll = band < 0.3 ? rng.Next(40, 121) : band < 0.85 ? rng.Next(150, 321) : rng.Next(350, 651);
            var nursery = rng.NextDouble() < 0.35;
            var provision = Provision(rng, resourced: 0.05, unit: 0.02);
            schools.Add(new SampleSchool(la, number, SchoolKind.Primary, roll, nursery ? -1 : 0, 6, provision));
        }
    }

    private static void AddSecondaries(List<SampleSchool> schools, string la, Random rng, IEnumerable<int> numbers)
    {
        foreach (var number in numbers)
        {
            var sixthForm = rng.NextDouble() < 0.5;
            var roll = sixthForm ? rng.Next(900, 1801) : rng.Next(600, 1301);
            var provision = Provision(rng, resourced: 0.2, unit: 0.08);
            schools.Add(new SampleSchool(la, number, SchoolKind.Secondary, roll, 7, sixthForm ? 13 : 11, provision));
        }
    }

    private static SpecialistProvision Provision(Random rng, double resourced, double unit)
    {
        var p = rng.NextDouble();
        return p < resourced ? SpecialistProvision.ResourcedProvision
            : p < resourced + unit ? SpecialistProvision.SenUnit
            : SpecialistProvision.None;
    }

    /// <summary><paramref name="count"/> distinct ascending numbers in [first, last], with the gaps closures and mergers leave.</summary>
    private static List<int> Numbers(Random rng, int first, int last, int count)
    {
        var span = last - first + 1;
        if (count > span)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Only {span} establishment numbers fit in {first}–{last}.");
        var maxStep = Math.Clamp(span / Math.Max(count, 1), 1, 4);
        var numbers = new List<int>(count);
        var next = first;
        for (var i = 0; i < count; i++)
        {
            // Never step so far that the remaining schools cannot fit.
            var room = last - next - (count - i - 1);
            next += rng.Next(0, Math.Min(maxStep, room + 1));
            numbers.Add(next);
            next++;
        }
        return numbers;
    }
}
