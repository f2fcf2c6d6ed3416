using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Defects;
using C = SendPipeline.SampleData.Census.CensusColumns;

namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class PlantedDefectTests(GeneratedLa la)
{
    [Fact]
    public void The_manifest_lists_every_kind_with_its_severity()
    {
        Assert.Equal(DefectKinds.All.Order(), la.Manifest.Defects.Select(d => d.Kind).Distinct().Order());
        Assert.All(la.Manifest.Defects, d => Assert.Equal(DefectKinds.SeverityOf(d.Kind), d.ExpectedSeverity));
        Assert.All(la.Manifest.Defects, d => Assert.Contains(d.ExpectedSeverity, new[] { "error", "query" }));
    }

    [Fact]
    public void Only_a_few_schools_are_spoilt()
    {
        var spoilt = la.Manifest.Defects.Where(d => d.File.Contains("/school-census/")).Select(d => d.File).Distinct().Count();
        Assert.InRange(spoilt, 6, 10);
    }

    [Fact]
    public void Every_file_has_an_expected_status_that_follows_from_its_defects()
    {
        Assert.Equal(la.Result.Uploads.Select(f => f.File).Order(), la.Manifest.Files.Select(f => f.File).Order());
        foreach (var file in la.Manifest.Files)
        {
            var errors = la.Manifest.Defects.Any(d => d.File == file.File && d.ExpectedSeverity == "error");
            Assert.Equal(errors ? "rejected" : "accepted", file.ExpectedStatus);
        }
        Assert.Contains(la.Manifest.Files, f => f.ExpectedStatus == "accepted" && la.Manifest.Defects.Any(d => d.File == f.File));
    }

    [Fact]
    public void Each_defect_points_at_the_cell_that_holds_it()
    {
        foreach (var defect in la.Manifest.Defects.Where(d => d.Row is not null && d.File.Contains("/school-census/")))
        {
            var row = la.Rows.Single(r => r.File == defect.File && r.Row == defect.Row);
            var column = C.Names.ToList().IndexOf(defect.Column);
            Assert.True(column >= 0, defect.Column);
            Assert.Equal(defect.Value ?? "", row[column]);
        }
    }

    [Fact]
    public void The_wrong_school_file_names_another_laestab_on_every_row()
    {
        var defect = Assert.Single(la.Manifest.Defects, d => d.Kind == DefectKinds.LaEstabNotSubmitter);
        Assert.Null(defect.Row);
        var rows = la.Rows.Where(r => r.File == defect.File).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(defect.Value, r[C.LaEstab]));
        Assert.All(rows, r => Assert.NotEqual(r.Submitter, r[C.LaEstab]));
    }

    [Theory]
    [InlineData(DefectKinds.WrongCheckLetter, UpnProblems.CheckLetter)]
    [InlineData(DefectKinds.BadLaInUpn, UpnProblems.LaCode)]
    [InlineData(DefectKinds.NonNumericUpn, UpnProblems.NotNumeric)]
    [InlineData(DefectKinds.BadLastChar, UpnProblems.LastCharacter)]
    [InlineData(DefectKinds.TemporaryUpn, UpnProblems.Temporary)]
    [InlineData(DefectKinds.DuplicateUpn, UpnProblems.None)]
    public void Upn_defects_break_exactly_one_dfe_rule(string kind, UpnProblems expected)
    {
        var defects = la.Manifest.Defects.Where(d => d.Kind == kind).ToList();
        Assert.NotEmpty(defects);
        Assert.All(defects, d => Assert.Equal(expected, Upn.Check(d.Value, LaCodes.Dfe)));
    }

    [Fact]
    public void A_duplicate_upn_repeats_an_earlier_row_of_the_same_file()
    {
        foreach (var defect in la.Manifest.Defects.Where(d => d.Kind == DefectKinds.DuplicateUpn))
            Assert.Contains(la.Rows, r => r.File == defect.File && r.Row < defect.Row && r.Upn == defect.Value);
    }

    [Fact]
    public void Bad_dates_are_invalid_in_both_accepted_formats()
    {
        var bad = la.Manifest.Defects.Where(d => d.Kind == DefectKinds.BadDateFormat).ToList();
        Assert.True(bad.Count >= 2);
        Assert.All(bad, d => Assert.Null(CensusFileReader.ParseDate(d.Value!)));
        Assert.Contains(bad, d => d.Value!.Contains('/') && d.Value.IndexOf('/') == 2);
    }

    [Fact]
    public void Planting_is_switched_off_by_the_option()
    {
        var root = TempFolder.Create();
        try
        {
            var result = SampleLaGenerator.Generate(SmallLa.Options with { PlantErrors = false }, root);
            Assert.Empty(result.Defects);
            Assert.Empty(result.CrossReturnDefects);
            Assert.All(result.Uploads, f => Assert.Equal("accepted", f.ExpectedStatus));
            Assert.All(result.Files, f => Assert.Equal("accepted", f.ExpectedStatus));
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }
}
