using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.EahActivity;

/// <summary>
/// The columns of the <c>eah-activity</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class EahActivityColumns
{
    public static readonly ColumnTable Table = new();

    public static readonly ReturnColumn ServiceCode = Table.Required("ServiceCode");
    public static readonly ReturnColumn Quarter = Table.Required("Quarter");
    public static readonly ReturnColumn LaEstab = Table.Required("LAEstab");
    public static readonly ReturnColumn Discipline = Table.Required("Discipline");
    public static readonly ReturnColumn DaysDelivered = Table.Required("DaysDelivered");
    public static readonly ReturnColumn ActivityType = Table.Required("ActivityType");
}
