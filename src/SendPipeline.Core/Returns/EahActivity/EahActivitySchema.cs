using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.EahActivity;

/// <summary>The <c>eah-activity</c> return: Experts at Hand days delivered, per setting, each quarter (spec 2).</summary>
public sealed class EahActivitySchema : IReturnSchema
{
    public static readonly EahActivitySchema Instance = new();

    public string ReturnType => ReturnTypes.EahActivity;

    public IReadOnlyList<ReturnColumn> Columns => EahActivityColumns.Table;

    public IReadOnlyList<Rule> Rules => EahActivityRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new EahActivityValidator(this, context, columns, issues, canonical);
}
