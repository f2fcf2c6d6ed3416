using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Establishments;
using C = SendPipeline.SampleData.Census.CensusColumns;

namespace SendPipeline.SampleData.Tests;

[CollectionDefinition(Name)]
public sealed class GeneratedLaCollection : ICollectionFixture<GeneratedLa>
{
    public const string Name = "generated LA";
}

[Collection(GeneratedLaCollection.Name)]
public sealed class SampleLaGeneratorTests(GeneratedLa la)
{
    private static readonly DateOnly Census = new(2026, 1, 15);

    [Fact]
    public void The_default_census_is_the_third_thursday_of_january_2026()
    {
        Assert.Equal(Census, new SampleLaOptions().CensusDate);
        Assert.All(la.CleanRows, r => Assert.Equal("2026-01-15", CensusFileReader.ParseDate(r[C.CensusDate])?.ToString("yyyy-MM-dd")));
    }

    [Fact]
    public void Totals_are_leicestershire_sized()
    {
        var ehcp = la.Rows.Count(r => r.Provision == "E");
        var support = la.Rows.Count(r => r.Provision == "K");
        Assert.InRange(ehcp, 6_300, 7_700);
        Assert.InRange(support, 13_500, 16_500);
        Assert.InRange(la.Result.Schools, 270, 330);
        Assert.Equal(ehcp, la.Result.EhcpPupils);
        Assert.Equal(support, la.Result.SenSupportPupils);
    }

    [Fact]
    public void Schools_have_laestabs_in_the_dfe_ranges_for_their_kind()
    {
        Assert.All(la.Result.Files, f =>
        {
            Assert.Matches("^855[0-9]{4}$", f.LaEstab);
            var number = int.Parse(f.LaEstab[3..]);
            var ok = f.Kind switch
            {
                SchoolKind.Primary => number is >= 2000 and < 4000 or >= 5000 and < 5400,
                SchoolKind.Secondary => number is >= 4000 and < 5000 or >= 5400 and < 6000,
                SchoolKind.Special => number is >= 7000 and < 8000,
                _ => number is >= 1100 and < 1200,
            };
            Assert.True(ok, $"{f.LaEstab} is not in the range for a {f.Kind} school.");
        });
        var kinds = la.Result.Files.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(240, kinds[SchoolKind.Primary]);
        Assert.Equal(50, kinds[SchoolKind.Secondary]);
        Assert.Equal(12, kinds[SchoolKind.Special]);
        Assert.Equal(6, kinds[SchoolKind.AlternativeProvision]);
    }

    [Fact]
    public void Special_schools_are_almost_all_ehc_plans_and_mainstream_mostly_sen_support()
    {
        var special = la.Result.Files.Where(f => f.Kind == SchoolKind.Special).ToList();
        Assert.True(special.Sum(f => f.Ehcp) > 0.9 * special.Sum(f => f.Rows));
        var mainstream = la.Result.Files.Where(f => f.Kind is SchoolKind.Primary or SchoolKind.Secondary).ToList();
        Assert.True(mainstream.Sum(f => f.SenSupport) > 2 * mainstream.Sum(f => f.Ehcp));
    }

    [Fact]
    public void Every_clean_upn_passes_the_dfe_checks()
    {
        Assert.All(la.CleanRows, r => Assert.Equal(UpnProblems.None, Upn.Check(r.Upn, LaCodes.Dfe)));
    }

