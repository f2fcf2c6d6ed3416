using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The LA's placements the HNB forecast starts from, counted by placement category and S251 top-up
/// line, from the placement returns and the school census, each child once:
/// <list type="number">
/// <item><b>Placements</b>: each provider's rows at its latest <c>ReturnDate</c> with <c>HomeLA</c> =
/// the LA and active on that date count once each, on the line <see cref="PlacementLines"/> gives for
/// the provider's register entry (<c>ProviderId</c> matched to the URN). A placement whose provider is
/// not in the register keeps the even split of its category's lines, so its count may be halves.</item>
/// <item><b>Census</b>: then each pupil with an EHC plan (<c>SENProvision</c> E) on the latest census
/// of each school of the LA (<c>LAEstab</c> starting with the LA code) whose UPN is on no row of a
/// provider's latest placement return, counted or not. The category and line come from the
/// school's register type (<see cref="EstablishmentTypes.CensusCategory"/>): special schools MSS,
/// ASS or INMSS by who runs them, pupil referral units and AP academies AP, other schools MMS; a
/// school not in the register, or of a type with no category, adds no one. A UPN on two schools'
/// censuses counts once, at the lower LAEstab. UPNs are compared as the canonical returns store them
/// (upper case), ordinally.</item>
/// </list>
/// </summary>
public sealed class BaseYearPlacements
{
    private readonly Dictionary<string, Dictionary<string, decimal>> _byCategory;

    private BaseYearPlacements(Dictionary<string, Dictionary<string, decimal>> byCategory) => _byCategory = byCategory;

    /// <summary>Placements in a category (0 when none).</summary>
    public decimal Count(string category) => _byCategory.TryGetValue(category, out var lines) ? lines.Values.Sum() : 0m;

    /// <summary>Placements in every category, in spec 4.5 order.</summary>
    public IReadOnlyDictionary<string, decimal> ByCategory => PlacementCategories.All.ToDictionary(c => c.Code, c => Count(c.Code));

    /// <summary>
    /// How a category's placements divide over its S251 lines, in spec 4.6 order; a category with no
    /// placements has its lines for a provider outside the register.
    /// </summary>
    public IReadOnlyList<LineShare> Lines(string category)
    {
        var total = Count(category);
        if (total == 0) return PlacementLines.Of(PlacementCategories.Find(category)!, null);
        return [.. _byCategory[category].Where(l => l.Value != 0).OrderBy(l => S251Lines.Order(l.Key)).Select(l => new LineShare(l.Key, l.Value / total))];
    }

    /// <summary>Counts the base-year placements of <paramref name="laCode"/> in the picture.</summary>
    public static BaseYearPlacements From(LaPicture picture, string laCode)
    {
        var byCategory = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        void Add(PlacementCategory category, EstablishmentType? setting)
        {
            if (!byCategory.TryGetValue(category.Code, out var lines)) byCategory[category.Code] = lines = new(StringComparer.Ordinal);
            foreach (var share in PlacementLines.Of(category, setting))
                lines[share.Line] = lines.GetValueOrDefault(share.Line) + share.Share;
        }

        var byUrn = Register(picture, e => e.Urn);
        var latest = picture.Placements.GroupBy(p => p.ProviderId).ToDictionary(g => g.Key, g => g.Max(p => p.ReturnDate));
        var current = picture.Placements.Where(p => p.ReturnDate == latest[p.ProviderId]).ToList();
        foreach (var p in current)
            if (p.HomeLa.Trim() == laCode && p.ActiveOn(p.ReturnDate) && PlacementCategories.Find(p.Category.Trim()) is { } category)
                Add(category, byUrn.GetValueOrDefault(p.ProviderId.Trim()));

        // A child on any current placement row is the placement returns' to count or not: a row that
        // says the child is another LA's, or has left, is later news than the January census.
        var counted = current.Where(p => p.Upn is not null).Select(p => p.Upn!).ToHashSet(StringComparer.Ordinal);
        var byLaEstab = Register(picture, e => e.LaEstab);
        foreach (var school in picture.Census.Where(c => c.LaEstab.StartsWith(laCode, StringComparison.Ordinal))
                     .GroupBy(c => c.LaEstab, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!byLaEstab.TryGetValue(school.Key, out var type) || EstablishmentTypes.CensusCategory(type) is not { } code) continue;
            var category = PlacementCategories.Find(code)!;
            var census = school.Max(c => c.CensusDate);
            // Counted adds each UPN once, so a dual-registered child counts at the first school by LAEstab.
            foreach (var pupil in school.Where(c => c.CensusDate == census && c.Provision == 'E'))
                if (counted.Add(pupil.Upn)) Add(category, type);
        }
        return new BaseYearPlacements(byCategory);
    }

    /// <summary>The register's type of each establishment by <paramref name="key"/>; of two entries with one key, the first open one.</summary>
    private static Dictionary<string, EstablishmentType> Register(LaPicture picture, Func<Establishment, string> key) =>
        picture.Establishments.GroupBy(e => key(e).Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => EstablishmentTypes.Classify((g.FirstOrDefault(e => !e.IsClosed) ?? g.First()).Type), StringComparer.Ordinal);
}
