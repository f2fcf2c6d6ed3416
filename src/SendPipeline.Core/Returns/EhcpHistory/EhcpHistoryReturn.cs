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
        Description = "The DfE's EHC plan statistics (caseload by LA, and the tables published beside it), which the forecast starts from",
        SentBy = [],
        Accepts = FileForms.Csv | FileForms.Zip,
        Rules = EhcpHistoryRules.All,
        WholeFile = EhcpHistoryUpload.Validate,
        CanonicalExtension = "zip",
        CanonicalContentType = "application/zip",
        ReadBack = ReadBack,
    };

    /// <summary>
    /// Reads the caseload totals into <see cref="LaPicture.EhcpHistory"/> and the tables, placements by group
    /// included, into <see cref="LaPicture.DfeTables"/> for the cohort model. The canonical form is a zip
    /// (<see cref="EhcpHistoryUpload"/>); a canonical CSV stored before the zip form is still read, as the caseload alone.
    /// The tables are a few megabytes at most, so they are held in memory.
    /// </summary>
    private static void ReadBack(LaPicture picture, CanonicalReturn canonical)
    {
        using var copy = new MemoryStream();
        canonical.Content.CopyTo(copy);
        var bytes = copy.ToArray();
        var files = bytes.AsSpan().StartsWith("PK"u8)
            ? EhcpHistoryUpload.ReadCanonical(new MemoryStream(bytes, writable: false))
            : new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase) { [EhcpTables.CaseloadFile] = bytes };
        if (!files.TryGetValue(EhcpTables.CaseloadFile, out var caseload)) return;
        PictureReaders.Table(Read)(picture, canonical with { Content = new MemoryStream(caseload, writable: false) });
        picture.AddDfeTables(ReadTables(files), canonical.UploadPath, files);
    }

    /// <summary>
    /// The tables as the cohort model reads the published files; null for a canonical caseload written before the
    /// placement-group columns were kept (it still gives the totals; uploading the file again gives the rest).
    /// </summary>
    private static EhcpTables? ReadTables(IReadOnlyDictionary<string, byte[]> files)
    {
        try
        {
            return EhcpTables.Read(name => files.TryGetValue(name, out var file) ? new MemoryStream(file, writable: false) : null);
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
