namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class ServiceTests(GeneratedLa la)
{
    private static readonly string[] Services = ["svc-eps", "svc-sts", "svc-salt", "svc-ot", "svc-oakfield"];

    private IEnumerable<(ReadTable File, List<string[]> Rows)> Clean(string type) =>
        la.Tree.OfType(type).Where(t => la.Tree.CleanTableRows.ContainsKey(t.File)).Select(t => (t, la.Tree.CleanTableRows[t.File]));

    [Fact]
    public void Every_service_returns_workforce_and_activity()
    {
        Assert.Equal(Services.Order(), la.Tree.OfType("workforce").Select(t => t.Submitter).Order());
        Assert.Equal(Services.Order(), la.Tree.OfType("eah-activity").Select(t => t.Submitter).Order());
    }

    [Fact]
    public void Clean_workforce_rows_keep_the_rules()
    {
        foreach (var (t, rows) in Clean("workforce"))
        {
            Assert.Equal(rows.Count, rows.Select(r => r[t.Column("PostId")]).Distinct().Count());
            Assert.All(rows, r =>
            {
                string C(string column) => r[t.Column(column)];
                Assert.Equal(t.Submitter, C("ServiceCode"));
                Assert.Equal("2025-26 Q4", C("Quarter"));
                Assert.Contains(C("Discipline"), SpecRules.Disciplines);
                Assert.Contains(C("Role"), new[] { "FrontLine", "Enabling", "Transformation" });
                Assert.True(SpecRules.Number(C("FTE")) is > 0 and <= 1, C("FTE"));
                Assert.Contains(C("Status"), new[] { "Filled", "Vacant", "Agency", "Secondment" });
                Assert.True(SpecRules.Money(C("AnnualCost")) >= 0, C("AnnualCost"));
                Assert.Contains(C("FundingSource"), new[] { "EAH", "HNB", "ICB", "OTHER" });
                if (C("Role") == "Transformation") Assert.NotNull(SpecRules.Date(C("TimeLimitedUntil")));
            });
        }
    }

    [Fact]
    public void Workforce_has_every_status_the_expected_roles_and_mostly_eah_funding()
    {
        var rows = Clean("workforce").SelectMany(x => x.Rows.Select(r => (x.File, r))).ToList();
        string C((ReadTable File, string[] r) x, string column) => x.r[x.File.Column(column)];
        Assert.Equal(new[] { "Agency", "Filled", "Secondment", "Vacant" }, rows.Select(x => C(x, "Status")).Distinct().Order());
        Assert.Equal(new[] { "Enabling", "FrontLine", "Transformation" }, rows.Select(x => C(x, "Role")).Distinct().Order());
        Assert.Subset(rows.Select(x => C(x, "FundingSource")).ToHashSet(), new HashSet<string> { "EAH", "HNB", "ICB" });
        Assert.True(rows.Count(x => C(x, "FundingSource") == "EAH") > 0.6 * rows.Count);
        Assert.Subset(rows.Select(x => C(x, "Discipline")).ToHashSet(), new HashSet<string> { "EP", "ST", "SALT", "APO" });
    }

    [Fact]
    public void Front_line_carries_at_least_80_percent_of_every_services_cost()
    {
        foreach (var (t, rows) in Clean("workforce"))
        {
            var total = rows.Sum(r => SpecRules.Money(r[t.Column("AnnualCost")])!.Value);
            var front = rows.Where(r => r[t.Column("Role")] == "FrontLine").Sum(r => SpecRules.Money(r[t.Column("AnnualCost")])!.Value);
            Assert.True(front >= 0.8m * total, $"{t.Submitter}: front line {front / total:P1}");
        }
    }

    [Fact]
    public void Clean_activity_rows_keep_the_rules_and_name_open_settings()
    {
        var register = la.Tree.OfType("establishments").Single(t => t.File.Contains("edubasealldata", StringComparison.Ordinal));
        var open = register.Rows.Where(r => r[register.Column("EstablishmentStatus (name)")] != "Closed")
            .Select(r => r[register.Column("LA (code)")] + r[register.Column("EstablishmentNumber")]).ToHashSet();
        var plantedQueries = la.Manifest.Defects.Where(d => d.Kind == "setting-not-known-open").Select(d => (d.File, d.Row)).ToHashSet();
        foreach (var (t, rows) in Clean("eah-activity"))
        {
            Assert.All(rows.Where((_, i) => !plantedQueries.Contains((t.File, i + 2))), r =>
            {
                string C(string column) => r[t.Column(column)];
                Assert.Equal(t.Submitter, C("ServiceCode"));
                Assert.Equal("2025-26 Q4", C("Quarter"));
                Assert.Contains(C("LAEstab"), open);
                Assert.Contains(C("Discipline"), SpecRules.Disciplines);
                var days = SpecRules.Number(C("DaysDelivered"));
                Assert.True(days is >= 0 and <= 65 && days * 2 == Math.Floor(days.Value * 2), C("DaysDelivered"));
                Assert.Contains(C("ActivityType"), new[] { "Consultation", "Assessment", "Training", "DirectWork" });
            });
            foreach (var group in rows.GroupBy(r => (r[t.Column("LAEstab")], r[t.Column("Discipline")])))
                Assert.True(group.Sum(r => SpecRules.Number(r[t.Column("DaysDelivered")]) ?? 0) <= 65);
        }
    }

    [Fact]
    public void Most_but_not_all_open_schools_get_support()
    {
        var supported = la.Tree.OfType("eah-activity").SelectMany(t => t.Rows.Select(r => r[t.Column("LAEstab")])).ToHashSet();
        var schools = la.Result.Files.Select(f => f.LaEstab).ToList();
        var share = schools.Count(supported.Contains) / (double)schools.Count;
        Assert.InRange(share, 0.75, 0.95);
    }
}
