using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.EhcpHistory;

/// <summary>
/// The <c>ehcp-history</c> return: the DfE's <c>caseload.csv</c> exactly as published (spec 2).
/// The columns listed are the canonical return; the DfE's other columns (percentages, finer
/// placement splits, country codes) are ignored without a query because officers upload the file
/// as downloaded.
/// </summary>
public sealed class EhcpHistorySchema : IReturnSchema
{
    public static readonly EhcpHistorySchema Instance = new();

    public string ReturnType => ReturnTypes.EhcpHistory;

    public IReadOnlyList<ReturnColumn> Columns => EhcpHistoryColumns.Table;

    public IReadOnlyList<Rule> Rules => EhcpHistoryRules.All;

    public Func<string, bool>? IgnoredColumn => _ => true;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new EhcpHistoryValidator(this, context, columns, issues, canonical);
}
