namespace SendPipeline.Core.Validation;

/// <summary>
/// Collects the issues of one return. Counts are always exact; the detail kept is capped so a file
/// with a million bad rows still validates in bounded memory (the report says how many were left out).
/// </summary>
public sealed class IssueCollector
{
    public const int DefaultDetailLimit = 20_000;

    private readonly List<Issue> _issues = new();
    private readonly Dictionary<string, int> _countsByRule = new(StringComparer.Ordinal);
    private readonly int _detailLimit;

    public IssueCollector(int detailLimit = DefaultDetailLimit) => _detailLimit = detailLimit;

    public int Errors { get; private set; }
    public int Queries { get; private set; }
    public int Omitted { get; private set; }
    public bool HasFileLevelError { get; private set; }
    public IReadOnlyList<Issue> Issues => _issues;
    public IReadOnlyDictionary<string, int> CountsByRule => _countsByRule;

    public void Add(Rule rule, int? row, string? column, string? value, params ReadOnlySpan<(string Name, string? Value)> args)
    {
        if (rule.Severity == Severity.Error) Errors++; else Queries++;
        if (rule.Severity == Severity.Error && row is null) HasFileLevelError = true;
        _countsByRule[rule.Id] = _countsByRule.GetValueOrDefault(rule.Id) + 1;
        if (_issues.Count >= _detailLimit)
        {
            Omitted++;
            return;
        }
        _issues.Add(new Issue(rule.Id, rule.Severity, row, column, value, rule.Format(args), rule.FormatFix(args)));
    }

    /// <summary>Issues in the order a person reads a report: file-level first, then by row.</summary>
    public IReadOnlyList<Issue> Ordered() =>
        _issues.OrderBy(i => i.Row ?? 0).ThenBy(i => i.RuleId, StringComparer.Ordinal).ToList();
}
