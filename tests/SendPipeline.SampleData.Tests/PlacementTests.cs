using SendPipeline.Core.Reference;

namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class PlacementTests(GeneratedLa la)
{
    private static readonly DateOnly ReturnDate = new(2026, 3, 31);

    private List<(ReadTable File, string[] Row)> Rows =>
        la.Tree.OfType("placements").SelectMany(t => t.Rows.Select(r => (t, r))).ToList();

    private List<(ReadTable File, string[] Row)> CleanRows =>
        la.Tree.OfType("placements").Where(t => la.Tree.CleanTableRows.ContainsKey(t.File))
            .SelectMany(t => la.Tree.CleanTableRows[t.File].Select(r => (t, r))).ToList();

    private static string Cell(ReadTable t, string[] row, string column) => row[t.Column(column)];

    [Fact]
    public void Every_category_appears_in_shire_county_numbers()
    {
        var byCategory = Rows.GroupBy(x => Cell(x.File, x.Row, "PlacementCategory")).ToDictionary(g => g.Key, g => g.Count());
        Assert.Subset(byCategory.Keys.ToHashSet(), SpecRules.Categories.ToHashSet());
        Assert.InRange(byCategory["INMSS"], 400, 500);
        Assert.InRange(byCategory["SPI"], 65, 95);
        Assert.InRange(byCategory["AP"], 110, 190);
        Assert.InRange(byCategory["FE"], 600, 800);
        Assert.InRange(byCategory["OTH"], 120, 180);
        Assert.InRange(byCategory["MSS"] + byCategory["ASS"], 1_400, 2_400);
        Assert.True(byCategory["MMS"] > 0 && byCategory["RP"] > 0);
    }

    [Fact]
    public void Submitters_are_urns_ukprns_or_the_la()
    {
        Assert.All(la.Tree.OfType("placements"), t =>
            Assert.True(SpecRules.Digits(t.Submitter, 6) || SpecRules.Digits(t.Submitter, 8) && t.Submitter[0] == '1' || t.Submitter == "la", t.Submitter));
        Assert.Single(la.Tree.OfType("placements"), t => t.Submitter == "la");
        Assert.Contains(la.Tree.OfType("placements"), t => t.File.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Contains(la.Tree.OfType("placements"), t => t.Encoding == "windows-1252");
    }

    [Fact]
    public void Clean_rows_keep_the_placement_rules()
    {
        Assert.All(CleanRows, x =>
        {
            var (t, r) = x;
            string C(string column) => Cell(t, r, column);
            if (t.Submitter != "la") Assert.Equal(t.Submitter, C("ProviderId"));
            Assert.Equal(ReturnDate, SpecRules.Date(C("ReturnDate")));
            Assert.True(C("UPN") != "" || C("ULN") != "", "a UPN or a ULN");
            if (C("UPN") != "") Assert.Equal(UpnProblems.None, Upn.Check(C("UPN"), LaCodes.Dfe));
            if (C("ULN") != "") Assert.True(SpecRules.Uln(C("ULN")), C("ULN"));
            var dob = SpecRules.Date(C("DOB"));
            Assert.NotNull(dob);
            Assert.InRange(SpecRules.Age(dob.Value, ReturnDate), 0, 25);
            if (C("UPN") == "") Assert.True(SpecRules.Age(dob.Value, ReturnDate) >= 16);
            Assert.Contains(C("PlacementCategory"), SpecRules.Categories);
            var start = SpecRules.Date(C("PlacementStart"));
            Assert.True(start <= ReturnDate);
            if (C("PlacementEnd") != "") Assert.True(SpecRules.Date(C("PlacementEnd")) >= start);
            Assert.NotNull(SpecRules.Boolean(C("Residential")));
            var cost = SpecRules.Money(C("AnnualCost"));
            Assert.True(cost is > 0 and <= 250_000, C("AnnualCost"));
            Assert.Contains(C("FundingElement"), new[] { "PLACE", "TOPUP", "FULL" });
            Assert.Contains(C("PrimaryNeed"), SpecRules.SenTypes);
            Assert.NotEqual("NSA", C("PrimaryNeed"));
            Assert.True(SpecRules.Boolean(C("EHCP")));
            Assert.Equal("855", C("HomeLA"));
        });
    }

    [Fact]
    public void Independent_special_placements_are_full_fees_of_45k_to_120k_some_residential()
    {
        var inmss = CleanRows.Where(x => Cell(x.File, x.Row, "PlacementCategory") == "INMSS").ToList();
        Assert.All(inmss, x => Assert.Equal("FULL", Cell(x.File, x.Row, "FundingElement")));
        Assert.All(inmss, x => Assert.InRange(SpecRules.Money(Cell(x.File, x.Row, "AnnualCost"))!.Value, 45_000m, 120_000m));
        Assert.InRange(inmss.Count(x => SpecRules.Boolean(Cell(x.File, x.Row, "Residential")) == true), 10, inmss.Count / 2);
    }

    [Fact]
    public void Some_college_and_specialist_learners_have_only_a_uln()
    {
        var post16 = CleanRows.Where(x => Cell(x.File, x.Row, "PlacementCategory") is "FE" or "SPI").ToList();
        var ulnOnly = post16.Count(x => Cell(x.File, x.Row, "UPN") == "" && Cell(x.File, x.Row, "ULN") != "");
        Assert.InRange(ulnOnly / (double)post16.Count, 0.15, 0.45);
    }

    [Fact]
    public void No_child_is_placed_twice_in_one_file_or_across_clean_files()
    {
        foreach (var t in la.Tree.OfType("placements").Where(t => la.Tree.CleanTableRows.ContainsKey(t.File)))
        {
            var ids = la.Tree.CleanTableRows[t.File].Select(r => r[t.Column("UPN")] + "|" + r[t.Column("ULN")]).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        var upns = CleanRows.Select(x => Cell(x.File, x.Row, "UPN")).Where(u => u != "").ToList();
        Assert.Equal(upns.Count, upns.Distinct().Count());
    }

    [Fact]
    public void A_special_schools_placements_are_ehc_plan_pupils_of_its_own_census()
    {
        var register = la.Tree.OfType("establishments").Single(t => t.File.Contains("edubasealldata", StringComparison.Ordinal));
        var laEstabOfUrn = register.Rows.ToDictionary(r => r[register.Column("URN")], r => r[register.Column("LA (code)")] + r[register.Column("EstablishmentNumber")]);
        var planted = la.Manifest.CrossReturnDefects!.Select(c => c.Detail).ToList();
        var checkedFiles = 0;
        foreach (var t in la.Tree.OfType("placements").Where(t => la.Tree.CleanTableRows.ContainsKey(t.File)))
        {
            var rows = la.Tree.CleanTableRows[t.File];
            if (!rows.All(r => r[t.Column("PlacementCategory")] is "MSS" or "ASS")) continue;
            var census = la.Rows.Where(r => r.Submitter == laEstabOfUrn[t.Submitter] && r.Provision == "E").Select(r => r.Upn).ToHashSet();
            foreach (var upn in rows.Select(r => r[t.Column("UPN")]).Where(u => !planted.Any(d => d.Contains(u, StringComparison.Ordinal))))
                Assert.Contains(upn, census);
            checkedFiles++;
        }
        Assert.InRange(checkedFiles, 8, 12);
    }
}
