using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Workforce;

/// <summary>The <c>workforce</c> return: Experts at Hand posts, from each service, each quarter (spec 2).</summary>
public sealed class WorkforceSchema : IReturnSchema
{
    public static readonly WorkforceSchema Instance = new();

    // Spec order; the validator addresses columns by these positions.
    internal const int ServiceCode = 0, Quarter = 1, PostId = 2, Discipline = 3, Role = 4, Fte = 5, Status = 6,
        AnnualCost = 7, FundingSource = 8, TimeLimitedUntil = 9;

    public string ReturnType => ReturnTypes.Workforce;

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("ServiceCode", true), new("Quarter", true), new("PostId", true), new("Discipline", true), new("Role", true),
        new("FTE", true), new("Status", true), new("AnnualCost", true), new("FundingSource", true),
        new("TimeLimitedUntil", false),
    ];

    public IReadOnlyList<Rule> Rules => WorkforceRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new WorkforceValidator(this, context, columns, issues, canonical);
}
