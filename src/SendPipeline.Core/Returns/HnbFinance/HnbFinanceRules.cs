using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.HnbFinance;

/// <summary>
/// The High Needs Block lines of spec 2 <c>hnb-finance</c>. An Actual for a year that has not
/// ended is not checked: the file carries no date of its own and Core has no clock, so "not ended
/// yet" would depend on when the file happened to be validated, and the same bytes must always
/// give the same report.
/// </summary>
public static class HnbFinanceRules
{
    private const string Scope = "hnb-finance";

    public static readonly Rule FinancialYearInvalid = new("HF1000", Severity.Error, Scope,
        "FinancialYear '{value}' is not a financial year written as 2024-25.",
        "Write the financial year as the starting year, a hyphen and the last two digits of the next year, e.g. 2024-25.");

    public static readonly Rule S251LineInvalid = new("HF1100", Severity.Error, Scope,
        "S251Line '{value}' is not a Section 251 high-needs line.",
        "Use one of 1.0.2, 1.2.1 to 1.2.11, or 1.2.13, as in the Section 251 budget and outturn statements.");

    public static readonly Rule BasisInvalid = new("HF1200", Severity.Error, Scope,
        "Basis '{value}' is not Actual, Budget or Forecast.",
        "Use Actual for outturn, Budget for the set budget, Forecast for a projection.");

    public static readonly Rule NegativeAmount = new("HF1300", Severity.Error, Scope,
        "Amount {value} is negative on line {line}; only line 1.0.2 (place-funding deductions) may be negative.",
        "Enter the spend as a positive amount; record income or recoupment against line 1.0.2 only.");

    public static readonly Rule DuplicateLine = new("HF1400", Severity.Error, Scope,
        "{year} line {value} {basis} is also on row {firstRow}: each financial year, line and basis appears once.",
        "Keep one row for this year, line and basis (add the amounts together if they were split), and delete the other.");

    public static readonly IReadOnlyList<Rule> All = [FinancialYearInvalid, S251LineInvalid, BasisInvalid, NegativeAmount, DuplicateLine];
}
