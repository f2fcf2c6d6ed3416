using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Workforce;

/// <summary>The <c>workforce</c> return: Experts at Hand posts, from each service, each quarter (spec 2).</summary>
public sealed class WorkforceSchema : IReturnSchema
{
    public static readonly WorkforceSchema Instance = new();

    public string ReturnType => ReturnTypes.Workforce;

    public IReadOnlyList<ReturnColumn> Columns => WorkforceColumns.Table;

    public IReadOnlyList<Rule> Rules => WorkforceRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new WorkforceValidator(this, context, columns, issues, canonical);
}
