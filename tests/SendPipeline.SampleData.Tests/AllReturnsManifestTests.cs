using SendPipeline.SampleData.Defects;

namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class AllReturnsManifestTests(GeneratedLa la)
{
    [Theory]
    [InlineData("placements", true)]
    [InlineData("workforce", false)]
    [InlineData("eah-activity", true)]
    [InlineData("hnb-finance", false)]
    [InlineData("establishments", false)]
    public void Each_new_type_has_rejected_files_and_its_defect_kinds(string type, bool specHasRowQuery)
    {
        var defects = la.Manifest.Defects.Where(d => d.File.Split('/')[2] == type).ToList();
        Assert.Equal(DefectKinds.For(type).Order(), defects.Select(d => d.Kind).Distinct().Order());
        Assert.Contains(defects, d => d.ExpectedSeverity == "error");
        if (specHasRowQuery) Assert.Contains(defects, d => d.ExpectedSeverity == "query" && d.Row is not null);
        Assert.Contains(la.Manifest.Files, f => f.File.Split('/')[2] == type && f.ExpectedStatus == "rejected");
        Assert.Contains(la.Manifest.Files, f => f.File.Split('/')[2] == type && f.ExpectedStatus == "accepted");
    }

    [Fact]
    public void Every_defect_points_at_the_cell_that_holds_it()
    {
        // A SEN2 defect is in a module of a zip (its Part): Sen2SampleTests reads those back.
        foreach (var defect in la.Manifest.Defects.Where(d => !d.File.Contains("/school-census/") && d.Part is null))
        {
            var table = la.Tree.Tables.Single(t => t.File == defect.File);
            var column = Array.IndexOf(table.Header, defect.Column);
            Assert.True(column >= 0, $"{defect.File} has no column {defect.Column}");
            if (defect.Row is { } row) Assert.Equal(defect.Value ?? "", table.Rows[row - 2][column]);
            Assert.Equal(DefectKinds.SeverityOf(defect.Kind), defect.ExpectedSeverity);
        }
    }

    [Fact]
    public void Every_cross_return_kind_is_planted_in_files_that_are_accepted()
    {
        var cross = la.Manifest.CrossReturnDefects!;
        Assert.Equal(CrossReturnKinds.All.Order(), cross.Select(c => c.Kind).Distinct().Order());
        var status = la.Manifest.Files.ToDictionary(f => f.File, f => f.ExpectedStatus);
        Assert.All(cross.SelectMany(c => c.Files), f => Assert.Equal("accepted", status[f]));
        Assert.Contains(cross, c => c.Kind == CrossReturnKinds.SettingClosedInRegister && c.Files.Any(f => f.Contains("/school-census/")));
        Assert.Contains(cross, c => c.Kind == CrossReturnKinds.SettingMissingFromRegister && c.Files.Any(f => f.Contains("/eah-activity/")));
    }

    [Fact]
    public void The_same_child_in_two_census_files_is_there_in_both()
    {
        var defect = Assert.Single(la.Manifest.CrossReturnDefects!, c => c.Kind == CrossReturnKinds.SameChildTwoCensus);
        var upn = defect.Detail.Split(' ')[1];
        Assert.Equal(2, la.Rows.Count(r => r.Upn == upn && defect.Files.Contains(r.File)));
    }

    [Fact]
    public void The_expired_transformation_post_ended_before_the_quarter()
    {
        var defect = Assert.Single(la.Manifest.CrossReturnDefects!, c => c.Kind == CrossReturnKinds.TransformationPostExpired);
        var table = la.Tree.Tables.Single(t => t.File == defect.Files[0]);
        var post = defect.Detail.Split(' ')[1];
        var row = table.Rows.Single(r => r[table.Column("PostId")] == post);
        Assert.Equal("Transformation", row[table.Column("Role")]);
        Assert.True(SpecRules.Date(row[table.Column("TimeLimitedUntil")]) < new DateOnly(2025, 10, 1));
    }

    [Fact]
    public void The_history_is_copied_byte_for_byte_or_its_absence_noted()
    {
        var upload = la.Result.Uploads.SingleOrDefault(u => u.ReturnType == "ehcp-history");
        if (SharedFiles.History is null)
        {
            Assert.Null(upload);
            Assert.Contains(la.Result.Notes, n => n.StartsWith("ehcp-history", StringComparison.Ordinal));
            return;
        }
        Assert.NotNull(upload);
        Assert.Equal("uploads/la/ehcp-history/dfe-ehcp-caseload-201819-202223.csv", upload.File);
        Assert.Equal(File.ReadAllBytes(SharedFiles.History), File.ReadAllBytes(Path.Combine(la.Root, upload.File)));
        Assert.Contains(la.Result.Notes, n => n.StartsWith("assumptions", StringComparison.Ordinal));
    }

    [Fact]
    public void Uploads_sit_where_spec_section_1_lets_their_submitters_put_them()
    {
        Assert.All(la.Result.Uploads, u =>
        {
            var ok = u.ReturnType switch
            {
                "school-census" => SpecRules.Digits(u.Submitter, 7),
                "placements" => SpecRules.Digits(u.Submitter, 6) || SpecRules.Digits(u.Submitter, 8) || u.Submitter == "la",
                "workforce" or "eah-activity" => u.Submitter.StartsWith("svc-", StringComparison.Ordinal),
                _ => u.Submitter == "la",
            };
            Assert.True(ok, u.File);
        });
    }
}

public sealed class OptionTests
{
    [Fact]
    public void Each_new_type_can_be_switched_off()
    {
        var root = TempFolder.Create();
        var assumptions = Path.Combine(TempFolder.Create(), "assumptions.json");
        File.WriteAllText(assumptions, "{ \"version\": 1 }\n");
        try
        {
            var result = SampleLaGenerator.Generate(SmallLa.Options with { IncludePlacements = false, IncludeWorkforce = false, AssumptionsPath = assumptions }, root);
            var types = result.Uploads.Select(u => u.ReturnType).ToHashSet();
            Assert.DoesNotContain("placements", types);
            Assert.DoesNotContain("workforce", types);
            Assert.Contains("establishments", types);
            Assert.Contains("eah-activity", types);
            Assert.Equal(File.ReadAllBytes(assumptions), File.ReadAllBytes(Path.Combine(root, "uploads/la/assumptions/assumptions.json")));
            Assert.DoesNotContain(result.CrossReturnDefects, c => c.Kind == CrossReturnKinds.TransformationPostExpired);
        }
        finally
        {
            TempFolder.Delete(root);
            TempFolder.Delete(Path.GetDirectoryName(assumptions)!);
        }
    }

    [Fact]
    public void Census_only_writes_the_census_and_nothing_else()
    {
        var root = TempFolder.Create();
        try
        {
            var result = SampleLaGenerator.Generate(SmallLa.Options.CensusOnly(), root);
            Assert.All(result.Uploads, u => Assert.Equal("school-census", u.ReturnType));
            Assert.Equal(result.Files.Count, result.Uploads.Count);
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }
}
