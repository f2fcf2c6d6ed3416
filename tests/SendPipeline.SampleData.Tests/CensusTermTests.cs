using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Defects;
using C = SendPipeline.SampleData.Census.CensusColumns;

namespace SendPipeline.SampleData.Tests;

public sealed class CensusTermTests
{
    [Fact]
    public void Census_days_follow_the_dfe_calendar()
    {
        Assert.Equal(new DateOnly(2025, 10, 2), CensusDates.Autumn(2025));
        Assert.Equal(new DateOnly(2026, 1, 15), CensusDates.Spring(2026));
        Assert.Equal(new DateOnly(2026, 5, 21), CensusDates.Summer(2026));
        Assert.Equal(new DateOnly(2024, 10, 3), CensusDates.For(CensusTerm.Autumn, 2024));
        Assert.Equal(new DateOnly(2025, 5, 15), CensusDates.For(CensusTerm.Summer, 2024));
    }

    [Fact]
    public void Nc_year_is_age_on_the_31_august_before_minus_four()
    {
        var census = CensusDates.Spring(2026);
        Assert.Equal(0, CensusDates.ExpectedNcYear(new DateOnly(2020, 9, 1), census));
        Assert.Equal(0, CensusDates.ExpectedNcYear(new DateOnly(2021, 8, 31), census));
        Assert.Equal(1, CensusDates.ExpectedNcYear(new DateOnly(2020, 8, 31), census));
        Assert.Equal((new DateOnly(2019, 9, 1), new DateOnly(2020, 8, 31)), CensusDates.BirthWindow(1, census));
    }

    [Fact]
    public void An_autumn_2024_census_has_its_own_date_and_no_down_syndrome_code()
    {
        var root = TempFolder.Create();
        try
        {
            var options = SmallLa.Options with { CensusDate = CensusDates.For(CensusTerm.Autumn, 2024) };
            var result = SampleLaGenerator.Generate(options, root);
            Assert.All(result.Files, f => Assert.Matches("(autumn-2024|Oct2024|2024-10-03)", f.File));
            foreach (var file in result.Files)
            {
                var (_, rows) = CensusFileReader.Read(Path.Combine(root, file.File));
                Assert.DoesNotContain(rows, r => r[C.SenType1] == "DS" || r[C.SenType2] == "DS");
                Assert.Contains(rows, r => CensusFileReader.ParseDate(r[C.CensusDate]) == new DateOnly(2024, 10, 3));
            }
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Theory]
    [InlineData(CensusTerm.Autumn, 2025)]
    [InlineData(CensusTerm.Spring, 2025)]
    [InlineData(CensusTerm.Summer, 2025)]
    public void Every_term_gives_consistent_rows_and_plants_its_defects(CensusTerm term, int academicYear)
    {
        var root = TempFolder.Create();
        try
        {
            var census = CensusDates.For(term, academicYear);
            var result = SampleLaGenerator.Generate(SmallLa.Options with { CensusDate = census }, root);
            var tree = new GeneratedTree(root, result);

            Assert.Equal(DefectKinds.Census.Order(), tree.Manifest.Defects.Where(d => d.File.Contains("/school-census/")).Select(d => d.Kind).Distinct().Order());
            Assert.All(tree.CleanRows, r =>
            {
                Assert.Equal(census, CensusFileReader.ParseDate(r[C.CensusDate]));
                Assert.Equal(UpnProblems.None, Upn.Check(r.Upn, LaCodes.Dfe));
                Assert.True(NcYear.TryParse(r[C.NcYearActual], out var year));
                Assert.Equal(year, CensusDates.ExpectedNcYear(CensusFileReader.ParseDate(r[C.Dob])!.Value, census));
                if (r[C.EntryDate] != "") Assert.True(CensusFileReader.ParseDate(r[C.EntryDate]) <= census);
            });
            Assert.Equal(tree.CleanRows.Count, tree.CleanRows.Select(r => r.Upn).Distinct().Count());
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }
}
