using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Submission;

/// <summary>
/// 2025-26 Q3 of the small picture, made consistent (an autumn census, budgets for the year), then
/// one gap planted per test: each blocking check must fail on its gap and name who to chase.
/// </summary>
public class PreSubmissionCheckTests
{
    private static readonly FinancialQuarter Q3 = new(new FinancialYear(2025), 3);
    private static readonly FinancialYear BaseYear = new(2024);

    private static readonly IReadOnlyList<SplitRow> GoodSplit =
    [
        new("2025-26 Q3", "FrontLine", 90_000m, 0.9m, "at least 80%", true),
        new("2025-26 Q3", "Enabling", 5_000m, 0.05m, "at most 10%", true),
        new("2025-26 Q3", "Transformation", 5_000m, 0.05m, "at most 10%", true),
    ];

    internal static PictureBuilder ConsistentQ3()
    {
        var b = new PictureBuilder();
        b.Census1 = [.. b.Census1.Select(r => r.Replace("2026-01-15", "2025-10-02"))];
        b.Census2 = [.. b.Census2.Select(r => r.Replace("2026-01-15", "2025-10-02"))];
        b.Finance = ["2024-25,1.2.1,Actual,1000000.00,,2", "2024-25,1.0.2,Actual,-50000.00,,3", "2025-26,1.2.1,Budget,1100000.00,,4", "2025-26,1.0.2,Budget,-50000.00,,5"];
        // Every Experts at Hand discipline of spec 4.7 has a post (AP outreach: 2025-26 is in the grant's window).
        b.Posts.AddRange(["svc-eps,2025-26 Q3,ST1,ST,FrontLine,1,Filled,50000.00,EAH,,4", "svc-eps,2025-26 Q3,SL1,SALT,FrontLine,1,Filled,50000.00,EAH,,5",
            "svc-eps,2025-26 Q3,OT1,OT,FrontLine,1,Filled,50000.00,EAH,,6", "svc-eps,2025-26 Q3,AP1,APO,FrontLine,1,Filled,40000.00,EAH,,7"]);
        return b;
    }

    private static IReadOnlyList<CheckResult> Run(PictureBuilder b, IReadOnlyList<SplitRow>? split = null, int queries = 0, Action<LaPicture>? plant = null)
    {
        var picture = b.Build();
        plant?.Invoke(picture);
        return PreSubmissionChecks.Run(picture, "855", Q3, split ?? GoodSplit, BaseYear, queries);
    }

    [Fact]
    public void Run_ConsistentQuarter_PassesEveryCheck()
    {
        var checks = Run(ConsistentQ3());

        Assert.Equal(["SUB-001", "SUB-002", "SUB-003", "SUB-004", "SUB-005", "SUB-006"], checks.Select(c => c.Id));
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
        Assert.Contains("2 of 2 open schools returned the 2025-10-02 census", checks[0].Detail);
    }

    [Fact]
    public void Run_OpenSchoolWithoutCensus_FailsCoverageNamingTheSchool()
    {
        var b = ConsistentQ3();
        b.Register.Add("100003,855,2003,Elm Primary School,Academy converter,Primary,180,Open,8552003,4");

        var coverage = Run(b).Single(c => c.Id == PreSubmissionChecks.CensusCoverage);

        Assert.False(coverage.Passed);
        Assert.True(coverage.Blocking);
        Assert.Equal(["8552003 Elm Primary School"], coverage.Items);
    }

    [Fact]
    public void Run_CensusOnlyAfterTheQuarter_FailsCoverage()
    {
        var coverage = Run(new PictureBuilder { Finance = ConsistentQ3().Finance }).Single(c => c.Id == PreSubmissionChecks.CensusCoverage);

        Assert.False(coverage.Passed);
        Assert.Contains("No school census on or before 2025-12-31", coverage.Detail);
    }

    [Fact]
    public void Run_ProviderWithLivePlacementsThatDidNotReturnForTheQuarter_FailsNamingTheProvider()
    {
        var b = ConsistentQ3();
        // Returned at the end of Q2 with a placement still running: it owes a Q3 return.
        b.Placements.Add($"654321,2025-09-30,{PictureBuilder.UpnB},,2016-10-01,INMSS,2024-09-01,,Y,70000.00,FULL,ASD,Y,855,3");

        var providers = Run(b).Single(c => c.Id == PreSubmissionChecks.ProviderReturns);

        Assert.False(providers.Passed);
        Assert.Equal(["654321"], providers.Items);
    }

    [Fact]
    public void Run_PlacementEndedBeforeTheQuarter_DoesNotOweAReturn()
    {
        var b = ConsistentQ3();
        b.Placements.Add($"654321,2025-09-30,{PictureBuilder.UpnB},,2016-10-01,INMSS,2024-09-01,2025-08-31,Y,70000.00,FULL,ASD,Y,855,3");

        Assert.True(Run(b).Single(c => c.Id == PreSubmissionChecks.ProviderReturns).Passed);
    }

