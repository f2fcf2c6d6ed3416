using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Establishments;

/// <summary>
/// The <c>establishments</c> return: the register of settings, as a Get Information About Schools
/// extract with GIAS's own column names (spec 2). The latest accepted upload replaces the last.
/// </summary>
public sealed class EstablishmentsSchema : IReturnSchema
{
    public static readonly EstablishmentsSchema Instance = new();

    // Spec order; the validator addresses columns by these positions.
    internal const int Urn = 0, LaCode = 1, EstablishmentNumber = 2, Name = 3, TypeOfEstablishment = 4, PhaseOfEducation = 5, Pupils = 6, Status = 7, Ukprn = 8;

    public const string LaEstabColumn = "LAEstab";

    private static readonly Func<string, bool> IgnoreAll = _ => true;

    public string ReturnType => ReturnTypes.Establishments;

    // Which columns must exist. Type and phase: a file without them is almost always a custom GIAS
    // download with a field left unticked, which would quietly leave every setting without the phase
    // spec 3 sets days targets by; so they must exist and FILE-007 names the field to tick. Their values
    // may be blank: GIAS leaves them blank for some establishments and the spec sets no rule on them.
    // NumberOfPupils may be blank on every row (spec 2), so a file without the column loses nothing.
    // The other five are the register itself: they must exist and have a value on every row.
    // UKPRN is optional: GIAS gives it for colleges and post-16 providers, which return placements under it.
    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("URN", true), new("LA (code)", true), new("EstablishmentNumber", true), new("EstablishmentName", true),
        new("TypeOfEstablishment (name)", true), new("PhaseOfEducation (name)", true), new("NumberOfPupils", false),
        new("EstablishmentStatus (name)", true), new("UKPRN", false),
    ];

    /// <summary>A GIAS extract has a hundred-odd other columns: they are expected, so never a query (spec 2).</summary>
    public Func<string, bool>? IgnoredColumn => IgnoreAll;

    /// <summary>The spec's columns, then the LAEstab every other return keys settings by.</summary>
    public IEnumerable<string> CanonicalColumns => Columns.Select(c => c.Name).Append(LaEstabColumn);

    public IReadOnlyList<Rule> Rules => EstablishmentsRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new EstablishmentsValidator(this, context, columns, issues, canonical);
}
