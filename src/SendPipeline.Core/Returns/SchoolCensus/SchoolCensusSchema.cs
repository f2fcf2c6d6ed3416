using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.SchoolCensus;

/// <summary>The <c>school-census</c> return: pupils with SEN, from each school, each census (spec 2).</summary>
public sealed class SchoolCensusSchema : IReturnSchema
{
    public static readonly SchoolCensusSchema Instance = new();

    public string ReturnType => ReturnTypes.SchoolCensus;

    public IReadOnlyList<ReturnColumn> Columns => SchoolCensusColumns.Table;

    public IReadOnlyList<Rule> Rules => SchoolCensusRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new SchoolCensusValidator(this, context, columns, issues, canonical);
}
