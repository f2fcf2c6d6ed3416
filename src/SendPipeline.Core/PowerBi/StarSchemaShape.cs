using SendPipeline.Core.Picture;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// The star schema's tables and columns with no data in them: what the Power Query files are generated
/// from, since a query depends on the columns, never on an LA's rows. Pupil-level facts are in it
/// (suppression off), as a full rebuild writes them.
/// </summary>
public static class StarSchemaShape
{
    public static StarSchema Empty()
    {
        var picture = new LaPicture();
        return StarSchemaBuilder.Build(picture, null, null, WorkforceCapacity.Build(picture, SplitRules.Defaults),
            DataQualityReport.Build(picture, "000"), new StarSchemaOptions(new byte[32]));
    }
}
