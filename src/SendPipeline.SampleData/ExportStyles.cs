using System.Globalization;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData;

internal sealed record ExportStyle(CensusFormat Format, string FileName, bool Utf8Bom, bool WholeRoll);

/// <summary>
/// How each school's management information system writes its export: file type and name, date
/// order, boolean spelling, byte-order mark, and whether it lists the whole roll. Schools differ in
/// all of these, and the pipeline must take every valid variant.
/// </summary>
internal static class ExportStyles
{
    public static ExportStyle[] Choose(IReadOnlyList<SampleSchool> schools, SampleLaOptions options, Random rng)
    {
        var mainstream = Enumerable.Range(0, schools.Count).Where(i => schools[i].IsMainstream).ToList();
        var xlsx = Sample(mainstream, options.XlsxSchools, rng);
        var wholeRoll = Sample(mainstream.Where(i => !xlsx.Contains(i)).ToList(), options.SchoolsExportingWholeRoll, rng);

        var census = options.CensusDate;
        var term = CensusDates.TermOf(census).ToString().ToLowerInvariant();
        var year = census.Year.ToString(CultureInfo.InvariantCulture);
        string[] csvNames =
        [
            $"{term}-{year}.csv",
            $"SEN_Census_{census.ToString("MMM", CultureInfo.InvariantCulture)}{year}.csv",
            string.Create(CultureInfo.InvariantCulture, $"census-{census:yyyy-MM-dd}.csv"),
        ];

        var styles = new ExportStyle[schools.Count];
        for (var i = 0; i < schools.Count; i++)
        {
            var dates = rng.NextDouble() < options.UkDateShare ? DateStyle.Uk : DateStyle.Iso;
            var booleans = (BooleanStyle)rng.Next(4);
            var blankWhenFalse = rng.NextDouble() < 0.3;
            var bom = rng.NextDouble() < 0.35;
            var csvName = csvNames[rng.Next(csvNames.Length)];
            styles[i] = xlsx.Contains(i)
                ? new ExportStyle(new CensusFormat(DateStyle.Iso, booleans, blankWhenFalse, TypedCells: true), $"{term}-{year}.xlsx", false, false)
                : new ExportStyle(new CensusFormat(dates, booleans, blankWhenFalse, TypedCells: false), csvName, bom, wholeRoll.Contains(i));
        }
        return styles;
    }

    private static HashSet<int> Sample(List<int> from, int count, Random rng)
    {
        var pool = from.ToList();
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, from.Count))
        {
            var k = rng.Next(pool.Count);
            chosen.Add(pool[k]);
            pool.RemoveAt(k);
        }
        return chosen;
    }
}
