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

    private static readonly Func<string, bool> IgnoreAll = _ => true;

    public string ReturnType => ReturnTypes.Establishments;

    public IReadOnlyList<ReturnColumn> Columns => EstablishmentsColumns.Table;

    /// <summary>A GIAS extract has a hundred-odd other columns: they are expected, so never a query (spec 2).</summary>
    public Func<string, bool>? IgnoredColumn => IgnoreAll;

    /// <summary>The spec's columns, then the LAEstab every other return keys settings by.</summary>
    public IEnumerable<string> CanonicalColumns => Columns.Select(c => c.Name).Append(EstablishmentsColumns.LaEstab.Name);

    public IReadOnlyList<Rule> Rules => EstablishmentsRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new EstablishmentsValidator(this, context, columns, issues, canonical);
}
