using System.Globalization;
using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Tests.Forecasting;

public class CaseloadGrowthTests
{
    private const string La = "855";

    /// <summary>Januaries to 2023 of three LAs; ours (five years unless given) accelerates while the others grow 8% a year.</summary>
    private static LaPicture History(double[]? ours = null)
    {
        var las = new (string Code, double[] Plans)[]
        {
            (La, ours ?? [1000, 1100, 1250, 1450, 1700]),
            ("856", [2000, 2160, 2333, 2519, 2721]),
            ("857", [3000, 3240, 3499, 3779, 4081]),
        };
        var rows = las.SelectMany(la => la.Plans.Select((plans, i) => (Year: 2023 - la.Plans.Length + i, plans)).Select(x =>
            $"{x.Year}{(x.Year + 1) % 100},Local authority,{la.Code},E0000{la.Code},LA {la.Code},All EHC plans,All EHC plans,{x.plans.ToString(CultureInfo.InvariantCulture)},2"));
        var picture = new LaPicture();
        picture.Add("ehcp-history", "h", "uploads/la/ehcp-history/h.csv", "la", new MemoryStream(Encoding.UTF8.GetBytes(
            "time_period,geographic_level,old_la_code,new_la_code,la_name,breakdown_topic,breakdown,ehcplans,SourceRow\n" + string.Join("\n", rows) + "\n")));
        return picture;
    }

    private static HnbAssumptions With(string? method) =>
        HnbAssumptions.From(method is null ? [] : [("growth-method", "ehcp", "all", method)]);

    [Fact]
    public void For_TakesTheMethodFromTheAssumptions()
    {
        var byDefault = CaseloadGrowth.For(History(), La, With(null))!;
        var shrunk = CaseloadGrowth.For(History(), La, With("shrunk-growth"))!;
        var last = CaseloadGrowth.For(History(), La, With("last-growth"))!;

        Assert.Equal("shrunk-growth", HnbAssumptions.Defaults.GrowthMethod.Name);
        Assert.Equal(shrunk, byDefault);
        // 2024-25 to 2027-28: three years, each at the latest growth, 1700 / 1450 − 1.
        Assert.Equal(3, last.Count);
        Assert.All(last, g => Assert.Equal(1700.0 / 1450 - 1, g, 12));
        Assert.NotEqual(shrunk[0], last[0], 6);
    }

    [Fact]
    public void For_ADifferentMethod_GivesADifferentHnbForecast()
    {
        var picture = History();
        picture.Add("placements", "p", "uploads/1/placements/p.csv", "1", new MemoryStream(Encoding.UTF8.GetBytes(
            "ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart,PlacementEnd,Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA,SourceRow\n"
            + "200002,2025-03-31,,,2012-01-01,INMSS,2024-09-01,,N,60000,FULL,ASD,Y,855,2\n")));
        picture.Add("hnb-finance", "f", "uploads/la/hnb-finance/f.csv", "la", new MemoryStream(Encoding.UTF8.GetBytes(
            "FinancialYear,S251Line,Basis,Amount,Note,SourceRow\n2024-25,1.2.3,Actual,1000000,,2\n")));

        decimal EndYear(string method)
        {
            var assumptions = With(method);
            return HnbForecast.Run(picture, La, CaseloadGrowth.For(picture, La, assumptions)!, assumptions).Total("2027-28", "baseline");
        }

        var totals = ForecastMethods.All.Select(m => EndYear(m.Name)).ToList();
        Assert.Equal(totals.Count, totals.Distinct().Count());
    }

    [Fact]
    public void For_OurHistoryTooShortForTheMethod_IsNoneRatherThanNoGrowth()
    {
        var picture = History(ours: [1700]);

        Assert.Null(CaseloadGrowth.For(picture, La, With("linear-trend")));
        Assert.All(CaseloadGrowth.For(picture, La, With("shrunk-growth"))!, g => Assert.True(g > 0));
    }
}
