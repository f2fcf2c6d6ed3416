namespace SendPipeline.Core.Validation;

/// <summary>
/// Collects the issues of one return. Counts are always exact; the detail kept is bounded so a file
/// with a million bad rows validates in bounded memory and gives reports of bounded size: at most
/// <see cref="PerRuleDetailLimit"/> issues of each rule and <see cref="DefaultDetailLimit"/> in all
/// are listed, except that the first issue of every rule is always listed, so the uploader sees every
/// kind of problem. The reports say how many more of each rule there are.
/// </summary>
public sealed class IssueCollector
{
    public const int DefaultDetailLimit = 10_000;
    public const int PerRuleDetailLimit = 1_000;

    /// <summary>Arguments the pipeline writes itself (whole sentences), which are never shortened.</summary>
    private const string DetailArgument = "detail";

    private readonly List<Issue> _issues = new();
    private readonly Dictionary<string, int> _countsByRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listedByRule = new(StringComparer.Ordinal);
    private readonly int _detailLimit;
    private readonly int _perRuleLimit;

    public IssueCollector(int detailLimit = DefaultDetailLimit, int perRuleLimit = PerRuleDetailLimit)
    {
        _detailLimit = detailLimit;
        _perRuleLimit = perRuleLimit;
    }

    public int Errors { get; private set; }
    public int Queries { get; private set; }
    public int Omitted { get; private set; }
    public bool HasFileLevelError { get; private set; }
    public IReadOnlyList<Issue> Issues => _issues;
    public IReadOnlyDictionary<string, int> CountsByRule => _countsByRule;

    /// <summary>
    /// The part (file) of a several-file return being read now: issues added without a part of their own are
    /// put in it, so a table validator that knows nothing of parts still reports where its rows are.
    /// </summary>
    public string? CurrentPart { get; set; }

    public void Add(Rule rule, int? row, string? column, string? value,
        params ReadOnlySpan<(string Name, string? Value)> args) => AddIn(CurrentPart, rule, row, column, value, args);

    /// <summary>An issue in one part (module) of a return made of several tables; <paramref name="row"/> counts within it.</summary>
    public void AddIn(string? part, Rule rule, int? row, string? column, string? value,
        params ReadOnlySpan<(string Name, string? Value)> args)
    {
        if (rule.Severity == Severity.Error) Errors++; else Queries++;
        if (rule.Severity == Severity.Error && row is null) HasFileLevelError = true;
        _countsByRule[rule.Id] = _countsByRule.GetValueOrDefault(rule.Id) + 1;
        var listed = _listedByRule.GetValueOrDefault(rule.Id);
        if (listed >= _perRuleLimit || (_issues.Count >= _detailLimit && listed > 0))
        {
            Omitted++;
            return;
        }
        _listedByRule[rule.Id] = listed + 1;
        Span<(string, string?)> shortened = new (string, string?)[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var (name, text) = args[i];
            shortened[i] = (name, name == DetailArgument ? text : IssueText.Shorten(text));
        }
        _issues.Add(new Issue(rule.Id, rule.Severity, row, IssueText.Shorten(column), IssueText.Shorten(value),
            rule.Format(shortened), rule.FormatFix(shortened), part));
    }

    /// <summary>Issues in the order a person reads a report: file-level first, then by row.</summary>
    public IReadOnlyList<Issue> Ordered() =>
        _issues.OrderBy(i => i.Row ?? 0).ThenBy(i => i.RuleId, StringComparer.Ordinal).ToList();
}
