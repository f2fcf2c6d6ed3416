using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.HnbFinance;

/// <summary>
/// The columns of the <c>hnb-finance</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class HnbFinanceColumns
{
    public static readonly ColumnTable Table = new();

    public static readonly ReturnColumn Year = Table.Required("FinancialYear");
    public static readonly ReturnColumn Line = Table.Required("S251Line");
    public static readonly ReturnColumn Basis = Table.Required("Basis");
    public static readonly ReturnColumn Amount = Table.Required("Amount");
    public static readonly ReturnColumn Note = Table.Optional("Note");
}
