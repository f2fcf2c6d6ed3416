using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Submission;

public class SubmissionSnapshotTests
{
    private static readonly FinancialQuarter Q3 = new(new FinancialYear(2025), 3);

    private static SubmissionSnapshot Freeze(PictureBuilder b)
    {
        var picture = b.Build();
        return SubmissionSnapshot.Build(picture, "855", Q3, WorkforceCapacity.Build(picture, SplitRules.Defaults, Q3.ToString()), hnb: null, new FinancialYear(2024), dataQualityQueries: 0);
    }

    [Fact]
    public void Build_SameReturns_GivesTheSameHashAndBytes()
    {
        var first = Freeze(PreSubmissionCheckTests.ConsistentQ3());
        var second = Freeze(PreSubmissionCheckTests.ConsistentQ3());

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(first.Tables.Select(t => t.Csv), second.Tables.Select(t => t.Csv));
        Assert.Equal(64, first.Hash.Length);
    }

    [Fact]
    public void Build_OneChangedRow_GivesANewHash()
    {
        var b = PreSubmissionCheckTests.ConsistentQ3();
        var before = Freeze(b);
        b.Finance[0] = b.Finance[0].Replace("1000000.00", "1000001.00");

        Assert.NotEqual(before.Hash, Freeze(b).Hash);
    }

    [Fact]
    public void Build_ChangedUploadWithTheSameTables_GivesANewHash()
    {
        var b = PreSubmissionCheckTests.ConsistentQ3();
        var before = Freeze(b);
        // A re-upload that changes nothing the tables show is still different data in force.
        b.History[0] = b.History[0] + " ";

        Assert.NotEqual(before.Hash, Freeze(b).Hash);
    }

    [Fact]
    public void Hash_ACheckEditedToPass_IsNoLongerTheSnapshotsHash()
    {
        var snapshot = Freeze(PreSubmissionCheckTests.ConsistentQ3());
        var check = snapshot.Checks[0];
        // The checks decide final or draft, so a stored copy must not be able to turn a failure into a pass.
        var edited = snapshot with { Checks = [check with { Passed = !check.Passed }, .. snapshot.Checks.Skip(1)] };

        Assert.NotEqual(snapshot.Hash, new SubmissionSnapshot(edited.LaCode, edited.Quarter, edited.Tables, edited.Checks, edited.Returns,
            edited.Assumptions, edited.RuleCatalogueVersion).Hash);
    }

    [Fact]
    public void Build_Tables_CarryNoPupilIdentifier()
    {
        var snapshot = Freeze(PreSubmissionCheckTests.ConsistentQ3());

        Assert.Equal(["checks", "counts", "sen-counts", "placements", "hnb-finance", "hnb-forecast", "workforce-fte", "workforce-cost", "eah-split", "setting-days", "eah-outreach", "workforce-findings",
            "ehc-timeliness"],
            snapshot.Tables.Select(t => t.Name));
        foreach (var table in snapshot.Tables)
        {
            var text = Encoding.UTF8.GetString(table.Csv);
            Assert.DoesNotContain(PictureBuilder.UpnA, text);
            Assert.DoesNotContain(PictureBuilder.UpnC, text);
            Assert.DoesNotContain("2016-10-01", text);
        }
    }

    [Fact]
    public void Build_CountsAndPlacements_AreTheQuartersAggregates()
    {
        var snapshot = Freeze(PreSubmissionCheckTests.ConsistentQ3());

        const string La = "Local authority,E10000018,855,Leicestershire";
        const string Tidy = "time_period,geographic_level,new_la_code,old_la_code,la_name";
        Assert.Equal($"{Tidy},census_date,la_estab,setting_name,phase,sen_provision,pupils\n" +
                     $"202526,{La},2025-10-02,8552001,Ash Primary School,Primary,EHC plan,1\n" +
                     $"202526,{La},2025-10-02,8552001,Ash Primary School,Primary,SEN support,1\n" +
                     $"202526,{La},2025-10-02,8557001,Oak Special School,Not applicable,EHC plan,1\n",
            Encoding.UTF8.GetString(snapshot.Tables.Single(t => t.Name == "sen-counts").Csv));
        Assert.Equal($"{Tidy},return_date,provider_id,placement_category,ehc_plan,placements\n" +
                     $"202526,{La},2025-12-31,123456,MSS,Y,1\n",
            Encoding.UTF8.GetString(snapshot.Tables.Single(t => t.Name == "placements").Csv));
        // A deduction is a negative number, never text: "'-50000.00" would be a formula-safe string, not an amount.
        var finance = Encoding.UTF8.GetString(snapshot.Tables.Single(t => t.Name == "hnb-finance").Csv);
        Assert.Contains($"\n202425,{La},1.0.2,Actual,-50000.00\n", finance);
    }

    [Fact]
    public void Build_EveryTable_StartsWithTheDfeTidyColumnsAndNamesItsUnits()
    {
        var snapshot = Freeze(PreSubmissionCheckTests.ConsistentQ3());

        foreach (var table in snapshot.Tables)
        {
            var header = Encoding.UTF8.GetString(table.Csv).Split('\n')[0].Split(',');
            Assert.Equal(["time_period", "geographic_level", "new_la_code", "old_la_code", "la_name"], header[..5]);
            var columns = table.Definition.Columns;
            Assert.All(columns.Where(c => c.Kind == ColumnKind.Money), c => Assert.EndsWith(" (£)", c.Header));
            Assert.All(columns.Where(c => c.Kind == ColumnKind.Percent), c => Assert.EndsWith(" (%)", c.Header));
        }
        Assert.Contains("amount (£)", SubmissionTables.HnbFinance.HeaderLine);
        Assert.Contains("share (%)", SubmissionTables.EahSplit.HeaderLine);
    }

    [Fact]
    public void Build_WorkforceOfAnotherQuarter_IsRefused()
    {
        var b = PreSubmissionCheckTests.ConsistentQ3();
        b.Posts = [.. b.Posts.Select(p => p.Replace("2025-26 Q3", "2025-26 Q4"))];
        var picture = b.Build();
        var latest = WorkforceCapacity.Build(picture, SplitRules.Defaults);

        Assert.Equal("2025-26 Q4", latest.Quarter);
        Assert.Throws<ArgumentException>(() => SubmissionSnapshot.Build(picture, "855", Q3, latest, hnb: null, new FinancialYear(2024), 0));
    }
}
