namespace SendPipeline.SampleData.Services;

/// <summary>An Experts at Hand service: the discipline it brings and the pay of its posts (with on-costs, per FTE).</summary>
internal sealed record Service(string Code, string Discipline, string PostPrefix, int FrontLinePosts, int EnablingPosts, int TransformationPosts, int PayLow, int PayHigh)
{
    /// <summary>
    /// The five services of the forum paper: educational psychology, specialist teaching, speech and
    /// language therapy, occupational therapy, and the Oakfield alternative-provision outreach.
    /// </summary>
    public static readonly IReadOnlyList<Service> All =
    [
        new("svc-eps", "EP", "EPS", 34, 3, 1, 62_000, 88_000),
        new("svc-sts", "ST", "STS", 30, 3, 1, 48_000, 64_000),
        new("svc-salt", "SALT", "SLT", 22, 2, 1, 44_000, 60_000),
        new("svc-ot", "OT", "OT", 10, 1, 0, 42_000, 56_000),
        new("svc-oakfield", "APO", "OAK", 14, 2, 1, 34_000, 46_000),
    ];
}

/// <summary>One post in a service's workforce return.</summary>
internal sealed record WorkforcePost(string PostId, string Discipline, string Role, decimal Fte, string Status, decimal AnnualCost, string FundingSource, DateOnly? TimeLimitedUntil);
