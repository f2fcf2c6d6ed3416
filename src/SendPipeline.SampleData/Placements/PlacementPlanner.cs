using System.Globalization;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Establishments;
using SendPipeline.SampleData.Pupils;
using SendPipeline.SampleData.Register;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Placements;

/// <summary>
/// Every provider's quarterly placements. Settings that make a census return (special schools,
/// PRUs, mainstream schools with top-up) list the EHC plan pupils of their own census, so the two
/// returns agree; children the census never sees (independent and out-of-county schools, colleges,
/// home tuition) get identifiers of their own, a ULN alone for some college learners.
/// Counts scale with the LA's EHC plans, around a shire county of 7,000: about 450 independent
/// special placements, 80 specialist post-16, 150 alternative provision and 700 in colleges.
/// Every provider outside the LA's own register is added to it, as an officer's GIAS extract of the LA and of
/// the LAs it places children in holds them: out-of-county schools by URN, colleges and post-16 and
/// independent AP providers with their UKPRN too. <paramref name="registerRng"/> makes those entries, so the
/// placements themselves do not depend on it.
/// </summary>
internal sealed class PlacementPlanner(SampleWorld world, Random rng, Random registerRng)
{
    private readonly List<ProviderReturn> _returns = [];
    private readonly HashSet<string> _providerIds = new(StringComparer.Ordinal);
    private double Scale => world.Options.EhcpPupils / 7_000.0;
    private DateOnly ReturnDate => world.ReturnDate;

    public List<ProviderReturn> Plan()
    {
        foreach (var entry in world.Register.Entries.Where(e => e.School is not null && e.Status.IsOpen))
        {
            if (entry.School!.Kind == SchoolKind.Special)
                FromCensus(entry, entry.Type.Category == "ASS" ? ProviderKind.AcademySpecial : ProviderKind.MaintainedSpecial);
            else if (entry.School.Kind == SchoolKind.AlternativeProvision)
                FromCensus(entry, ProviderKind.PupilReferralUnit);
        }
        MainstreamTopUps();
        IndependentSpecials();
        Post16(ProviderKind.FeCollege, [0.4, 0.23, 0.17, 0.13, 0.07], 700);
        Post16(ProviderKind.SpecialistPost16, [0.35, 0.25, 0.2, 0.12, 0.08], 80);
        IndependentAp();
        LocalAuthority();
        return _returns;
    }

    private void FromCensus(RegisterEntry entry, ProviderKind kind)
    {
        var census = world.CensusOf(entry.School!);
        if (census is null || !world.IsClean(census)) return;
        var provider = Add(Urn(entry), kind, entry.Name, entry.School);
        var category = kind switch { ProviderKind.AcademySpecial => "ASS", ProviderKind.MaintainedSpecial => "MSS", _ => "AP" };
        foreach (var pupil in world.CleanRows(census).Where(p => p.Provision == "E" && Placed(p)))
        {
            var cost = kind == ProviderKind.PupilReferralUnit ? Cost(8_000, 20_000) : Cost(10_000, 35_000);
            provider.Rows.Add(Pupil(pupil, category, cost));
        }
    }

    /// <summary>A couple of mainstream schools return their top-up pupils as providers, under their URN.</summary>
    private void MainstreamTopUps()
    {
        var withProvision = world.Register.Entries.Where(e => e.School is { IsMainstream: true, Provision: not SpecialistProvision.None } && e.Status == GiasStatus.Open).ToList();
        var plain = world.Register.Entries.Where(e => e.School is { Kind: SchoolKind.Secondary, Provision: SpecialistProvision.None } && e.Status == GiasStatus.Open).ToList();
        // The schools with the most pupils in their provision return, since they are the ones the LA asks first.
        var busiest = withProvision.Where(e => world.CensusOf(e.School!) is { } f && world.IsClean(f))
            .OrderByDescending(e => world.CensusOf(e.School!)!.Rows.Count(r => r.ResourcedProvision == true || r.SenUnit == true)).ThenBy(e => e.Urn).Take(2);
        foreach (var entry in busiest.Concat(Pick(plain, 1)))
        {
            var census = world.CensusOf(entry.School!);
            if (census is null || !world.IsClean(census)) continue;
            var provider = Add(Urn(entry), ProviderKind.Mainstream, entry.Name, entry.School);
            foreach (var pupil in world.CleanRows(census).Where(p => p.Provision == "E" && p.TopUp == true && Placed(p)))
            {
                var inProvision = pupil.ResourcedProvision == true || pupil.SenUnit == true;
                provider.Rows.Add(Pupil(pupil, inProvision ? "RP" : "MMS", inProvision ? Cost(8_000, 18_000) : Cost(6_000, 15_000)));
            }
        }
    }

