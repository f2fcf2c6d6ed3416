using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Placements;

/// <summary>The <c>placements</c> return: high-needs placements, from each provider, each quarter (spec 2).</summary>
public sealed class PlacementsSchema : IReturnSchema
{
    public static readonly PlacementsSchema Instance = new();

    public string ReturnType => ReturnTypes.Placements;

    public IReadOnlyList<ReturnColumn> Columns => PlacementsColumns.Table;

    public IReadOnlyList<Rule> Rules => PlacementsRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new PlacementsValidator(this, context, columns, issues, canonical);
}
