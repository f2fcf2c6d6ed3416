using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData.Pupils;

/// <summary>
/// How a school's SEN pupils spread over its year groups: needs are identified as children grow,
/// so registers fill up towards the top of each phase; sixth forms keep fewer, PRUs mostly take Key Stage 4.
/// </summary>
internal static class YearGroups
{
    public static WeightedTable<int> ForSen(SampleSchool school) => new(Years(school).Select(y => (y, SenWeight(school.Kind, y))));

    /// <summary>A whole-roll export: every year group about the same size, nursery smaller.</summary>
    public static WeightedTable<int> ForRoll(SampleSchool school) => new(Years(school).Select(y => (y, y < 0 ? 0.5 : y >= 12 ? 0.6 : 1.0)));

    private static IEnumerable<int> Years(SampleSchool school) =>
        Enumerable.Range(school.LowestYear, school.HighestYear - school.LowestYear + 1);

    private static double SenWeight(SchoolKind kind, int year) => kind switch
    {
        SchoolKind.Primary => year switch { -2 => 0.02, -1 => 0.15, 0 => 0.5, 1 => 0.8, 2 => 0.95, 3 => 1.05, 4 => 1.1, _ => 1.15 },
        SchoolKind.Secondary => year switch { 7 => 1.1, 8 => 1.05, 9 => 1.0, 10 => 0.95, 11 => 0.9, 12 => 0.35, _ => 0.3 },
        SchoolKind.Special => year switch { <= 3 => 0.7, <= 11 => 1.0, _ => 0.6 },
        _ => year switch { <= 5 => 0.1, 6 => 0.15, 7 => 0.4, 8 => 0.7, 9 => 1.0, _ => 1.2 },
    };
}
