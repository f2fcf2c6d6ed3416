using System.Globalization;
using System.Text;
using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Dashboard;

/// <summary>
/// A small picture with something for every chart: five Januaries of EHC plans for three LAs, base-year
/// finance, the builder's placement, workforce and activity, a setting with no days and a setting whose
/// name is an attack on the page. The datasets are built by the same Core code the rebuild runs.
/// </summary>
internal sealed record DashboardSample(LaPicture Picture, HnbAssumptions Assumptions, HnbForecastOutcome Hnb, WorkforceCapacity Capacity,
    DataQualityReport Quality, DashboardModel Model)
{
    public const string La = "855";
    public const string HostileName = "<script>alert('x')</script> & <a href=\"https://evil.example\">Ash</a>";

    public static DashboardSample Build()
    {
        var picture = Builder().Build();
        var assumptions = HnbAssumptions.From(picture.Assumptions);
        var hnb = HnbForecastOutcome.For(picture, La, assumptions);
        var capacity = WorkforceCapacity.Build(picture, SplitRules.From(picture.Assumptions));
        var quality = DataQualityReport.Build(picture, La);
        return new DashboardSample(picture, assumptions, hnb, capacity, quality, DashboardModel.Build(picture, La, assumptions, hnb, capacity, quality,
            CrossReturnChecks.ForecastCaseload(picture, La)));
    }

    /// <summary>The sample's returns, for a test to change before it builds the picture.</summary>
    public static PictureBuilder Builder()
    {
        var builder = new PictureBuilder();
        builder.Register[0] = $"100001,855,2001,\"{HostileName.Replace("\"", "\"\"")}\",Community school,Primary,210,Open,8552001,2";
        builder.Register.Add("100003,855,2003,Birch Primary School,Community school,Primary,90,Open,8552003,4");
        builder.History = [.. new (string Code, string Name, double[] Plans)[]
            {
                (La, "Leicestershire", [4222, 4751, 5288, 5813, 6201]),
                ("856", "Leicester", [2000, 2160, 2333, 2519, 2721]),
                ("857", "Rutland", [300, 324, 350, 378, 408]),
            }
            .SelectMany(la => la.Plans.Select((plans, i) =>
                $"{2018 + i}{(2019 + i) % 100},Local authority,{la.Code},E0000{la.Code},{la.Name},All EHC plans,All EHC plans,{plans.ToString(CultureInfo.InvariantCulture)},{i + 2}"))];
        builder.Finance = ["2024-25,1.2.1,Actual,1000000,,2", "2024-25,1.2.3,Actual,2500000,,3", "2024-25,1.1.1,Actual,400000,,4"];
        return builder;
    }

    public string Html()
    {
        using var stream = new MemoryStream();
        DashboardHtml.Write(Model, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
