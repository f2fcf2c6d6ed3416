using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData.Register;

/// <summary>
/// Builds the register from the generated schools: each gets a GIAS type that fits its
/// establishment number, a URN in the range its kind was given, a name, an address and a roll.
/// Around them sit what a real extract also holds: the closed records of schools that became
/// academies (a converter gets a new URN, and usually a new number) and the LA's own independent
/// special schools, which make no census return to it.
/// </summary>
internal static class RegisterPlanner
{
    public const int IndependentSpecialSchools = 2;

    public static EstablishmentRegister Plan(IReadOnlyList<SampleSchool> schools, SampleLaOptions options, Random rng)
    {
        var names = new SchoolNames(rng);
        var register = new EstablishmentRegister([]);
        var address = new Addresses(rng, names);
        foreach (var school in schools)
        {
            var type = TypeOf(school, rng);
            // LA-maintained records are old (URNs from the 1990s); academies and free schools got theirs on opening.
            var urn = type.IsAcademy ? register.FreeUrn(rng, 136_000, 149_999) : register.FreeUrn(rng, 119_000, 125_999);
            var opened = type.IsAcademy ? new DateOnly(rng.Next(2011, 2024), 9, 1) : new DateOnly(rng.Next(1950, 2000), 9, 1);
            var (street, town, postcode) = address.Next();
            register.Entries.Add(new RegisterEntry(
                urn, school.LaCode, school.EstablishmentNumber, names.For(school, type), type, Phase(school),
                LowAge(school), HighAge(school), GiasStatus.Open, school.Roll, opened, null, street, town, postcode, "Mixed", school));
        }

        // One small village school is consulting on closure; it is still open and still makes its return.
        var small = register.Entries.Where(e => e.School is { Kind: SchoolKind.Primary, Roll: < 80 }).ToList();
        if (small.Count > 0)
        {
            var closing = small[rng.Next(small.Count)];
            register.Replace(closing, closing with { Status = GiasStatus.ProposedToClose });
        }

        // The closed predecessors of converter academies keep their old number and URN.
        var converters = register.Entries.Where(e => e.Type == GiasType.AcademyConverter && e.School is not null).ToList();
        foreach (var academy in converters.Take(Math.Min(6, converters.Count)).ToList())
        {
            var (first, last) = academy.School!.Kind == SchoolKind.Primary ? (2000, 2999) : (4000, 4999);
            register.Entries.Add(academy with
            {
                Urn = register.FreeUrn(rng, 119_000, 125_999),
                Name = academy.Name.Replace(" Academy", " School", StringComparison.Ordinal),
                EstablishmentNumber = register.FreeNumber(rng, first, last),
                Type = academy.School.Kind == SchoolKind.Primary ? GiasType.Community : GiasType.Foundation,
                Status = GiasStatus.Closed,
                NumberOfPupils = null,
                OpenDate = new DateOnly(rng.Next(1950, 2000), 9, 1),
                CloseDate = academy.OpenDate.AddDays(-1),
                School = null,
            });
        }

        for (var i = 0; i < IndependentSpecialSchools; i++)
        {
            var (street, town, postcode) = address.Next();
            register.Entries.Add(new RegisterEntry(
                register.FreeUrn(rng, 130_000, 135_999), options.LaCode, register.FreeNumber(rng, 6000, 6999), names.IndependentSpecial(),
                GiasType.OtherIndependentSpecial, "Not applicable", 8, 19, GiasStatus.Open, rng.Next(30, 91),
                new DateOnly(rng.Next(2005, 2022), 9, 1), null, street, town, postcode, "Mixed", null));
        }

        register.Entries.Sort((a, b) => a.Urn.CompareTo(b.Urn));
        return register;
    }

    private static GiasType TypeOf(SampleSchool school, Random rng) => (school.Kind, school.EstablishmentNumber) switch
    {
        (SchoolKind.Special, _) => rng.NextDouble() switch
        {
            < 0.4 => GiasType.CommunitySpecial,
            < 0.5 => GiasType.FoundationSpecial,
            < 0.92 => GiasType.AcademySpecialConverter,
            _ => GiasType.FreeSchoolSpecial,
        },
        (SchoolKind.AlternativeProvision, _) => rng.NextDouble() < 0.8 ? GiasType.PupilReferralUnit : GiasType.AcademyApConverter,
        (_, >= 2000 and < 3000) => rng.NextDouble() < 0.85 ? GiasType.Community : GiasType.Foundation,
        (_, >= 3000 and < 4000) => rng.NextDouble() < 0.5 ? GiasType.VoluntaryAided : GiasType.VoluntaryControlled,
        (_, >= 4000 and < 5000) => rng.NextDouble() < 0.6 ? GiasType.Community : GiasType.Foundation,
        _ => rng.NextDouble() switch { < 0.75 => GiasType.AcademyConverter, < 0.95 => GiasType.AcademySponsorLed, _ => GiasType.FreeSchool },
    };

    private static string Phase(SampleSchool school) => school.Kind switch
    {
        SchoolKind.Primary => "Primary",
        SchoolKind.Secondary => "Secondary",
        _ => "Not applicable",
    };

    private static int LowAge(SampleSchool school) => school.LowestYear + 4 < 3 ? 3 : school.LowestYear + 4;

    private static int HighAge(SampleSchool school) => school.HighestYear + 5;
}
