using SendPipeline.Core.Reference;

namespace SendPipeline.SampleData.Services;

/// <summary>
/// Each service's posts. The forum paper's split holds by construction: front-line posts carry at
/// least 80% of every service's cost, enabling posts (admin, training) are few and modestly paid,
/// and transformation posts are time-limited to the end of the Experts at Hand funding.
/// </summary>
internal static class WorkforcePlanner
{
    public const double MinimumFrontLineShare = 0.82;

    public static List<WorkforcePost> Plan(Service service, double scale, FinancialQuarter quarter, Random rng)
    {
        var posts = new List<WorkforcePost>();
        var n = 0;
        string Id() => $"{service.PostPrefix}-{++n:D3}";
        var frontLine = Math.Max(2, (int)Math.Round(service.FrontLinePosts * scale));
        for (var i = 0; i < frontLine; i++)
        {
            // Assistant psychologists are not EPs; the return calls them OTHER.
            var discipline = service.Discipline == "EP" && i % 12 == 11 ? "OTHER" : service.Discipline;
            var fte = Fte(rng);
            var status = rng.NextDouble() switch { < 0.78 => "Filled", < 0.88 => "Vacant", < 0.96 => "Agency", _ => "Secondment" };
            var pay = Pay(rng, discipline == "OTHER" ? 32_000 : service.PayLow, discipline == "OTHER" ? 38_000 : service.PayHigh);
            var cost = Math.Round(pay * fte * (status == "Agency" ? 1.45m : 1m), 2);
            var funding = (service.Discipline, rng.NextDouble()) switch
            {
                ("SALT" or "OT", < 0.3) => "ICB",
                ("EP" or "ST", < 0.15) => "HNB",
                _ => "EAH",
            };
            posts.Add(new WorkforcePost(Id(), discipline, "FrontLine", fte, status, cost, funding, null));
        }
        for (var i = 0; i < Math.Max(1, (int)Math.Round(service.EnablingPosts * scale)); i++)
        {
            var fte = rng.NextDouble() < 0.6 ? 1.0m : 0.6m;
            posts.Add(new WorkforcePost(Id(), service.Discipline, "Enabling", fte, "Filled", Math.Round(Pay(rng, 26_000, 36_000) * fte, 2), "EAH", null));
        }
        // Transformation capacity lasts until the Experts at Hand envelope ends (2027-28) or a year sooner.
        var lastYear = new FinancialYear(quarter.Year.StartYear + 2).End;
        for (var i = 0; i < service.TransformationPosts; i++)
        {
            var until = rng.NextDouble() < 0.6 ? lastYear : lastYear.AddYears(-1);
            posts.Add(new WorkforcePost(Id(), service.Discipline, "Transformation", 1.0m, "Filled", Math.Round(Pay(rng, 58_000, 75_000), 2), "EAH", until));
        }
        return posts;
    }

    public static double FrontLineShare(IEnumerable<WorkforcePost> posts)
    {
        var list = posts.ToList();
        var total = list.Sum(p => p.AnnualCost);
        return total == 0 ? 1 : (double)(list.Where(p => p.Role == "FrontLine").Sum(p => p.AnnualCost) / total);
    }

    private static decimal Fte(Random rng) => rng.NextDouble() switch
    {
        < 0.6 => 1.0m,
        < 0.75 => 0.8m,
        < 0.87 => 0.6m,
        < 0.95 => 0.5m,
        _ => 0.4m,
    };

    private static decimal Pay(Random rng, int low, int high) => low + Math.Round((decimal)rng.NextDouble() * (high - low), 0);
}
