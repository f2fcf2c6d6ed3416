using SendPipeline.Core.Picture;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The star schema's tables and columns with no data in them: what the Power Query files and the Power BI
/// project are generated from, since a query depends on the columns, never on an LA's rows.
/// <see cref="Empty"/> is a full rebuild's (pupil-level facts); <see cref="Suppressed"/> a rebuild with a
/// suppression threshold (aggregate tables instead); <see cref="All"/> every table either writes.
/// </summary>
public static class StarSchemaShape
{
    public static StarSchema Empty() => Build(null);

    public static StarSchema Suppressed() => Build(10);

    /// <summary>
    /// The full schema's tables, then the aggregate tables only a suppressed rebuild writes, with the
    /// relationships of both.
    /// </summary>
    public static StarSchema All()
    {
        var (full, suppressed) = (Empty(), Suppressed());
        var names = full.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new StarSchema([.. full.Tables, .. suppressed.Tables.Where(t => !names.Contains(t.Name))],
            [.. full.Relationships, .. suppressed.Relationships.Where(r => !names.Contains(r.Fact))]);
    }

    private static StarSchema Build(int? suppressUnder)
    {
        var picture = new LaPicture();
        return StarSchemaBuilder.Build(picture, null, null, WorkforceCapacity.Build(picture, SplitRules.Defaults),
            DataQualityReport.Build(picture, "000"), new StarSchemaOptions(new byte[32], suppressUnder));
    }
}
