using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.Assumptions.AssumptionsColumns;

namespace SendPipeline.Core.Returns.Assumptions;

/// <summary>The <c>assumptions</c> return: the forecast's assumptions as one CSV of keyed values (docs/assumptions.md).</summary>
public static class AssumptionsReturn
{
    public const string Name = "assumptions";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The forecast assumptions (inflation, growth method, reform effects)",
        SentBy = [],
        Accepts = FileForms.Csv,
        Rules = AssumptionsRules.All,
        Table = AssumptionsSchema.Instance,
        ReadBack = PictureReaders.Table(Read),
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (section, key, scenario, value) = (table.IndexOf(C.Section), table.IndexOf(C.Key), table.IndexOf(C.Scenario), table.IndexOf(C.ValueColumn));
        while (table.Read())
        {
            if (table[section].IsEmpty) continue;
            picture.Assumptions.Add(new AssumptionRow(table.Text(section), table.Text(key), table[scenario].IsEmpty ? "all" : table.Text(scenario),
                table.Text(value), src()));
        }
    }
}
