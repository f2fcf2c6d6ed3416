using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Assumptions;

/// <summary>
/// The <c>assumptions</c> return: the forecast's assumptions as one CSV of keyed values
/// (docs/assumptions.md). CSV rather than JSON because finance officers edit it in Excel, and
/// every row then gets a spreadsheet row number in the report like any other return.
/// </summary>
public sealed class AssumptionsSchema : IReturnSchema
{
    public static readonly AssumptionsSchema Instance = new();

    public string ReturnType => ReturnTypes.Assumptions;

    public IReadOnlyList<ReturnColumn> Columns => AssumptionsColumns.Table;

    public IReadOnlyList<Rule> Rules => AssumptionsRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new AssumptionsValidator(this, context, columns, issues, canonical);
}