    [Fact]
    public void Upns_are_unique_across_the_la()
    {
        var duplicates = la.CleanRows.GroupBy(r => r.Upn).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Most_upns_were_allocated_in_the_la_and_a_few_elsewhere()
    {
        var inLa = la.CleanRows.Count(r => r.Upn[1..4] == "855");
        Assert.InRange(inLa / (double)la.CleanRows.Count, 0.75, 0.97);
    }

    [Fact]
    public void Nsa_is_never_given_with_an_ehc_plan()
    {
        Assert.DoesNotContain(la.CleanRows, r => r.Provision == "E" && r[C.SenType1] == "NSA");
    }

    [Fact]
    public void Date_of_birth_and_nc_year_agree()
    {
        Assert.All(la.CleanRows, r =>
        {
            var dob = CensusFileReader.ParseDate(r[C.Dob]);
            Assert.NotNull(dob);
            Assert.True(NcYear.TryParse(r[C.NcYearActual], out var year), $"{r[C.NcYearActual]} is not an NC year");
            var ageAtAugust = CensusDates.AgeOn(dob.Value, new DateOnly(2025, 8, 31));
            Assert.Equal(ageAtAugust - 4, year);
            Assert.InRange(CensusDates.AgeOn(dob.Value, Census), 2, 25);
        });
    }

    [Fact]
    public void Clean_rows_keep_the_other_census_rules()
    {
        string[] codes = ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "DS", "OTH", "NSA"];
        Assert.All(la.CleanRows, r =>
        {
            Assert.Equal(r.Submitter, r[C.LaEstab]);
            Assert.Contains(r[C.Sex], new[] { "M", "F" });
            Assert.Contains(r.Provision, new[] { "E", "K", "N" });
            if (r.Provision == "N")
            {
                Assert.Equal("", r[C.SenType1]);
                Assert.False(Flag(r[C.TopUpFunding]));
            }
            else
            {
                Assert.Contains(r[C.SenType1], codes);
            }
            if (r[C.SenType2] != "")
            {
                Assert.Contains(r[C.SenType2], codes);
                Assert.NotEqual("NSA", r[C.SenType2]);
                Assert.NotEqual(r[C.SenType1], r[C.SenType2]);
            }
            Assert.False(Flag(r[C.SenUnitIndicator]) && Flag(r[C.ResourcedProvisionIndicator]));
            if (r[C.EntryDate] != "") Assert.True(CensusFileReader.ParseDate(r[C.EntryDate]) <= Census);
        });
    }

    [Fact]
    public void Needs_follow_the_published_mix()
    {
        var ehcp = la.CleanRows.Where(r => r.Provision == "E").ToList();
        var support = la.CleanRows.Where(r => r.Provision == "K").ToList();
        double Share(List<ReadRow> rows, string need) => rows.Count(r => r[C.SenType1] == need) / (double)rows.Count;
        Assert.InRange(Share(ehcp, "ASD"), 0.28, 0.42);
        Assert.InRange(Share(ehcp, "SLD"), 0.05, 0.11);
        Assert.InRange(Share(support, "SLCN"), 0.20, 0.28);
        Assert.InRange(Share(support, "NSA"), 0.03, 0.07);
        Assert.InRange(ehcp.Count(r => r[C.Sex] == "M") / (double)ehcp.Count, 0.66, 0.75);
        Assert.InRange(support.Count(r => r[C.Sex] == "M") / (double)support.Count, 0.59, 0.67);
        var secondNeed = la.CleanRows.Where(r => r.Provision != "N").ToList();
        Assert.InRange(secondNeed.Count(r => r[C.SenType2] != "") / (double)secondNeed.Count, 0.18, 0.28);
    }

    [Fact]
    public void Exports_vary_as_real_schools_do()
    {
        var files = la.Result.Files.Select(f => f.File).ToList();
        Assert.Equal(2, files.Count(f => f.EndsWith(".xlsx", StringComparison.Ordinal)));
        Assert.InRange(la.Result.Files.Count(f => f.NoSen > 0), 5, 6);

        var ukDateFiles = la.Rows.Where(r => r[C.Dob].Contains('/')).Select(r => r.File).Distinct().Count();
        Assert.InRange(ukDateFiles / (double)files.Count, 0.12, 0.3);

        var spellings = la.Rows.Select(r => r[C.TopUpFunding]).Distinct().ToHashSet();
        Assert.True(spellings.Count >= 6, "Schools should spell booleans in several valid ways.");
        Assert.Subset(new HashSet<string> { "Y", "N", "Yes", "No", "1", "0", "", "TRUE", "FALSE" }, spellings);

        var withBom = files.Count(f => File.ReadAllBytes(Path.Combine(la.Root, f)).AsSpan().StartsWith("\uFEFF"u8));
        Assert.InRange(withBom, 1, files.Count - 1);
    }

    [Fact]
    public void Units_and_resourced_provision_are_in_a_few_schools_only()
    {
        var unitSchools = la.CleanRows.Where(r => Flag(r[C.SenUnitIndicator])).Select(r => r.Submitter).Distinct().Count();
        var rpSchools = la.CleanRows.Where(r => Flag(r[C.ResourcedProvisionIndicator])).Select(r => r.Submitter).Distinct().Count();
        Assert.InRange(unitSchools, 1, 20);
        Assert.InRange(rpSchools, 3, 35);
    }

    private static bool Flag(string text) => text.ToUpperInvariant() is "Y" or "YES" or "1" or "TRUE";
}
