using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Reading;

public class MoneyAndPeriodTests
{
    [Theory]
    [InlineData("£1,234.50", 1234.50)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1,234", 1234)]
    [InlineData("£250,000", 250000)]
    [InlineData("-£12.00", -12)]
    [InlineData("£-12", -12)]
    [InlineData("0", 0)]
    [InlineData("1,000,000.01", 1000000.01)]
    public void TryParseMoney_SpecForms_Parse(string text, double expected)
    {
        Assert.True(Values.TryParseMoney(text, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("1,23")]
    [InlineData("12,3456")]
    [InlineData("£")]
    [InlineData("1.234")]
    [InlineData("$5")]
    [InlineData("1 234")]
    [InlineData("1e5")]
    [InlineData("12.")]
    [InlineData(",123")]
    [InlineData("")]
    public void TryParseMoney_OtherText_IsRejected(string text) => Assert.False(Values.TryParseMoney(text, out _));

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("1", 1)]
    [InlineData("12.25", 12.25)]
    public void TryParseDecimal_PlainNumbers_Parse(string text, double expected)
    {
        Assert.True(Values.TryParseDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("x")]
    public void TryParseDecimal_OtherText_IsRejected(string text) => Assert.False(Values.TryParseDecimal(text, out _));

    [Theory]
    [InlineData("2026-27 Q2", 2026, 2, "2026-07-01", "2026-09-30")]
    [InlineData("2025-26 Q4", 2025, 4, "2026-01-01", "2026-03-31")]
    [InlineData("1999-00 q1", 1999, 1, "1999-04-01", "1999-06-30")]
    public void FinancialQuarter_Parses(string text, int year, int quarter, string start, string end)
    {
        Assert.True(FinancialQuarter.TryParse(text, out var q));
        Assert.Equal((year, quarter, DateOnly.Parse(start), DateOnly.Parse(end)), (q.Year.StartYear, q.Quarter, q.Start, q.End));
    }

    [Theory]
    [InlineData("2026-28 Q2")]
    [InlineData("2026-27 Q5")]
    [InlineData("2026/27 Q2")]
    [InlineData("2026-27Q2")]
    [InlineData("Q2 2026-27")]
    public void FinancialQuarter_Rejects(string text) => Assert.False(FinancialQuarter.TryParse(text, out _));

    [Theory]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-03-31", true)]
    [InlineData("2026-06-29", false)]
    [InlineData("2026-07-01", false)]
    [InlineData("2026-03-30", false)]
    public void IsQuarterEnd_OnlyTheLastDayOfAFinancialQuarter(string date, bool expected) =>
        Assert.Equal(expected, FinancialQuarter.IsQuarterEnd(DateOnly.Parse(date)));

    [Theory]
    [InlineData("1234567890", false)]
    [InlineData("0123456789", false)]
    [InlineData("123456789", false)]
    public void Uln_Rejects(string uln, bool expected) => Assert.Equal(expected, Uln.IsValid(uln));

    [Fact]
    public void Uln_CreatedNumbersAreValidAndTheSumRuleHolds()
    {
        // 1×10 + 2×9 + … + 9×2 = 210 ≡ 1 (mod 11), so the check digit is 9.
        var uln = Uln.Create("123456789")!;
        Assert.Equal("1234567899", uln);
        var sum = uln.Select((c, i) => (c - '0') * (10 - i)).Sum();
        Assert.Equal(10, sum % 11);
        Assert.True(Uln.IsValid(uln));
        // 987654321 sums to 330 ≡ 0: only a "digit" 10 would do, so no ULN starts this way.
        Assert.Null(Uln.Create("987654321"));
    }
}