    [Fact]
    public void Run_LineWithActualsButNoBudgetForTheYear_FailsNamingTheLine()
    {
        var b = ConsistentQ3();
        b.Finance.RemoveAll(f => f.StartsWith("2025-26,1.0.2", StringComparison.Ordinal));

        var finance = Run(b).Single(c => c.Id == PreSubmissionChecks.FinanceLines);

        Assert.False(finance.Passed);
        Assert.Single(finance.Items, i => i.StartsWith("1.0.2 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_NoActualsForTheBaseYear_FailsFinance()
    {
        var b = ConsistentQ3();
        b.Finance.RemoveAll(f => f.StartsWith("2024-25", StringComparison.Ordinal));

        Assert.Contains("No Actual hnb-finance lines for the base year 2024-25", Run(b).Single(c => c.Id == PreSubmissionChecks.FinanceLines).Detail);
    }

    [Fact]
    public void Run_SplitRuleBroken_FailsTheSplitCheck()
    {
        var split = GoodSplit.Select(s => s.Role == "FrontLine" ? s with { Share = 0.7m, Meets = false } : s).ToList();

        var check = Run(ConsistentQ3(), split).Single(c => c.Id == PreSubmissionChecks.ExpertsAtHandSplit);

        Assert.False(check.Passed);
        Assert.Single(check.Items);
    }

    [Fact]
    public void Run_NoWorkforceReturnForTheQuarter_FailsTheSplitCheck()
    {
        var b = ConsistentQ3();
        b.Posts = [.. b.Posts.Select(p => p.Replace("2025-26 Q3", "2025-26 Q2"))];

        Assert.Contains("No workforce return is in force for 2025-26 Q3", Run(b).Single(c => c.Id == PreSubmissionChecks.ExpertsAtHandSplit).Detail);
    }

    [Fact]
    public void Run_SubmitterWhoseLatestUploadWasRejected_FailsUnresolvedErrors()
    {
        var checks = Run(ConsistentQ3(), plant: p => p.Uploads.Add(new UploadStatusRow("8552001", "school-census", "uploads/8552001/school-census/fix.csv",
            "abc", "rejected", "2025-10-02", DateTimeOffset.UnixEpoch, 3, 0, InForce: false)));

        var unresolved = checks.Single(c => c.Id == PreSubmissionChecks.UnresolvedErrors);
        Assert.False(unresolved.Passed);
        Assert.Equal(["8552001 school-census: 3 errors in uploads/8552001/school-census/fix.csv"], unresolved.Items);
    }

    [Fact]
    public void Run_ProviderWhoseOnlyReturnWasRejected_IsStillExpectedAndMissing()
    {
        // 654321's Q3 placements upload was rejected: nothing of it is in force, but it is still owed.
        var checks = Run(ConsistentQ3(), plant: p => p.Uploads.Add(new UploadStatusRow("654321", "placements",
            "uploads/654321/placements/q3.csv", "def", "rejected", "2025-12-31", DateTimeOffset.UnixEpoch, 2, 0, InForce: false)));

        var providers = checks.Single(c => c.Id == PreSubmissionChecks.ProviderReturns);
        Assert.False(providers.Passed);
        Assert.Equal(["654321"], providers.Items);
        Assert.StartsWith("1 of 2 providers expected for the quarter returned at 2025-12-31", providers.Detail);
    }

    [Fact]
    public void Run_ServiceWhoseOnlyWorkforceUploadWasRejected_FailsTheSplitNamingTheService()
    {
        var b = ConsistentQ3();
        b.Posts.RemoveAll(p => p.Contains(",ST1,ST,", StringComparison.Ordinal));
        var checks = Run(b, plant: p => p.Uploads.Add(new UploadStatusRow("svc-sts", "workforce",
            "uploads/svc-sts/workforce/q3.csv", "ghi", "rejected", "2025-26 Q3", DateTimeOffset.UnixEpoch, 9, 0, InForce: false)));

        var split = checks.Single(c => c.Id == PreSubmissionChecks.ExpertsAtHandSplit);
        Assert.False(split.Passed);
        Assert.Equal(["svc-sts: no 2025-26 Q3 workforce return in force", "ST (specialist teacher): no post in 2025-26 Q3"], split.Items);
        Assert.StartsWith("1 of 2 services returned their 2025-26 Q3 workforce, so the split is incomplete", split.Detail);
    }

    [Fact]
    public void Run_TwoRejectedUploadsFromOneSubmitter_CountsUploadsAndSubmittersApart()
    {
        var checks = Run(ConsistentQ3(), plant: p =>
        {
            p.Uploads.Add(new UploadStatusRow("la", "hnb-finance", "uploads/la/hnb-finance/a.csv", "a1", "rejected", "2025-26", DateTimeOffset.UnixEpoch, 1, 0, false));
            p.Uploads.Add(new UploadStatusRow("la", "establishments", "uploads/la/establishments/b.csv", "b1", "rejected", null, DateTimeOffset.UnixEpoch, 2, 0, false));
            p.Uploads.Add(new UploadStatusRow("8552001", "school-census", "uploads/8552001/school-census/c.csv", "c1", "rejected", "2025-10-02",
                DateTimeOffset.UnixEpoch, 3, 0, false));
        });

        var unresolved = checks.Single(c => c.Id == PreSubmissionChecks.UnresolvedErrors);
        Assert.StartsWith("3 uploads from 2 submitters were rejected", unresolved.Detail);
        Assert.Equal(3, unresolved.Items.Count);
    }

    [Fact]
    public void Run_QueriesAcrossReturns_WarnWithoutBlocking()
    {
        var queries = Run(ConsistentQ3(), queries: 4).Single(c => c.Id == PreSubmissionChecks.DataQualityQueries);

        Assert.False(queries.Passed);
        Assert.False(queries.Blocking);
        Assert.Equal("warning", queries.Outcome);
    }
}
