using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Tests.Reading;

public class ValuesTests
{
    [Theory]
    [InlineData("2026-01-15", 2026, 1, 15)]
    [InlineData("15/01/2026", 2026, 1, 15)]
    [InlineData("5/1/2026", 2026, 1, 5)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void TryParseDate_SpecFormats_Parse(string text, int y, int m, int d)
    {
        Assert.True(Values.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("01/15/2026")] // US order: month 15 does not exist, never guessed
    [InlineData("2026/01/15")]
    [InlineData("15-01-2026")]
    [InlineData("15/01/26")]
    [InlineData("29/02/2025")]
    [InlineData("2026-1-15")]
    [InlineData("15 Jan 2026")]
    [InlineData("")]
    public void TryParseDate_AnythingElse_IsNotADate(string text)
    {
        Assert.False(Values.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void TryParseBoolean_SpecSpellings_Parse(string text, bool expected)
    {
        Assert.True(Values.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("T")]
    public void TryParseBoolean_OtherText_IsRejected(string text) => Assert.False(Values.TryParseBoolean(text, out _));
}