    private void IndependentSpecials()
    {
        var total = Count(450);
        var inCounty = world.Register.Entries.Where(e => e.Type == GiasType.OtherIndependentSpecial && e.Status.IsOpen).ToList();
        var providers = Math.Max(1, (int)Math.Round(28 * Math.Sqrt(Scale)));
        var sizes = Share(total, Enumerable.Range(0, providers).Select(i => 1.0 / (1 + i * 0.35)).ToArray());
        var needs = new WeightedTable<string>([("ASD", 45), ("SEMH", 30), ("SLCN", 5), ("MLD", 5), ("SLD", 6), ("PMLD", 2), ("HI", 1), ("VI", 1), ("PD", 2), ("OTH", 3)]);
        for (var p = 0; p < providers; p++)
        {
            // The LA's own independent special schools are in its register; the rest are out of county.
            var id = p < inCounty.Count ? Urn(inCounty[p]) : NewUrn();
            var provider = Add(id, ProviderKind.IndependentSpecial, p < inCounty.Count ? inCounty[p].Name : $"Independent special school {id}", null);
            var residentialShare = rng.NextDouble() < 0.3 ? 0.6 : 0.05;
            for (var i = 0; i < sizes[p]; i++)
            {
                var dob = SchoolAgeDob(rng.NextDouble() < 0.75 ? rng.Next(7, 14) : rng.Next(1, 7));
                var residential = rng.NextDouble() < residentialShare;
                var cost = residential ? Cost(80_000, 120_000) : Cost(45_000, 85_000);
                provider.Rows.Add(Fresh(dob, "INMSS", cost, "FULL", needs.Pick(rng), residential, post16: false));
            }
        }
    }

    private void Post16(ProviderKind kind, double[] weights, int nationalShape)
    {
        var sizes = Share(Count(nationalShape), weights);
        var fe = kind == ProviderKind.FeCollege;
        var needs = fe
            ? new WeightedTable<string>([("MLD", 25), ("ASD", 25), ("SLCN", 10), ("SEMH", 15), ("SPLD", 8), ("SLD", 5), ("HI", 3), ("VI", 2), ("PD", 4), ("DS", 1), ("OTH", 2)])
            : new WeightedTable<string>([("ASD", 35), ("SLD", 25), ("PMLD", 12), ("SEMH", 10), ("MSI", 3), ("PD", 8), ("DS", 4), ("OTH", 3)]);
        for (var p = 0; p < sizes.Length; p++)
        {
            var provider = Add(NewUkprn(), kind, fe ? $"College {p + 1}" : $"Specialist post-16 institution {p + 1}", null);
            for (var i = 0; i < sizes[p]; i++)
            {
                var dob = Post16Dob();
                var residential = !fe && rng.NextDouble() < 0.25;
                var (cost, element) = fe ? (Cost(2_000, 14_000), "TOPUP")
                    : rng.NextDouble() < 0.7 ? (residential ? Cost(60_000, 90_000) : Cost(25_000, 60_000), "FULL") : (Cost(15_000, 40_000), "TOPUP");
                provider.Rows.Add(Fresh(dob, fe ? "FE" : "SPI", cost, element, needs.Pick(rng), residential, post16: true));
            }
        }
    }

    private void IndependentAp()
    {
        var sizes = Share(Count(90), [0.55, 0.45]);
        var needs = new WeightedTable<string>([("SEMH", 70), ("ASD", 15), ("SLCN", 6), ("MLD", 5), ("OTH", 4)]);
        for (var p = 0; p < sizes.Length; p++)
        {
            var provider = Add(NewUkprn(), ProviderKind.IndependentAp, $"Alternative provision {p + 1}", null);
            for (var i = 0; i < sizes[p]; i++)
                provider.Rows.Add(Fresh(SchoolAgeDob(rng.Next(7, 12)), "AP", Cost(15_000, 30_000), "PLACE", needs.Pick(rng), false, post16: false, recentStart: true));
        }
    }

