using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.HnbFinance;

/// <summary>The <c>hnb-finance</c> return: High Needs Block lines, from the LA, per financial year (spec 2).</summary>
public sealed class HnbFinanceSchema : IReturnSchema
{
    public static readonly HnbFinanceSchema Instance = new();

    public string ReturnType => ReturnTypes.HnbFinance;

    public IReadOnlyList<ReturnColumn> Columns => HnbFinanceColumns.Table;

    public IReadOnlyList<Rule> Rules => HnbFinanceRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new HnbFinanceValidator(this, context, columns, issues, canonical);
}
