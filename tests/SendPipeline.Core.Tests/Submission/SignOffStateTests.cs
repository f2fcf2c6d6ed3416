using SendPipeline.Core.Submission;

namespace SendPipeline.Core.Tests.Submission;

public class SignOffStateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A credentialed signature; by default each role's holder is a different person.</summary>
    private static SignOff Sign(SignOffRole role, string hash, int minutes = 0, string name = "A Person", string? person = null) =>
        new(role.Id, name, Noon.AddMinutes(minutes), hash, "entra:" + (person ?? role.Id), "entra-object-id:" + (person ?? role.Id));

    [Fact]
    public void Evaluate_OnePersonSigningAllFiveRoles_CountsOnlyTheirFirst()
    {
        var state = SignOffState.Evaluate(SignOffRoles.All.Select((r, i) => Sign(r, "h1", i, "Made Up", person: "same-person")), "h1");

        Assert.False(state.Complete);
        Assert.Equal([SignOffRoles.LaChiefExecutive.Id], state.Valid.Select(s => s.Role));
        Assert.Equal(4, state.Missing.Count);
        Assert.Equal(4, state.Voided.Count);
    }

    [Fact]
    public void Evaluate_SignatureWithoutACredential_DoesNotCount()
    {
        var uncredentialed = new SignOff(SignOffRoles.LaChiefExecutive.Id, "Typed Name", Noon, "h1");

        var state = SignOffState.Evaluate([uncredentialed], "h1");

        Assert.Empty(state.Valid);
        Assert.Contains(SignOffRoles.LaChiefExecutive, state.Missing);
        Assert.Equal(uncredentialed, Assert.Single(state.Voided));
    }

    [Fact]
    public void SignerKeys_PersonKey_TreatsSpacingCaseAndPunctuationAsOnePerson()
    {
        Assert.Equal(SignerKeys.PersonKey("Alex Morgan"), SignerKeys.PersonKey("  alex   MORGAN. "));
        Assert.NotEqual(SignerKeys.PersonKey("Alex Morgan"), SignerKeys.PersonKey("Alex Morgans"));
        Assert.Null(SignerKeys.PersonName("Alex"));
    }

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
