using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.Establishments;

/// <summary>
/// The columns of the <c>establishments</c> return in the spec's order, each declared once: the validator, the
/// canonical writer and the picture's reader all address a column through these.
/// </summary>
public static class EstablishmentsColumns
{
    public static readonly ColumnTable Table = new();

    // Which columns must exist. Type and phase: a file without them is almost always a custom GIAS
    // download with a field left unticked, which would quietly leave every setting without the phase
    // spec 3 sets days targets by; so they must exist and FILE-007 names the field to tick. Their values
    // may be blank: GIAS leaves them blank for some establishments and the spec sets no rule on them.
    // NumberOfPupils may be blank on every row (spec 2), so a file without the column loses nothing.
    // The other five are the register itself: they must exist and have a value on every row.
    // UKPRN is optional: GIAS gives it for colleges and post-16 providers, which return placements under it.
    public static readonly ReturnColumn Urn = Table.Required("URN");
    public static readonly ReturnColumn LaCode = Table.Required("LA (code)");
    public static readonly ReturnColumn EstablishmentNumber = Table.Required("EstablishmentNumber");
    public static readonly ReturnColumn Name = Table.Required("EstablishmentName");
    public static readonly ReturnColumn TypeOfEstablishment = Table.Required("TypeOfEstablishment (name)");
    public static readonly ReturnColumn PhaseOfEducation = Table.Required("PhaseOfEducation (name)");
    public static readonly ReturnColumn Pupils = Table.Optional("NumberOfPupils");
    public static readonly ReturnColumn Status = Table.Required("EstablishmentStatus (name)");
    public static readonly ReturnColumn Ukprn = Table.Optional("UKPRN");

    /// <summary>
    /// The LAEstab every other return keys settings by: computed by the validator and written after the
    /// spec's columns in the canonical return only (a GIAS file never has it), so it is not in <see cref="Table"/>.
    /// </summary>
    public static readonly ReturnColumn LaEstab = new("LAEstab", Required: false, Position: Table.Count);
}
