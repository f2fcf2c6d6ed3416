using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.Workforce;

/// <summary>
/// The columns of the <c>workforce</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class WorkforceColumns
{
    public static readonly ColumnTable Table = new();

    public static readonly ReturnColumn ServiceCode = Table.Required("ServiceCode");
    public static readonly ReturnColumn Quarter = Table.Required("Quarter");
    public static readonly ReturnColumn PostId = Table.Required("PostId");
    public static readonly ReturnColumn Discipline = Table.Required("Discipline");
    public static readonly ReturnColumn Role = Table.Required("Role");
    public static readonly ReturnColumn Fte = Table.Required("FTE");
    public static readonly ReturnColumn Status = Table.Required("Status");
    public static readonly ReturnColumn AnnualCost = Table.Required("AnnualCost");
    public static readonly ReturnColumn FundingSource = Table.Required("FundingSource");
    public static readonly ReturnColumn TimeLimitedUntil = Table.Optional("TimeLimitedUntil");
}
