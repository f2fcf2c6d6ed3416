using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Reference;

public class UpnTests
{
    [Fact]
    public void ExpectedCheckLetter_MatchesAHandWorkedExample()
    {
        // 8,5,5,2,0,0,1,2,5,0,0,1 with weights 2..13: 16+15+20+10+0+0+8+18+50+0+0+13 = 150; 150 mod 23 = 12 → 'N'.
        Assert.Equal('N', Upn.ExpectedCheckLetter("?855200125001"));
    }

    [Fact]
    public void Check_TemporaryUpnLetterCountsAsItsAlphabetIndex()
    {
        // 'A' is index 0: the sum is that of characters 2–12 only.
        var upn = Upn.Create("85520012500A");
        Assert.Equal(UpnProblems.Temporary, Upn.Check(upn, LaCodes.Dfe));
    }

    [Fact]
    public void LaCodes_EmbeddedList_MatchesTheDfeFile()
    {
        var file = Repo.Shared("data/dfe-ehcp-caseload-201819-202223.csv");
        var expected = File.ReadLines(file).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] == "Local authority").Select(f => f[8]).ToHashSet();

        Assert.Equal(expected.Order(), LaCodes.Dfe.Codes.Order());
        Assert.Contains("855", LaCodes.Dfe.Codes);
    }
}
