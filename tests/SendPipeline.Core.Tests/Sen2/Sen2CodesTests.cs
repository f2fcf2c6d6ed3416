using SendPipeline.Core.Returns.Sen2;

namespace SendPipeline.Core.Tests.Sen2;

/// <summary>The shipped SEN2 code list: every coded item of the modules has codes, each code its source.</summary>
public class Sen2CodesTests
{
    [Fact]
    public void EveryCodedColumn_HasCodes_EachWithAMeaningAndASource()
    {
        var coded = Sen2Modules.All.SelectMany(m => m.Columns).Where(c => c.Kind == Sen2Kind.Code)
            .Select(c => c.Name).Distinct().ToList();
        Assert.NotEmpty(coded);
        foreach (var item in coded)
            Assert.True(Sen2Codes.All.Any(c => c.Item == item), $"No codes for {item}.");
        Assert.All(Sen2Codes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Meaning + c.Source) || c.Source.Length == 0));
        Assert.Equal(Sen2Codes.All.Count, Sen2Codes.All.Select(c => (c.Item, c.Code)).Distinct().Count());
    }

    [Fact]
    public void TheSpecsOwnCodes_AreBinding_AndCodesMatchInAnyCase()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"],
            Sen2Codes.All.Where(c => c.Item == "ceasereason").Select(c => c.Code));
        Assert.Equal(["OLA", "OPA", "EHE", "EYP", "OTH", "NEET", "NIEC", "NIEO"],
            Sen2Codes.All.Where(c => c.Item == "sensetting").Select(c => c.Code));
        Assert.All(Sen2Codes.All.Where(c => c.Item is "ceasereason" or "sensetting"), c => Assert.Contains("binding", c.Source));
        Assert.Equal("NEET", Sen2Codes.Canonical("sensetting", "neet"));
        Assert.Null(Sen2Codes.Canonical("sensetting", "XYZ"));
        Assert.Null(Sen2Codes.Canonical("nosuchitem", "1"));
    }

    [Theory]
    [InlineData("2022-Sep-28 00:00:00", 2022, 9, 28)]
    [InlineData("2022-sep-28", 2022, 9, 28)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("28/09/2022", 2022, 9, 28)]
    [InlineData("2022-09-28T00:00:00", 2022, 9, 28)]
    public void BladeAndSpecDates_AreRead(string text, int year, int month, int day)
    {
        Assert.True(Sen2Dates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2022-Sept-28 00:00:00")]
    [InlineData("2023-Feb-29 00:00:00")]
    [InlineData("09/28/2022")]
    [InlineData("2022-Sep-28 noon")]
    public void OtherDates_AreNotDates(string text) => Assert.False(Sen2Dates.TryParse(text, out _));
}

/// <summary>The module table the validator reads by position.</summary>
public class Sen2ModulesTests
{
    [Fact]
    public void SettingColumns_AreAtTheSamePositions_InPlanDetailAndPlacementDetail()
    {
        var plan = Sen2Modules.All[Sen2Modules.PlanDetail];
        var placement = Sen2Modules.All[Sen2Modules.PlacementDetail];
        foreach (var name in new[] { "urn", "ukprn", "sensetting", "sensettingother", "placementrank" })
            Assert.Equal(plan.ColumnIndex(name), placement.ColumnIndex(name));
    }

    [Fact]
    public void ModulesAreFoundByFileSuffixOrSheetName_AsHeadersAreMatched()
    {
        Assert.Equal("namedplan", Sen2Modules.Find("Named Plan")?.Part);
        Assert.Equal("namedplan", Sen2Modules.Find("NAMEDPLAN")?.Part);
        Assert.Equal("sen2", Sen2Modules.Find("Header")?.Part);
        Assert.Equal("activeplans", Sen2Modules.Find("Active_Plan")?.Part);
        Assert.Null(Sen2Modules.Find("Notes"));
    }
}