    /// <summary>Home tuition, personal budgets and other arrangements the LA pays for itself, returned by an officer under the LA's UKPRN.</summary>
    private void LocalAuthority()
    {
        var provider = Add(NewUkprn(), ProviderKind.LocalAuthority, "Local authority arrangements", null, submitter: Core.Uploads.Submitter.LocalAuthorityId);
        var needs = new WeightedTable<string>([("ASD", 40), ("SEMH", 30), ("SLCN", 6), ("MLD", 6), ("PD", 5), ("OTH", 8), ("SLD", 3), ("VI", 2)]);
        for (var i = 0; i < Count(150); i++)
            provider.Rows.Add(Fresh(SchoolAgeDob(rng.Next(1, 14)), "OTH", Cost(3_000, 25_000), "TOPUP", needs.Pick(rng), false, post16: false, recentStart: true));
    }

    private PlacementRow Pupil(CensusRecord pupil, string category, decimal cost)
    {
        var start = pupil.EntryDate is { } entry && entry <= ReturnDate ? entry : CensusDates.SeptemberStart(CensusDates.AugustBefore(ReturnDate).Year);
        var leaver = NcYear.TryParse(pupil.NcYear, out var year) && year is 11 or 14;
        return new PlacementRow(pupil.Upn, null, pupil.Dob!.Value, category, start, leaver ? new DateOnly(ReturnDate.Year + (ReturnDate.Month >= 9 ? 1 : 0), 7, 22) : null,
            false, cost, "TOPUP", pupil.SenType1!, true, world.Options.LaCode);
    }

    private PlacementRow Fresh(DateOnly dob, string category, decimal cost, string element, string need, bool residential, bool post16, bool recentStart = false)
    {
        // College learners who came from out of county or from independent schools are known by their ULN alone.
        var ulnOnly = post16 && rng.NextDouble() < 0.3;
        var upn = ulnOnly ? null : world.NewUpnFor(dob, rng);
        var uln = post16 && (ulnOnly || rng.NextDouble() < 0.5) ? world.NewUln(rng) : null;
        var earliest = post16 ? new DateOnly(Math.Max(dob.Year + 16, ReturnDate.Year - 3), 9, 1) : recentStart ? ReturnDate.AddMonths(-9) : new DateOnly(Math.Max(dob.Year + 5, ReturnDate.Year - 6), 9, 1);
        if (earliest < dob.AddYears(4)) earliest = dob.AddYears(4);
        if (earliest > ReturnDate) earliest = ReturnDate.AddMonths(-1);
        var start = earliest.AddDays(rng.Next(0, Math.Max(1, ReturnDate.DayNumber - earliest.DayNumber)));
        DateOnly? end = rng.NextDouble() < 0.08 ? ReturnDate.AddDays(rng.Next(30, 220)) : null;
        return new PlacementRow(upn, uln, dob, category, start, end, residential, cost, element, need, true, world.Options.LaCode);
    }

    /// <summary>A date of birth for NC year <paramref name="year"/> at the census, so a child's age fits the school they are in.</summary>
    private DateOnly SchoolAgeDob(int year)
    {
        var (first, last) = CensusDates.BirthWindow(year, world.Options.CensusDate);
        return first.AddDays(rng.Next(0, last.DayNumber - first.DayNumber + 1));
    }

    /// <summary>Aged 16 to 24 on the return date, most of them 16 to 19.</summary>
    private DateOnly Post16Dob()
    {
        var age = rng.NextDouble() < 0.75 ? rng.Next(16, 20) : rng.Next(20, 25);
        var latest = ReturnDate.AddYears(-age);
        return latest.AddDays(-rng.Next(0, 365));
    }

    private bool Placed(CensusRecord pupil) => pupil.EntryDate is not { } entry || entry <= ReturnDate;

    private ProviderReturn Add(string id, ProviderKind kind, string name, SampleSchool? school, string? submitter = null)
    {
        var provider = new ProviderReturn(id, submitter ?? id, kind, name, Style(kind), school);
        if (school is not null) world.Providers.Add(school);
        else Register(id, kind, name);
        _returns.Add(provider);
        return provider;
    }

