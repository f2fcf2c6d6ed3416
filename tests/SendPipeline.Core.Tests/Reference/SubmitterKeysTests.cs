using SendPipeline.Core.Uploads;

namespace SendPipeline.Core.Tests.Reference;

public class SubmitterKeysTests
{
    [Fact]
    public void Issue_KeyNamesItsSubmitterAndMatchesOnlyItsHash()
    {
        var issued = SubmitterKeys.Issue("8552001");
        var other = SubmitterKeys.Issue("8552001");

        Assert.True(SubmitterKeys.TryReadSubmitter(issued.Key, out var submitter));
        Assert.Equal("8552001", submitter);
        Assert.True(SubmitterKeys.Matches(issued.Key, issued.Hash));
        Assert.False(SubmitterKeys.Matches(other.Key, issued.Hash));
        Assert.DoesNotContain(issued.Key.Split('.')[1], issued.Hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8552001")]
    [InlineData("8552001.short")]
    [InlineData("not-a-submitter.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryReadSubmitter_NotAKey_IsRefused(string? presented) => Assert.False(SubmitterKeys.TryReadSubmitter(presented, out _));

    [Fact]
    public void Issue_NotASubmitter_IsRefused() => Assert.Throws<ArgumentException>(() => SubmitterKeys.Issue("../etc"));

    [Theory]
    [InlineData("8552001", "school-census", "autumn 2025.csv", "uploads/8552001/school-census/autumn 2025.csv")]
    [InlineData("svc-eps", "workforce", "Q4.XLSX", "uploads/svc-eps/workforce/Q4.XLSX")]
    [InlineData("la", "assumptions", "a.csv", "uploads/la/assumptions/a.csv")]
    public void PathFor_AllowedRequest_IsInTheSubmittersOwnFolder(string id, string type, string name, string expected)
    {
        Submitter.TryParse(id, out var submitter);

        Assert.Equal(expected, UploadRequestRules.PathFor(submitter, type, name, out _));
    }

    [Theory]
    [InlineData("8552001", "placements", "p.csv", "may not upload placements")]
    [InlineData("8552001", "census", "p.csv", "is not a return type")]
    [InlineData("8552001", "school-census", "../8552002/p.csv", "must be 1 to")]
    [InlineData("8552001", "school-census", ".hidden.csv", "must be 1 to")]
    [InlineData("8552001", "school-census", "report.pdf", "must be a .csv or .xlsx")]
    public void PathFor_RefusedRequest_SaysWhy(string id, string type, string name, string problem)
    {
        Submitter.TryParse(id, out var submitter);

        Assert.Null(UploadRequestRules.PathFor(submitter, type, name, out var why));
        Assert.Contains(problem, why);
    }
}
