namespace SendPipeline.Core.Submission;

/// <summary>One of the people who must sign the DfE return (spec 4.7).</summary>
public sealed record SignOffRole(string Id, string Title);

/// <summary>
/// The five sign-offs spec 4.7 requires. Ids are what the CLI and the HTTP function take; they are
/// stable because signatures are stored under them.
/// </summary>
public static class SignOffRoles
{
    public static readonly SignOffRole LaChiefExecutive = new("la-chief-executive", "LA Chief Executive");
    public static readonly SignOffRole IcbChiefExecutive = new("icb-chief-executive", "ICB Chief Executive");
    public static readonly SignOffRole DirectorOfChildrensServices = new("la-director-childrens-services", "LA Director of Children's Services");
    public static readonly SignOffRole IcbPlaceDirector = new("icb-nhs-place-director", "ICB NHS Place Director");
    public static readonly SignOffRole ChiefFinancialOfficer = new("la-chief-financial-officer", "LA Chief Financial Officer (section 151 officer)");

    public static IReadOnlyList<SignOffRole> All { get; } =
        [LaChiefExecutive, IcbChiefExecutive, DirectorOfChildrensServices, IcbPlaceDirector, ChiefFinancialOfficer];

    public static SignOffRole? Find(string id) =>
        All.FirstOrDefault(r => r.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The sentence for an id that is not one of the five.</summary>
    public static string NotARole(string id) =>
        $"'{id}' is not a sign-off role. Use one of: {string.Join(", ", All.Select(r => r.Id))}.";
}
