using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Register;

/// <summary>
/// The placement category (spec 4.5) of a setting the register names (<see cref="Sen2Setting"/>): the one home of
/// that mapping. The DfE placement group follows from the category (<c>CategoryGroups</c>), so a register
/// placement, a placement return's row and a census pupil land in the same group. In order:
/// <list type="number">
/// <item>no URN or UKPRN, only a <c>sensetting</c> code (OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO): OTH, the
/// DfE's "educated elsewhere", early years and NEET, all in its other placements;</item>
/// <item>a URN in the establishments register: the census's category of its type
/// (<see cref="EstablishmentTypes.CensusCategory"/>), RP for a mainstream school when the register flags an SEN
/// unit or resourced provision; FE for a further education, sixth form or post-16 type;</item>
/// <item>a URN or UKPRN a provider's placement return is made under: the category most of its rows give;</item>
/// <item>a UKPRN neither knows: FE (a provider with a UKPRN and no URN is a post-16 one, which the DfE counts in
/// <c>fe_total</c>, general FE, specialist post-16 and UKRLP providers together).</item>
/// </list>
/// A URN neither the register nor a placement return knows has no category (null): the caller says how many.
/// </summary>
public sealed class SettingCategories
{
    public const string Other = "OTH", Mainstream = "MMS", Resourced = "RP", FurtherEducation = "FE";

    private static readonly string[] PostSixteenTypes = ["further education", "post 16", "sixth form"];

    private readonly Dictionary<string, string> _typeByUrn;
    private readonly Dictionary<string, string> _byProvider;

    private SettingCategories(Dictionary<string, string> typeByUrn, Dictionary<string, string> byProvider)
    {
        _typeByUrn = typeByUrn;
        _byProvider = byProvider;
    }

    /// <summary>The establishments register and the providers' placement returns of the picture.</summary>
    public static SettingCategories From(LaPicture picture) => From(picture.Establishments, picture.Placements);

    public static SettingCategories From(IEnumerable<Establishment> establishments, IEnumerable<Placement> placements)
    {
        // Of two entries with one URN, the first open one (as BaseYearPlacements reads the register).
        var byUrn = establishments.GroupBy(e => e.Urn.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (g.FirstOrDefault(e => !e.IsClosed) ?? g.First()).Type ?? "", StringComparer.Ordinal);
        var byProvider = placements
            .Where(p => PlacementCategories.Find(p.Category.Trim()) is not null)
            .GroupBy(p => p.ProviderId.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => PlacementCategories.Find(p.Category.Trim())!.Code)
                .OrderByDescending(c => c.Count()).ThenBy(c => HnbOrder(c.Key)).First().Key, StringComparer.Ordinal);
        return new SettingCategories(byUrn, byProvider);
    }

    /// <summary>The setting's category, or null for a URN nothing in the picture knows (or no setting at
    /// all).</summary>
    public string? CategoryOf(Sen2Setting? setting)
    {
        if (setting is null) return null;
        var (urn, ukprn) = (Blank(setting.Urn), Blank(setting.Ukprn));
        if (urn is null && ukprn is null) return Blank(setting.SenSetting) is null ? null : Other;
        if (urn is not null && _typeByUrn.TryGetValue(urn, out var name))
        {
            if (EstablishmentTypes.CensusCategory(EstablishmentTypes.Classify(name)) is { } census)
                return census == Mainstream && (setting.SenUnit || setting.ResourcedProvision) ? Resourced : census;
            if (PostSixteenTypes.Any(t => name.Contains(t, StringComparison.OrdinalIgnoreCase)))
                return FurtherEducation;
        }
        if ((urn ?? ukprn) is { } id && _byProvider.TryGetValue(id, out var returned)) return returned;
        if (ukprn is not null && _byProvider.TryGetValue(ukprn, out var byUkprn)) return byUkprn;
        return urn is null ? FurtherEducation : null;
    }

    private static int HnbOrder(string code)
    {
        for (var i = 0; i < PlacementCategories.All.Count; i++)
            if (PlacementCategories.All[i].Code == code) return i;
        return int.MaxValue;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
