using SendPipeline.Core.Submission;

namespace SendPipeline.Core.Tests.Submission;

public class SignOffStateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero);

    private static SignOff Sign(SignOffRole role, string hash, int minutes = 0, string name = "A Person") => new(role.Id, name, Noon.AddMinutes(minutes), hash);

    [Fact]
    public void Evaluate_AllFiveOnTheSnapshot_IsComplete()
    {
        var state = SignOffState.Evaluate(SignOffRoles.All.Select(r => Sign(r, "h1")), "h1");

        Assert.True(state.Complete);
        Assert.Equal(SignOffRoles.All.Select(r => r.Id), state.Valid.Select(s => s.Role));
        Assert.Empty(state.Voided);
    }

    [Fact]
    public void Evaluate_SignaturesOnAnEarlierSnapshot_AreVoidAndTheirRolesMissing()
    {
        var signatures = SignOffRoles.All.Select(r => Sign(r, "old")).Append(Sign(SignOffRoles.ChiefFinancialOfficer, "new", 5)).ToList();

        var state = SignOffState.Evaluate(signatures, "new");

        Assert.False(state.Complete);
        Assert.Equal([SignOffRoles.ChiefFinancialOfficer.Id], state.Valid.Select(s => s.Role));
        Assert.Equal(4, state.Missing.Count);
        Assert.Equal(5, state.Voided.Count);
    }

    [Fact]
    public void Evaluate_RoleSignedTwice_KeepsTheLatest()
    {
        var state = SignOffState.Evaluate([Sign(SignOffRoles.LaChiefExecutive, "h", 0, "First"), Sign(SignOffRoles.LaChiefExecutive, "h", 9, "Second")], "h");

        Assert.Equal("Second", Assert.Single(state.Valid).Name);
    }

    [Theory]
    [InlineData("la-chief-executive", "LA Chief Executive")]
    [InlineData(" ICB-NHS-Place-Director ", "ICB NHS Place Director")]
    public void Find_RoleId_IgnoresCaseAndSpace(string id, string title) => Assert.Equal(title, SignOffRoles.Find(id)?.Title);

    [Fact]
    public void Find_UnknownRole_IsNull() => Assert.Null(SignOffRoles.Find("mayor"));
}
