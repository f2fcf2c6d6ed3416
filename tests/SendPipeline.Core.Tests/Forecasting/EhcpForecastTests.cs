using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Forecasting;

public sealed class EhcpForecastTests
{
    private const int Y202122 = 2021, Y202223 = 2022;

    [Fact]
    public void TrainThrough_ExcludesLaterYearsFromEverything()
    {
        // Multiply every 2022/23 caseload by ten: a forecast trained through 2021/22 must not move,
        // neither its points nor its pooled growth nor its intervals.
        var real = Series.Dfe.Value;
        var doctored = real.Select(s => s with
        {
            Plans = s.Plans.ToDictionary(p => p.Key, p => p.Key == Y202223 ? p.Value * 10 : p.Value),
        }).ToList();

        foreach (var method in ForecastMethods.All)
        {
            var a = EhcpForecast.Run(real, Y202122, 2, method).Rows;
            var b = EhcpForecast.Run(doctored, Y202122, 2, method).Rows;
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void EveryRow_HasLowerAtMostPointAtMostUpper_AndLowerNotBelowZero()
    {
        foreach (var method in ForecastMethods.All)
        {
            var rows = EhcpForecast.Run(Series.Dfe.Value, Y202223, 3, method).Rows;
            Assert.Equal(153 * 3, rows.Count);
            Assert.All(rows, r =>
            {
                Assert.InRange(r.Lower, 0, r.Plans);
                Assert.True(r.Upper >= r.Plans);
            });
            Assert.All(rows.Where(r => r.Plans > 0), r => Assert.True(r.Upper > r.Lower));
        }
    }

    [Fact]
    public void Leicestershire_FromThePublishedFigures_GrowsAsItHasBeen()
    {
        var rows = EhcpForecast.Run(Series.Dfe.Value, Y202223, 3, ForecastMethods.Default).Rows
            .Where(r => r.Area.OldLaCode == "855").ToList();

        // 6,201 in January 2023 after growth of 13%, 11%, 10%, 7%; England grew about 10% a year.
        Assert.Equal([2023, 2024, 2025], rows.Select(r => r.Year));
        Assert.InRange(rows[0].Plans, 6201 * 1.05, 6201 * 1.12);
        Assert.True(rows[1].Plans > rows[0].Plans && rows[2].Plans > rows[1].Plans);
        Assert.InRange(rows[0].Lower, 6201 * 0.95, rows[0].Plans);
        Assert.InRange(rows[0].Upper, rows[0].Plans, 6201 * 1.25);
    }

    [Fact]
    public void Leicestershire_TrainedThrough202122_Brackets2023()
    {
        var row = Assert.Single(EhcpForecast.Run(Series.Dfe.Value, Y202122, 1, ForecastMethods.Default).Rows,
            r => r.Area.OldLaCode == "855");

        Assert.InRange(6201, row.Lower, row.Upper);
        Assert.InRange(Math.Abs(row.Plans - 6201) / 6201, 0, 0.05);
    }

    [Fact]
    public void CodesThatHadEnded_AreSkippedWithAReason()
    {
        var result = EhcpForecast.Run(Series.Dfe.Value, Y202223, 1, ForecastMethods.Default);

        Assert.Equal(["835", "836", "837", "928"], result.Skipped.Select(s => s.Area.OldLaCode));
        Assert.Contains(result.Rows, r => r.Area.OldLaCode == "940"); // North Northamptonshire, from 2021/22
    }

    [Fact]
    public void ForecastCsv_WritesTheDfeColumnsAndQuotesCommas()
    {
        var writer = new StringWriter();
        var bcp = new Area(Area.LocalAuthority, "839", "Bournemouth, Christchurch and Poole");
        ForecastCsv.Write(writer, [new ForecastRow(bcp, 2023, 3500.5, 3300.2, 3800.7, "shrunk-growth")]);

        Assert.Equal(ForecastCsv.Header + "\n" + "Local authority,839,\"Bournemouth, Christchurch and Poole\",202324,3501,3300,3801,shrunk-growth\n",
            writer.ToString());
    }
}
