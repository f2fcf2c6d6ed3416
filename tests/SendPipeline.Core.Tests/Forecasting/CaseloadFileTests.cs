using System.Text;
using SendPipeline.Core.Forecasting;

namespace SendPipeline.Core.Tests.Forecasting;

public sealed class CaseloadFileTests
{
    [Fact]
    public void Read_TheDfeFile_EnglandAndEveryLaCode()
    {
        var series = Series.Dfe.Value;

        var england = Assert.Single(series, s => s.Area.IsNational);
        Assert.Equal(new Area(Area.National, "", "England"), england.Area);
        Assert.Equal(517048, england.Plans[2022]);
        Assert.Equal(156, series.Count(s => !s.Area.IsNational));
        var leicestershire = Assert.Single(series, s => s.Area.OldLaCode == "855");
        Assert.Equal([4222, 4751, 5288, 5813, 6201], leicestershire.RunThrough(2022));
    }

    [Fact]
    public void Read_SuppressedTotalsAreMissingYears_AndOtherBreakdownsAndRegionsAreIgnored()
    {
        const string csv = "\uFEFFtime_period,geographic_level,old_la_code,la_name,breakdown_topic,breakdown,ehcplans\n" +
                           "201819,Local authority,855,Leicestershire,All EHC plans,All EHC plans,100\n" +
                           "201920,Local authority,855,Leicestershire,All EHC plans,All EHC plans,x\n" +
                           "202021,Local authority,855,Leicestershire,All EHC plans,All EHC plans,120\n" +
                           "202021,Local authority,855,Leicestershire,Age,Under 5,7\n" +
                           "202021,Regional,,,All EHC plans,All EHC plans,999\n";

        var series = Assert.Single(CaseloadFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

        Assert.Equal([2018, 2020], series.Plans.Keys.Order());
        Assert.Equal([120], series.RunThrough(2020));
        Assert.Empty(series.RunThrough(2019));
    }

    [Theory]
    [InlineData("201819", true, 2018)]
    [InlineData("199900", true, 1999)]
    [InlineData("201820", false, 0)]
    [InlineData("2018", false, 0)]
    public void AcademicYear_ParsesTheDfeForm(string text, bool ok, int year)
    {
        Assert.Equal(ok, AcademicYear.TryParse(text, out var parsed));
        Assert.Equal(year, parsed);
        if (ok) Assert.Equal(text, AcademicYear.Format(year));
    }
}
