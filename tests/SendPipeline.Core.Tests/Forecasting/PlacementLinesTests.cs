using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Forecasting;

public class PlacementLinesTests
{
    private static IReadOnlyList<LineShare> Lines(string category, string? gias) =>
        PlacementLines.Of(PlacementCategories.Find(category)!, gias is null ? null : EstablishmentTypes.Classify(gias));

    public static TheoryData<string, string?, string> OneLine() => new()
    {
        { "MMS", "Community school", "1.2.1" },
        { "MMS", "Voluntary aided school", "1.2.1" },
        { "MMS", "Academy converter", "1.2.2" },
        { "MMS", "Free schools", "1.2.2" },
        { "RP", "Foundation school", "1.2.1" },
        { "RP", "Academy sponsor led", "1.2.2" },
        { "AP", "Pupil referral unit", "1.2.1" },
        { "AP", "Academy alternative provision converter", "1.2.2" },
        { "AP", "Free schools alternative provision", "1.2.2" },
        { "AP", "Other independent school", "1.2.7" },
        { "AP", null, "1.2.7" },
        { "MSS", null, "1.2.1" },
        { "ASS", "Academy special converter", "1.2.2" },
        { "INMSS", "Other independent special school", "1.2.3" },
        { "FE", null, "1.2.2" },
        { "SPI", null, "1.2.3" },
        { "OTH", null, "1.2.11" },
    };

    [Theory]
    [MemberData(nameof(OneLine))]
    public void Of_SettingInTheRegister_PutsThePlacementOnOneLine(string category, string? gias, string line)
    {
        Assert.Equal([new LineShare(line, 1m)], Lines(category, gias));
    }

    [Theory]
    [InlineData("MMS", null)]
    [InlineData("RP", null)]
    [InlineData("MMS", "Other independent school")]
    [InlineData("RP", "Further education")]
    public void Of_MainstreamSettingNotKnownAsMaintainedOrAcademy_SplitsEvenly(string category, string? gias)
    {
        Assert.Equal([new LineShare("1.2.1", 0.5m), new LineShare("1.2.2", 0.5m)], Lines(category, gias));
    }
}
