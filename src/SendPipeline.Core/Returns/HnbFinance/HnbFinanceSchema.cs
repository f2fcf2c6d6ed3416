using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.HnbFinance;

/// <summary>The <c>hnb-finance</c> return: High Needs Block lines, from the LA, per financial year (spec 2).</summary>
public sealed class HnbFinanceSchema : IReturnSchema
{
    public static readonly HnbFinanceSchema Instance = new();

    // Spec order; the validator addresses columns by these positions.
    internal const int Year = 0, Line = 1, Basis = 2, Amount = 3, Note = 4;

    public string ReturnType => ReturnTypes.HnbFinance;

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("FinancialYear", true), new("S251Line", true), new("Basis", true), new("Amount", true), new("Note", false),
    ];

    public IReadOnlyList<Rule> Rules => HnbFinanceRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new HnbFinanceValidator(this, context, columns, issues, canonical);
}
