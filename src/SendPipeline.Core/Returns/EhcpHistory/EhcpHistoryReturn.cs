using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.EhcpHistory.EhcpHistoryColumns;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>The <c>ehcp-history</c> return: the DfE's <c>caseload.csv</c> exactly as published (spec 2).</summary>
public static class EhcpHistoryReturn
{
    public const string Name = "ehcp-history";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The DfE's EHC plan statistics (caseload by LA), which the forecast starts from",
        SentBy = [],
        Accepts = FileForms.Csv,
        Rules = EhcpHistoryRules.All,
        Table = EhcpHistorySchema.Instance,
        ReadBack = ReadBack,
    };

    /// <summary>
    /// Reads the caseload totals into <see cref="LaPicture.EhcpHistory"/> and the whole table, placements by group
    /// included, into <see cref="LaPicture.DfeTables"/> for the cohort model. The canonical file is a few hundred
    /// kilobytes (one row per area, year and breakdown), so it is held once in memory and read twice.
    /// </summary>
    private static void ReadBack(LaPicture picture, CanonicalReturn canonical)
    {
        using var copy = new MemoryStream();
        canonical.Content.CopyTo(copy);
        var bytes = copy.ToArray();
        PictureReaders.Table(Read)(picture, canonical with { Content = new MemoryStream(bytes, writable: false) });
        picture.AddDfeTables(ReadTables(new MemoryStream(bytes, writable: false)), canonical.UploadPath);
    }

    /// <summary>
    /// The canonical caseload as the cohort model reads the published file; null for a canonical file written before
    /// the placement-group columns were kept (it still gives the totals; uploading the file again gives the rest).
    /// </summary>
    private static EhcpTables? ReadTables(Stream canonical)
    {
        try
        {
            return EhcpTables.Read(name => name == EhcpTables.CaseloadFile ? canonical : null);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (topic, period, level, oldLa, laName, plans) = (table.IndexOf(C.BreakdownTopic), table.IndexOf(C.TimePeriod),
            table.IndexOf(C.GeographicLevel), table.IndexOf(C.OldLaCode), table.IndexOf(C.LaName), table.IndexOf(C.EhcPlans));
        while (table.Read())
        {
            if (!IsAllPlansRow(table[topic])) continue;
            picture.EhcpHistory.Add(new EhcpCount(table.Text(period), table.Text(level), table.OptionalText(oldLa),
                table.OptionalText(laName) ?? table.Text(level), long.TryParse(table[plans], out var count) ? count : null, src()));
        }
    }

    private static bool IsAllPlansRow(ReadOnlySpan<char> topic) =>
        topic.Equals("All EHC plans", StringComparison.OrdinalIgnoreCase) || topic.Equals("Total", StringComparison.OrdinalIgnoreCase);
}
