namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class RegisterTests(GeneratedLa la)
{
    private ReadTable Register => la.Tree.OfType("establishments").Single(t => t.File.Contains("edubasealldata", StringComparison.Ordinal));

    private IEnumerable<Dictionary<string, string>> Entries => Register.Rows.Select(r => Register.Header.Zip(r).ToDictionary(p => p.First, p => p.Second));

    [Fact]
    public void The_register_is_windows_1252_and_keeps_accented_names()
    {
        var bytes = File.ReadAllBytes(Path.Combine(la.Root, Register.File));
        Assert.Equal("windows-1252", Register.Encoding);
        Assert.Contains((byte)0xE9, bytes); // é
        var names = Entries.Select(e => e["EstablishmentName"]).ToList();
        Assert.Contains("St Thérèse of Lisieux Catholic Primary School", names);
        Assert.Contains(names, n => n.Contains('ë'));
        Assert.Contains(names, n => n.Contains('–'));
        Assert.Contains(names, n => n.Contains('\''));
        Assert.Contains(names, n => n.Contains(','));
        // Round trip: what was decoded encodes back to the same bytes.
        var text = TableReader.Windows1252.GetString(bytes);
        Assert.Equal(bytes, TableReader.Windows1252.GetBytes(text));
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Fact]
    public void The_register_has_the_spec_columns_among_other_gias_columns()
    {
        string[] spec = ["URN", "LA (code)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (name)", "PhaseOfEducation (name)", "NumberOfPupils", "EstablishmentStatus (name)"];
        Assert.Subset(Register.Header.ToHashSet(), spec.ToHashSet());
        Assert.Subset(Register.Header.ToHashSet(), new HashSet<string> { "TypeOfEstablishment (code)", "Street", "Postcode", "OpenDate", "CloseDate", "Gender (name)" });
    }

    [Fact]
    public void Every_row_keeps_the_register_rules()
    {
        var entries = Entries.ToList();
        Assert.All(entries, e =>
        {
            Assert.True(SpecRules.Digits(e["URN"], 6), e["URN"]);
            // Out of county: only the independent schools, colleges and post-16 providers the LA places children in.
            if (e["LA (code)"] != "855")
                Assert.Matches("(?i)independent|further education|post 16", e["TypeOfEstablishment (name)"]);
            Assert.True(SpecRules.Digits(e["EstablishmentNumber"], 4), e["EstablishmentNumber"]);
            Assert.True(e["NumberOfPupils"] == "" || int.TryParse(e["NumberOfPupils"], out var n) && n >= 0, e["NumberOfPupils"]);
            Assert.Contains(e["EstablishmentStatus (name)"], new[] { "Open", "Closed", "Open, but proposed to close", "Proposed to open" });
        });
        Assert.Equal(entries.Count, entries.Select(e => e["URN"]).Distinct().Count());
    }

    [Fact]
    public void Statuses_are_mostly_open_with_a_few_closed_and_one_proposed_to_close()
    {
        var statuses = Entries.GroupBy(e => e["EstablishmentStatus (name)"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(statuses["Closed"], 3, 12);
        Assert.Equal(1, statuses["Open, but proposed to close"]);
        Assert.True(statuses["Open"] > 0.9 * Entries.Count());
    }

    [Fact]
    public void Every_census_school_is_in_the_register_and_closed_ones_make_no_census_but_the_planted_one()
    {
        var byLaEstab = Entries.GroupBy(e => e["LA (code)"] + e["EstablishmentNumber"]).ToDictionary(g => g.Key, g => g.ToList());
        var planted = la.Manifest.CrossReturnDefects!.Where(c => c.Kind == "setting-closed-in-register").SelectMany(c => c.Files).ToHashSet();
        foreach (var census in la.Result.Files)
        {
            Assert.True(byLaEstab.ContainsKey(census.LaEstab), census.LaEstab);
            if (byLaEstab[census.LaEstab].All(e => e["EstablishmentStatus (name)"] == "Closed"))
                Assert.Contains(census.File, planted);
        }
    }

    [Fact]
    public void Rolls_follow_the_phase()
    {
        var open = Entries.Where(e => e["EstablishmentStatus (name)"] != "Closed" && e["NumberOfPupils"] != "").ToList();
        double Mean(string phase) => open.Where(e => e["PhaseOfEducation (name)"] == phase).Average(e => int.Parse(e["NumberOfPupils"]));
        Assert.InRange(Mean("Primary"), 120, 400);
        Assert.InRange(Mean("Secondary"), 700, 1_500);
    }

    [Fact]
    public void The_ignored_gias_dates_are_in_gias_form()
    {
        Assert.All(Entries, e => Assert.Matches(@"^\d{2}-\d{2}-\d{4}$", e["OpenDate"]));
        Assert.Contains(Entries, e => e["CloseDate"] != "");
    }
}