    /// <summary>The register entry of a provider from out of county, or with a UKPRN, unless the register has it.</summary>
    private void Register(string id, ProviderKind kind, string name)
    {
        var isUrn = id.Length == 6;
        if (isUrn && world.Register.HasUrn(int.Parse(id, CultureInfo.InvariantCulture))) return;
        var (type, phase, numbers, ages) = kind switch
        {
            ProviderKind.IndependentSpecial => (GiasType.OtherIndependentSpecial, "Not applicable", (6000, 6999), (8, 19)),
            ProviderKind.FeCollege => (GiasType.FurtherEducation, "16 plus", (8000, 8999), (16, 99)),
            ProviderKind.SpecialistPost16 => (GiasType.SpecialPost16, "16 plus", (8000, 8999), (16, 25)),
            ProviderKind.IndependentAp => (GiasType.OtherIndependent, "Not applicable", (6000, 6999), (11, 16)),
            _ => (null, "", (0, 0), (0, 0)),
        };
        if (type is null) return;
        // URNs of colleges and independent schools come from GIAS's later ranges; a provider's own URN is kept.
        var urn = isUrn ? int.Parse(id, CultureInfo.InvariantCulture)
            : world.Register.FreeUrn(registerRng, 130_000, 149_999, _providerIds.Where(p => p.Length == 6).Select(int.Parse).ToHashSet());
        var la = world.NeighbourLa(registerRng);
        world.Register.Entries.Add(new RegisterEntry(urn, la, world.Register.FreeNumber(registerRng, numbers.Item1, numbers.Item2), name, type, phase,
            ages.Item1, ages.Item2, GiasStatus.Open, registerRng.Next(40, 1200), new DateOnly(registerRng.Next(1990, 2022), 9, 1), null,
            "1 College Road", "Elsewhere", "ZZ99 9ZZ", "Mixed", null, isUrn ? null : id));
    }

    private PlacementStyle Style(ProviderKind kind)
    {
        var quarter = world.Quarter;
        string[] names = [$"placements-{TableFile.Date(ReturnDate)}.csv", $"HN_return_{quarter.Year}_Q{quarter.Quarter}.csv", $"high-needs-{ReturnDate:MMMyyyy}.csv".ToLowerInvariant()];
        var encoding = rng.NextDouble() switch { < 0.35 => TableEncoding.Windows1252, < 0.6 => TableEncoding.Utf8Bom, _ => TableEncoding.Utf8 };
        return new PlacementStyle(
            UkDates: rng.NextDouble() < 0.4, YesNo: rng.NextDouble() < 0.4, BlankWhenFalse: rng.NextDouble() < 0.3,
            PoundsWithSeparators: kind is ProviderKind.IndependentSpecial or ProviderKind.SpecialistPost16 || rng.NextDouble() < 0.2,
            FileName: names[rng.Next(names.Length)], Encoding: encoding);
    }

    private string Urn(RegisterEntry entry) => entry.Urn.ToString(CultureInfo.InvariantCulture);

    private string NewUrn()
    {
        while (true)
        {
            var urn = rng.Next(100_000, 150_000);
            var id = urn.ToString(CultureInfo.InvariantCulture);
            if (!world.Register.HasUrn(urn) && _providerIds.Add(id)) return id;
        }
    }

    private string NewUkprn()
    {
        while (true)
        {
            var id = (10_000_000 + rng.Next(1_000, 95_000)).ToString(CultureInfo.InvariantCulture);
            if (_providerIds.Add(id)) return id;
        }
    }

    private decimal Cost(int low, int high) => Math.Round(low + (decimal)rng.NextDouble() * (high - low), 2);

    private int Count(int shireCounty) => Math.Max(1, (int)Math.Round(shireCounty * Scale));

    private List<RegisterEntry> Pick(List<RegisterEntry> from, int count) =>
        from.OrderBy(_ => rng.Next()).Take(count).OrderBy(e => e.Urn).ToList();

    private static int[] Share(int total, double[] weights)
    {
        var sum = weights.Sum();
        var shares = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        for (var i = 0; shares.Sum() < total; i = (i + 1) % shares.Length) shares[i]++;
        return shares;
    }
}
