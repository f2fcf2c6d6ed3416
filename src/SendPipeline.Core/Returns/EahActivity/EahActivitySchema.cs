using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.EahActivity;

/// <summary>The <c>eah-activity</c> return: Experts at Hand days delivered, per setting, each quarter (spec 2).</summary>
public sealed class EahActivitySchema : IReturnSchema
{
    public static readonly EahActivitySchema Instance = new();

    // Spec order; the validator addresses columns by these positions.
    internal const int ServiceCode = 0, Quarter = 1, LaEstab = 2, Discipline = 3, DaysDelivered = 4, ActivityType = 5;

    public string ReturnType => ReturnTypes.EahActivity;

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("ServiceCode", true), new("Quarter", true), new("LAEstab", true), new("Discipline", true),
        new("DaysDelivered", true), new("ActivityType", true),
    ];

    public IReadOnlyList<Rule> Rules => EahActivityRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new EahActivityValidator(this, context, columns, issues, canonical);
}
