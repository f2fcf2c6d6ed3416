using System.Globalization;
using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Forecasting.DfeTables;

/// <summary>One row of a DfE explore-education-statistics table: where, when, which breakdown, and its cells.</summary>
public sealed record DfeRow(int RowNumber, int TimePeriod, Area Area, string NewLaCode, string Region, string Topic,
    string Breakdown, IReadOnlyDictionary<string, double?> Values)
{
    /// <summary>A value, or null when the DfE marks it (x unavailable, z not applicable, c, low, u, blank).</summary>
    public double? this[string column] => Values.TryGetValue(column, out var v) ? v : null;
}

/// <summary>
/// Reads a DfE table as the DfE publishes it (header names, BOM or not, CRLF or LF, quoted names with
/// commas) and keeps only the columns asked for. The publications mark a cell they cannot give with
/// <c>x</c> (unavailable), <c>z</c> (not applicable), <c>c</c> (confidential), <c>low</c> or <c>u</c>; each
/// is read as a missing value, never as zero, so a missing year is a gap rather than a fall. The 2025
/// files put <c>new_la_code</c> before <c>old_la_code</c> and the 2022 age file the reverse: columns are
/// found by name. An LA is identified by its 3-digit <c>old_la_code</c>, which stays with it through the
/// E06/E10 recoding (Buckinghamshire 825, Dorset 835 then 838); a split or merger gets a new one. Rows are
/// England's, each region's (<see cref="Regional"/>, named by region) and each LA's.
/// </summary>
public static class DfeTable
{
    public const string Regional = "Regional";

    private static readonly string[] Markers = ["x", "z", "c", "low", "u", ":", ""];

    public static IReadOnlyList<DfeRow> Read(Stream stream, string fileName, IReadOnlyList<string> valueColumns,
        bool topicOptional = false)
    {
        var text = new DetectingTextReader(stream);
        using var reader = new CsvTabularReader(text, () => text.EncodingName);
        var header = reader.Header.Select(HeaderMap.Normalise).ToList();
        int Find(string name) => header.IndexOf(HeaderMap.Normalise(name));
        int Column(string name) => Find(name) is var i and >= 0
            ? i : throw new InvalidDataException(
                $"{fileName} has no {name} column (found: {string.Join(", ", reader.Header)}).");
        int period = Column("time_period"), level = Column("geographic_level"), oldCode = Column("old_la_code"),
            newCode = Column("new_la_code"), name = Column("la_name"), region = Column("region_name");
        int topic = topicOptional ? Find("breakdown_topic") : Column("breakdown_topic");
        int breakdown = topicOptional ? Find("breakdown") : Column("breakdown");
        if (topicOptional && topic < 0) topic = breakdown = Find("characteristic_age");
        var values = valueColumns.Select(c => (Name: c, Index: Column(c))).ToList();

        var rows = new List<DfeRow>();
        while (reader.Read())
        {
            var levelText = Values.Clean(reader[level]).ToString();
            Area area;
            if (levelText.Equals(Area.National, StringComparison.OrdinalIgnoreCase))
                area = new Area(Area.National, "", "England");
            else if (levelText.Equals(Area.LocalAuthority, StringComparison.OrdinalIgnoreCase))
                area = new Area(Area.LocalAuthority, Values.Clean(reader[oldCode]).ToString(),
                    Values.Clean(reader[name]).ToString());
            else if (levelText.Equals(Regional, StringComparison.OrdinalIgnoreCase))
                area = new Area(Regional, "", Values.Clean(reader[region]).ToString());
            else continue;
            var periodText = Values.Clean(reader[period]);
            int time;
            if (periodText.Length == 6
                && AcademicYear.TryParse(periodText, out var first)) time = first * 100 + (first + 1) % 100;
            else if (periodText.Length == 4
                && Values.IsDigits(periodText)) time = int.Parse(periodText, CultureInfo.InvariantCulture);
            else throw new InvalidDataException(
                $"{fileName} row {reader.RowNumber}: time_period '{periodText}' is neither a year (2022) nor an academic year (202223).");
            var cells = new Dictionary<string, double?>(values.Count);
            foreach (var (column, index) in values)
            {
                var cell = Values.Clean(reader[index]);
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture,
                    out var v)) cells[column] = v;
                else if (IsMarker(cell)) cells[column] = null;
                else throw new InvalidDataException(
                    $"{fileName} row {reader.RowNumber}, column {column}: '{cell}' is neither a number nor a DfE mark (x, z, c, low).");
            }
            rows.Add(new DfeRow(reader.RowNumber, time, area, Values.Clean(reader[newCode]).ToString(),
                Values.Clean(reader[region]).ToString(),
                topic >= 0 ? Values.Clean(reader[topic]).ToString() : "", breakdown >= 0
                    ? Values.Clean(reader[breakdown]).ToString() : "",
                cells));
        }
        return rows;
    }

    private static bool IsMarker(ReadOnlySpan<char> cell)
    {
        foreach (var marker in Markers)
            if (cell.Equals(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// The caseload year (<see cref="AcademicYear"/> key: 2022 for January 2023) a time_period describes. An
    /// academic year's caseload is at January of its second calendar year; the age file's "calendar year" 2022
    /// is January 2022, so key 2021. A flow's calendar year 2022 runs up to January 2023, so it moves the caseload
    /// from key 2021 to key 2022: its key is 2022.
    /// </summary>
    public static int CaseloadKey(int timePeriod) => timePeriod > 9999 ? timePeriod / 100 : timePeriod - 1;

    /// <inheritdoc cref="CaseloadKey"/>
    public static int FlowKey(int calendarYear) => calendarYear;
}
