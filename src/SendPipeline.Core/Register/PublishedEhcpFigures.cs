using System.Globalization;
using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Register;

/// <summary>
/// One row of a DfE EHC plan statistics file for one LA: its keys and every figure after <c>breakdown</c>,
/// by the file's own column name. A suppressed or not-applicable cell (<c>x</c>, <c>z</c>) is null.
/// </summary>
public sealed record PublishedFigureRow(
    string Table, string TimePeriod, string TimeIdentifier, string OldLaCode, string NewLaCode, string LaName,
    string BreakdownTopic, string Breakdown, IReadOnlyDictionary<string, decimal?> Values)
{
    /// <summary>The LA's own total row ("All EHC plans issued"), as opposed to a breakdown by age, sex …</summary>
    public bool IsTotal => BreakdownTopic.Equals(Breakdown, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A figure of the register beside the one the DfE published for the same LA, year and column.</summary>
public sealed record FigureComparison(
    string Table, string TimePeriod, string Column, decimal? Register, decimal? Published)
{
    public decimal? Difference => Register - Published;
}

/// <summary>
/// Reads the LA's published figures from the DfE's EHC plan statistics files (shared/data/dfe-ehcp:
/// <c>requests.csv</c>, <c>assessments.csv</c>, <c>timeliness_20_week.csv</c>, <c>ceased_plans.csv</c>) and
/// puts them beside the register's calendar-year figures, column by column, so an officer can see where
/// the live register and the statistics part.
/// </summary>
public static class PublishedEhcpFigures
{
    public const string Requests = "requests", Assessments = "assessments", Timeliness = "timeliness_20_week",
        Ceased = "ceased_plans";

    private const string LocalAuthority = "Local authority";
    private static readonly string[] KeyColumns =
        ["time_period", "time_identifier", "old_la_code", "new_la_code", "la_name", "breakdown_topic", "breakdown"];

    /// <param name="table">The file's name without <c>.csv</c>: <see cref="Requests"/>,
    /// <see cref="Timeliness"/> …</param>
    /// <param name="laCode">The LA's 3-digit <c>old_la_code</c> or its <c>new_la_code</c> (E10000018).</param>
    public static IReadOnlyList<PublishedFigureRow> Read(Stream stream, string table, string laCode)
    {
        var text = new DetectingTextReader(stream);
        using var reader = new CsvTabularReader(text, () => text.EncodingName);
        var header = reader.Header.Select(h => h.Trim()).ToList();
        int Column(string name) =>
            header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i : throw new InvalidDataException($"The DfE file '{table}' has no {name} column.");
        var keys = KeyColumns.Select(Column).ToArray();
        var level = Column("geographic_level");
        var figures = Enumerable.Range(keys[^1] + 1, header.Count - keys[^1] - 1).ToArray();

        var rows = new List<PublishedFigureRow>();
        while (reader.Read())
        {
            if (!Values.Clean(reader[level]).Equals(LocalAuthority, StringComparison.OrdinalIgnoreCase)) continue;
            string Key(int k) => Values.Clean(reader[keys[k]]).ToString();
            var ours = Key(2).Equals(laCode, StringComparison.OrdinalIgnoreCase)
                || Key(3).Equals(laCode, StringComparison.OrdinalIgnoreCase);
            if (!ours) continue;
            var values = figures.ToDictionary(i => header[i], i => Number(reader[i]), StringComparer.Ordinal);
            rows.Add(new PublishedFigureRow(table, Key(0), Key(1), Key(2), Key(3), Key(4), Key(5), Key(6), values));
        }
        return rows;
    }

    /// <summary>
    /// The LA's published rows of the four flow tables, from the DfE tables that came with the <c>ehcp-history</c>
    /// return in force (<see cref="Picture.LaPicture.OpenDfeFile"/>); empty when it was the caseload alone.
    /// </summary>
    public static IReadOnlyList<PublishedFigureRow> From(Picture.LaPicture picture, string laCode) =>
    [
        .. new[] { Requests, Assessments, Timeliness, Ceased }.SelectMany(table =>
        {
            using var stream = picture.OpenDfeFile(table + ".csv");
            return stream is null ? [] : Read(stream, table, laCode);
        }),
    ];

    /// <summary>
    /// The register's calendar-year figures beside the published totals: one comparison per year either has and
    /// per figure column the published file also has, in year then column order.
    /// </summary>
    public static IReadOnlyList<FigureComparison> Beside(Sen2Figures figures, IEnumerable<PublishedFigureRow> published)
    {
        var totals = published.Where(p => p.IsTotal).ToList();
        var la = figures.LaCode;
        return
        [
            .. Compare(Requests, figures.Requests, r => r.Period, Sen2FigureColumns.Requests(la), totals),
            .. Compare(Assessments, figures.Assessments, r => r.Period, Sen2FigureColumns.Assessments(la), totals),
            .. Compare(Timeliness, figures.Timeliness, r => r.Period, Sen2FigureColumns.Timeliness(la), totals),
            .. Compare(Ceased, figures.Ceased, r => r.Period, Sen2FigureColumns.Ceased(la), totals),
        ];
    }

    private static IEnumerable<FigureComparison> Compare<TRow>(
        string table, IEnumerable<TRow> rows, Func<TRow, Sen2Period> period, IReadOnlyList<FigureColumn<TRow>> columns,
        List<PublishedFigureRow> published)
    {
        var ours = rows.Where(r => period(r).IsCalendarYear)
            .ToDictionary(r => period(r).TimePeriod, StringComparer.Ordinal);
        var theirs = published.Where(p => p.Table == table)
            .GroupBy(p => p.TimePeriod, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var years = ours.Keys.Union(theirs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var year in years)
        {
            ours.TryGetValue(year, out var row);
            theirs.TryGetValue(year, out var figure);
            foreach (var column in columns)
            {
                var known = figure?.Values.ContainsKey(column.Name)
                    ?? theirs.Values.Any(t => t.Values.ContainsKey(column.Name));
                if (!known) continue;
                var register = row is null ? null : AsNumber(column.Value(row));
                var value = figure?.Values.GetValueOrDefault(column.Name);
                yield return new FigureComparison(table, year, column.Name, register, value);
            }
        }
    }

    private static decimal? AsNumber(object? value) => value switch
    {
        int i => i,
        decimal d => d,
        _ => null,
    };

    private static decimal? Number(ReadOnlySpan<char> cell) =>
        decimal.TryParse(Values.Clean(cell), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var value) ? value : null;
}
