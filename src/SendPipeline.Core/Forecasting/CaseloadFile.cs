using System.Globalization;
using SendPipeline.Core.Reading;
using C = SendPipeline.Core.Returns.EhcpHistory.EhcpHistoryColumns;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// Reads the totals ("All EHC plans") of England and each LA from the DfE caseload file (spec 2
/// <c>ehcp-history</c>). Regions are left out: the forecast is made for LAs and England, and a
/// region is only the sum of its LAs. A suppressed total (x, z, …) is a missing year.
/// </summary>
public static class CaseloadFile
{
    private const string AllPlans = "All EHC plans", England = "England";

    public static IReadOnlyList<CaseloadSeries> Read(Stream stream)
    {
        var text = new DetectingTextReader(stream);
        using var reader = new CsvTabularReader(text, () => text.EncodingName);
        var header = reader.Header.Select(HeaderMap.Normalise).ToList();
        int Column(string name) => header.IndexOf(HeaderMap.Normalise(name)) is var i and >= 0
            ? i : throw new InvalidDataException($"The caseload file has no {name} column.");
        int period = Column(C.TimePeriod.Name), level = Column(C.GeographicLevel.Name), code = Column(C.OldLaCode.Name),
            name = Column(C.LaName.Name), topic = Column(C.BreakdownTopic.Name), plans = Column(C.EhcPlans.Name);

        var series = new Dictionary<Area, Dictionary<int, double>>();
        while (reader.Read())
        {
            if (!Values.Clean(reader[topic]).Equals(AllPlans, StringComparison.OrdinalIgnoreCase)) continue;
            var levelText = Values.Clean(reader[level]);
            Area area;
            if (levelText.Equals(Area.National, StringComparison.OrdinalIgnoreCase)) area = new Area(Area.National, "", England);
            else if (levelText.Equals(Area.LocalAuthority, StringComparison.OrdinalIgnoreCase))
                area = new Area(Area.LocalAuthority, Values.Clean(reader[code]).ToString(), Values.Clean(reader[name]).ToString());
            else continue;
            if (!AcademicYear.TryParse(Values.Clean(reader[period]), out var year))
                throw new InvalidDataException($"Row {reader.RowNumber}: time_period '{reader[period]}' is not an academic year such as 201819.");
            if (!series.TryGetValue(area, out var byYear)) series[area] = byYear = [];
            var count = Values.Clean(reader[plans]);
            if (Values.IsDigits(count)) byYear[year] = double.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        // England first, then LAs in code order: the order of the output file.
        return series.Select(s => new CaseloadSeries(s.Key, s.Value))
            .OrderBy(s => s.Area.IsNational ? 0 : 1).ThenBy(s => s.Area.OldLaCode, StringComparer.Ordinal).ThenBy(s => s.Area.LaName, StringComparer.Ordinal)
            .ToList();
    }
}
