using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.Assumptions;

/// <summary>
/// The columns of the <c>assumptions</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class AssumptionsColumns
{
    public static readonly ColumnTable Table = new();

    public static readonly ReturnColumn Section = Table.Required("Section");
    public static readonly ReturnColumn Key = Table.Required("Key");
    public static readonly ReturnColumn Scenario = Table.Required("Scenario");
    public static readonly ReturnColumn ValueColumn = Table.Required("Value");
    public static readonly ReturnColumn Unit = Table.Optional("Unit");
    public static readonly ReturnColumn Note = Table.Optional("Note");
}
